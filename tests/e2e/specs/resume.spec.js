// What the element keeps in sessionStorage to resume (an id, nothing
// secret) cannot be turned against it: a tampered value is discarded, a
// stale one the gateway never saw leads back to the form, and the customer
// pays normally, once.
import { expect } from "@playwright/test";
import { events, recordEvents, test } from "./support.js";

const TAMPERED = ['<img src=x onerror="window.pwned=1">', "../../etc/passwd", "x".repeat(5000), "{}"];

test.beforeEach(async ({ page }) => {
  await recordEvents(page);
});

function statusAndInits(page, path) {
  const sent = [];
  page.on("request", (request) => {
    if (request.url().includes(path)) sent.push({ url: request.url(), body: request.postData() ?? "" });
  });
  return sent;
}

for (const value of TAMPERED) {
  test(`universal gateway: a tampered order reference (${value.slice(0, 20)}…) is discarded`, async ({ page }) => {
    await page.addInitScript((stored) => {
      if (!sessionStorage.getItem("tampered")) {
        sessionStorage.setItem("pay-checkout:universal:order", stored);
        sessionStorage.setItem("tampered", "1");
      }
    }, value);
    const sent = statusAndInits(page, "/merchant/universal/");
    await page.goto("/?gateway=universal");
    const checkout = page.locator("pay-checkout");
    await checkout.getByLabel("Phone number").fill("+254700000009");
    await checkout.getByRole("button", { name: "Pay 100.00 KES" }).click();
    await checkout.getByLabel("Email").fill("test@example.com");
    await checkout.getByRole("button", { name: "Continue" }).click();
    await expect.poll(async () => (await events(page, "complete")).length, { timeout: 15_000 }).toBe(1);
    expect((await events(page, "complete"))[0].paymentStatus).toBe("approved");
    // Nothing was ever sent with the tampered value, and nothing ran from it.
    expect(sent.some(({ url, body }) => url.includes(value) || body.includes(value))).toBe(false);
    expect(await page.evaluate(() => window.pwned)).toBeUndefined();
  });
}

test("invoice: a tampered reference is discarded; the collection gets a fresh UUID v4", async ({ page }) => {
  // The element keeps its reference under its checkout session's key, and
  // the demo's order keeps the same checkout session across a reload.
  const sessions = [];
  page.on("response", async (response) => {
    if (response.url().endsWith("/merchant/invoice/checkout")) {
      sessions.push((await response.json()).checkout_session_id);
    }
  });
  await page.goto("/?gateway=invoice");
  const checkout = page.locator("pay-checkout");
  await expect(checkout.getByLabel("Mobile money number")).toBeVisible();
  await expect.poll(() => sessions.length).toBe(1);
  const key = `pay-checkout:invoice:${sessions[0]}`;
  await page.evaluate((storageKey) => sessionStorage.setItem(storageKey, '<img src=x onerror="window.pwned=1">'), key);
  const collects = [];
  page.on("request", (request) => {
    if (request.url().endsWith("/merchant/invoice/collect")) collects.push(request.postDataJSON());
  });
  await page.reload();
  await checkout.getByLabel("Mobile money number").fill("099 885 7000");
  await expect(checkout.getByText("Detected: Airtel Money.")).toBeVisible();
  await checkout.getByRole("button", { name: /^Pay / }).click();
  await expect.poll(async () => (await events(page, "complete")).length, { timeout: 15_000 }).toBe(1);
  expect(sessions).toEqual([sessions[0], sessions[0]]);
  expect(collects).toHaveLength(1);
  expect(collects[0].reference_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  // The element's own reference replaced the hostile value under that key.
  expect(await page.evaluate((storageKey) => sessionStorage.getItem(storageKey), key)).toBe(collects[0].reference_id);
  expect(await page.evaluate(() => window.pwned)).toBeUndefined();
});
