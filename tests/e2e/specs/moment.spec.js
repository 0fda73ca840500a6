// Moment through the npm package's createCheckout() on the demo's shop page
// (www/shop-moment.html): the sheet, the hosted checkout inside it, the
// authentication redirect and the way back, each callback as the SDK's.
import { expect } from "@playwright/test";
import { events, recordEvents, test } from "./support.js";

const APPROVED = "+243998857000";

test.beforeEach(async ({ page }) => {
  await recordEvents(page);
});

const calls = (page) => page.evaluate(() => (window.calls ?? []).map((call) => call.name));
const sheet = (page) => page.getByRole("dialog", { name: "Secure checkout" });
const checkoutFrame = (page) => page.frameLocator("pay-checkout iframe.checkout-frame");

async function launch(page) {
  await page.goto("/shop-moment.html");
  await page.getByRole("button", { name: "Pay R100.00" }).click();
  await expect(sheet(page)).toBeVisible();
  await expect(checkoutFrame(page).getByLabel("Mobile money number")).toBeVisible();
}

async function payInSheet(page, phone) {
  const frame = checkoutFrame(page);
  await frame.getByLabel("Mobile money number").fill(phone);
  await frame.getByRole("button", { name: "Pay" }).click();
}

test("launch → sheet → pay → onSuccess, matching the element's complete event", async ({ page }) => {
  await launch(page);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).toBe("hidden");
  await payInSheet(page, APPROVED);
  await expect.poll(() => calls(page)).toEqual(["onSuccess"]);
  await expect(sheet(page).getByText("Payment approved")).toBeVisible();
  const [complete] = await events(page, "complete");
  expect(complete.paymentStatus).toBe("approved");
  expect(complete.transactionId).toMatch(/^ps_/);
  expect(await page.evaluate(() => window.calls[0].detail)).toEqual(complete);
  await sheet(page).getByRole("button", { name: "Done" }).click();
  await expect(sheet(page)).toBeHidden();
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).toBe("visible");
});

test("pay with an authentication redirect → back with ?session_id= → onSuccess", async ({ page }) => {
  await launch(page);
  await payInSheet(page, "+243998850005");
  await page.waitForURL(/\/moment\/authenticate\/ps_/);
  const id = new URL(page.url()).pathname.split("/").at(-1);
  await page.getByRole("button", { name: "Approve" }).click();
  await page.waitForURL(/\/shop-moment\.html/);
  await expect.poll(() => calls(page)).toEqual(["onSuccess"]);
  expect((await events(page, "complete"))[0]).toEqual({ gateway: "moment", transactionId: id, paymentStatus: "approved" });
  await expect(sheet(page).getByText("Payment approved")).toBeVisible();
  await expect.poll(() => new URL(page.url()).searchParams.has("session_id")).toBe(false);
});

test("closing the sheet → onCancel; Escape too", async ({ page }) => {
  await launch(page);
  await sheet(page).getByRole("button", { name: "Close" }).click();
  await expect(sheet(page)).toBeHidden();
  await expect.poll(() => calls(page)).toEqual(["onCancel"]);
  expect((await events(page, "complete"))[0].paymentStatus).toBe("cancelled");

  await page.getByRole("button", { name: "Pay R100.00" }).click();
  await expect(checkoutFrame(page).getByLabel("Mobile money number")).toBeVisible();
  await sheet(page).getByRole("button", { name: "Close" }).focus();
  await page.keyboard.press("Escape");
  await expect(sheet(page)).toBeHidden();
  await expect.poll(() => calls(page)).toEqual(["onCancel", "onCancel"]);
  expect(await page.evaluate(() => window.tokenRequests)).toBe(2);
});

test("declined once, then approved → onAttemptFailed then onSuccess", async ({ page }) => {
  await launch(page);
  await payInSheet(page, "+243998850002");
  await expect(checkoutFrame(page).getByText("Declined: insufficient funds")).toBeVisible();
  await expect.poll(() => calls(page)).toEqual(["onAttemptFailed"]);
  const attempt = await page.evaluate(() => window.calls[0].detail);
  expect(attempt).toMatchObject({ gateway: "moment", errorCode: "insufficient_funds", retryable: true });
  await payInSheet(page, APPROVED);
  await expect.poll(() => calls(page)).toEqual(["onAttemptFailed", "onSuccess"]);
});

