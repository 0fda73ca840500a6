// PayGate on the demo page (?gateway=paygate): the customer leaves for the
// hosted checkout and comes back; the element verifies the session through
// the sandbox's merchant backend and reports it once.
import { expect } from "@playwright/test";
import { events, recordEvents, test, waitForEvent } from "./support.js";

const PAGE = "/?gateway=paygate";

test.beforeEach(async ({ page }) => {
  await recordEvents(page);
});

/** Clicks Pay on the merchant page; returns the session id of the hosted page. */
async function leaveForPaygate(page) {
  await page.goto(PAGE);
  await page.locator("pay-checkout").getByRole("button", { name: /Pay GHS.50\.00 with PayGate/ }).click();
  await page.waitForURL(/\/paygate\/checkout\/cs_/);
  await expect(page.getByText("Amount: 50.00 GHS")).toBeVisible();
  return new URL(page.url()).pathname.split("/").at(-1);
}

test("pay on PayGate's page → back on the merchant page → complete approved", async ({ page }) => {
  const id = await leaveForPaygate(page);
  await page.getByRole("button", { name: "Pay" }).click();
  await page.waitForURL((url) => url.pathname === "/" && url.searchParams.get("gateway") === "paygate");
  await expect(page.locator("pay-checkout").getByText("Payment approved")).toBeVisible();
  const complete = await waitForEvent(page, "complete");
  expect(complete).toEqual({ gateway: "paygate", transactionId: id, paymentStatus: "approved" });
  // The id leaves the address bar once handled.
  await expect.poll(() => new URL(page.url()).searchParams.has("session_id")).toBe(false);
});

test("cancel on PayGate's page → complete cancelled", async ({ page }) => {
  const id = await leaveForPaygate(page);
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.locator("pay-checkout").getByText("Payment cancelled")).toBeVisible();
  expect(await waitForEvent(page, "complete")).toEqual({ gateway: "paygate", transactionId: id, paymentStatus: "cancelled" });
});

test("a reloaded or replayed return page never reports the session twice", async ({ page }) => {
  const id = await leaveForPaygate(page);
  await page.getByRole("button", { name: "Pay" }).click();
  await waitForEvent(page, "complete");

  await page.reload();
  await expect(page.locator("pay-checkout").getByRole("button", { name: /Pay GHS.50\.00/ })).toBeVisible();
  // The replayed return link (back button, bookmark): the outcome is shown again, not reported.
  await page.goto(`${PAGE}&session_id=${id}`);
  await expect(page.locator("pay-checkout").getByText("Payment approved")).toBeVisible();
  await page.waitForTimeout(500);
  expect(await events(page, "complete")).toEqual([]);
});

test("a session that expired before the customer paid → complete expired", async ({ page }) => {
  const id = await leaveForPaygate(page);
  const expired = await page.request.post(`/paygate/v1/checkout/sessions/${id}/expire`, {
    headers: { authorization: "Bearer sk_test_e2e" },
  });
  expect(expired.ok()).toBe(true);
  await page.reload();
  await expect(page.getByText("This checkout session is expired.")).toBeVisible();
  await page.getByRole("link", { name: "Back to the shop" }).click();
  await expect(page.locator("pay-checkout").getByText("Payment expired")).toBeVisible();
  expect(await waitForEvent(page, "complete")).toEqual({ gateway: "paygate", transactionId: id, paymentStatus: "expired" });
});
