// A whole payment with the keyboard alone, per gateway: Tab reaches every
// field and button in order, typing fills them, Enter or Space presses,
// and focus is always visible (a focus ring drawn by :focus-visible).
import { expect } from "@playwright/test";
import { focused, tabTo } from "./a11y.js";
import { test, waitForEvent, recordEvents } from "./support.js";

const byLabel = (label) => (now) => now.label === label;
const byText = (pattern) => (now) => now.tag === "button" && pattern.test(now.text);

/** The focus ring of what has focus, as drawn. */
async function focusRing(page) {
  return page.locator("pay-checkout").evaluate((element) => {
    const active = element.shadowRoot.activeElement;
    const style = active && getComputedStyle(active);
    return style ? { width: parseFloat(style.outlineWidth), style: style.outlineStyle } : null;
  });
}

async function typeInto(page, label, text) {
  await tabTo(page, byLabel(label), label);
  await page.keyboard.type(text);
}

test.beforeEach(async ({ page, request }) => {
  await request.delete("/sandbox/faults");
  await recordEvents(page);
});

test("PDirect: the wallet form, by keyboard", async ({ page }) => {
  await page.goto("/");
  await typeInto(page, "Phone number", "+243998857000");
  const ring = await focusRing(page);
  expect(ring.style).toBe("solid");
  expect(ring.width).toBeGreaterThanOrEqual(2);
  for (const [label, value] of [
    ["Wallet number", "3005710720108954"],
    ["Wallet PIN", "048698"],
    ["First name", "John"],
    ["Last name", "Doe"],
    ["Email", "john.doe@example.com"],
  ]) {
    await typeInto(page, label, value);
  }
  await tabTo(page, byText(/^Pay /), "the Pay button");
  await page.keyboard.press("Enter");
  expect((await waitForEvent(page, "complete")).paymentStatus).toBe("approved");
});

test("universal gateway: phone, the gateway's field, the one-time code, by keyboard", async ({ page }) => {
  await page.goto("/?gateway=universal");
  await typeInto(page, "Phone number", "+254712340004");
  // Enter in a field submits its form, as in any form.
  await page.keyboard.press("Enter");
  await expect(page.locator("pay-checkout").getByLabel("Email")).toBeVisible();
  await typeInto(page, "Email", "test@example.com");
  await page.keyboard.press("Enter");
  await expect(page.locator("pay-checkout").getByLabel("Code sent to your phone")).toBeVisible();
  await typeInto(page, "Code sent to your phone", "123456");
  await tabTo(page, byText(/^Confirm$/), "Confirm");
  await page.keyboard.press("Space");
  expect((await waitForEvent(page, "complete")).paymentStatus).toBe("approved");
});

test("invoice: number, detected operator, Pay, by keyboard", async ({ page }) => {
  await page.goto("/?gateway=invoice");
  await typeInto(page, "Mobile money number", "099 885 7000");
  await expect(page.locator("pay-checkout").getByText("Detected: Airtel Money.")).toBeVisible();
  await tabTo(page, byText(/^Pay /), "the Pay button");
  await page.keyboard.press("Enter");
  expect((await waitForEvent(page, "complete")).paymentStatus).toBe("approved");
});

test("PayGate: to the hosted page and back, by keyboard", async ({ page }) => {
  await page.goto("/?gateway=paygate");
  await tabTo(page, byText(/with PayGate$/), "the PayGate button");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/paygate\/checkout\//);
  await tabTo(page, byText(/^Pay$/), "PayGate's Pay");
  await page.keyboard.press("Enter");
  expect((await waitForEvent(page, "complete")).paymentStatus).toBe("approved");
});

test("Moment: the sheet opens with focus inside, the hosted checkout is reachable, Done closes it", async ({ page }) => {
  await page.goto("/?gateway=moment");
  await tabTo(page, byText(/^Pay /), "the Pay button");
  await page.keyboard.press("Enter");
  // The modal takes the focus: its close button first.
  await expect.poll(async () => (await focused(page)).label).toBe("Close");
  const frame = page.frameLocator("pay-checkout iframe.checkout-frame");
  await expect(frame.getByLabel("Mobile money number")).toBeVisible();
  await typeInto(page, "Mobile money number", "+243998857000");
  await page.keyboard.press("Enter");
  expect((await waitForEvent(page, "complete")).paymentStatus).toBe("approved");
  await tabTo(page, byText(/^Done$/), "Done");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: "Secure checkout" })).toBeHidden();
});