test("keyboard only: open, pay inside the sheet, focus never leaves it", async ({ page }) => {
  await page.goto("/shop-moment.html");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Pay R100.00" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(checkoutFrame(page).getByLabel("Mobile money number")).toBeVisible();
  // Focus starts in the dialog and stays in it (the host holds it while the frame does).
  for (let press = 0; press < 6; press += 1) {
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe("pay-checkout");
    await page.keyboard.press("Tab");
  }
  const phone = checkoutFrame(page).getByLabel("Mobile money number");
  while (!(await phone.evaluate((input) => input === document.activeElement))) await page.keyboard.press("Tab");
  await page.keyboard.type(APPROVED);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect.poll(() => calls(page)).toEqual(["onSuccess"]);
});

test("an expired session → onExpired, and Start again fetches a fresh token", async ({ page }) => {
  await launch(page);
  const action = await checkoutFrame(page).locator("form").getAttribute("action");
  const id = action.split("/")[3];
  expect((await page.request.post(`/sandbox/moment/sessions/${id}/expire`)).ok()).toBe(true);
  await payInSheet(page, APPROVED);
  await expect.poll(() => calls(page)).toEqual(["onExpired"]);
  await sheet(page).getByRole("button", { name: "Start again" }).click();
  await expect(checkoutFrame(page).getByLabel("Mobile money number")).toBeVisible();
  expect(await page.evaluate(() => window.tokenRequests)).toBe(2);
});

test("a secret key is refused with CONFIG_ERROR before any request", async ({ page }) => {
  const sessions = [];
  page.on("request", (request) => request.url().includes("/merchant/moment/") && sessions.push(request.url()));
  await page.goto("/shop-moment.html?clientKey=sk_test_leaked");
  await page.getByRole("button", { name: "Pay R100.00" }).click();
  // The customer is told the shop must fix it; the developer reads why.
  await expect(sheet(page).getByRole("alert")).toContainText("The shop's checkout is not set up correctly.");
  const details = await page.evaluate(() => window.calls.filter((call) => call.name === "onError").map((call) => call.detail));
  expect(details.length).toBeGreaterThan(0);
  expect(new Set(details.map((detail) => detail.errorCode))).toEqual(new Set(["CONFIG_ERROR"]));
  expect(details[0].message).toContain("secret key");
  expect(sessions).toEqual([]);
});

test("on a 360 px phone the sheet fits the screen and its Pay button is reachable", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await launch(page);
  const box = await sheet(page).boundingBox();
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(360);
  await expect(checkoutFrame(page).getByRole("button", { name: "Pay" })).toBeInViewport();
});

test("the demo's element with session-url and its own Pay button pays in the sheet", async ({ page }) => {
  await page.goto("/?gateway=moment");
  await page.locator("pay-checkout").getByRole("button", { name: /Pay ZAR.100\.00/ }).click();
  await payInSheet(page, APPROVED);
  await expect.poll(async () => (await events(page, "complete")).map((detail) => detail.paymentStatus)).toEqual(["approved"]);
  const steps = (await events(page, "step")).map((detail) => detail.step);
  expect(steps).toEqual(["form", "result"]);
});

test("the element moved while the sheet shows the checkout: the same checkout comes back, paid once", async ({ page, request }) => {
  await page.goto("/?gateway=moment");
  await page.locator("pay-checkout").getByRole("button", { name: /Pay ZAR.100\.00/ }).click();
  await expect(checkoutFrame(page).getByLabel("Mobile money number")).toBeVisible();
  const sessionsBefore = (await (await request.get("/sandbox/ledger")).json()).entries.filter((entry) => entry.gateway === "moment");
  // A framework re-parenting the element: the browser reloads its frame blank.
  await page.evaluate(() => {
    const element = document.querySelector("pay-checkout");
    const holder = document.createElement("div");
    element.replaceWith(holder);
    holder.replaceWith(element);
  });
  // Still a modal: in the top layer, the page behind it inert.
  await expect
    .poll(() => page.locator("pay-checkout").evaluate((element) => element.shadowRoot.querySelector("dialog").matches(":modal")))
    .toBe(true);
  await payInSheet(page, APPROVED);
  await expect.poll(async () => (await events(page, "complete")).map((detail) => detail.paymentStatus)).toEqual(["approved"]);
  const sessions = (await (await request.get("/sandbox/ledger")).json()).entries.filter((entry) => entry.gateway === "moment");
  // No new session: the moved element posted the same one into its frame.
  expect(sessions).toHaveLength(sessionsBefore.length);
  expect(sessions.filter((entry) => entry.status === "approved").map((entry) => entry.ids[0])).toContain(
    (await events(page, "complete"))[0].transactionId,
  );
});
