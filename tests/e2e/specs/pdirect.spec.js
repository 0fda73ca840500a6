// A customer paying with a PDirect wallet on the demo page, against the
// running sandbox: the real merchant backend, the real simulator.
import { expect } from "@playwright/test";
import { collectKeys, events, fillWallet, pdirectTransactions, recordEvents, test, waitForEvent } from "./support.js";

test.beforeEach(async ({ page, request }) => {
  await request.delete("/sandbox/faults");
  await recordEvents(page);
});

test("the sandbox wallet is approved: response pending, then complete approved", async ({ page }) => {
  const errors = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await page.goto("/");
  const pay = await fillWallet(page);
  await pay.click();

  const response = await waitForEvent(page, "response");
  expect(response).toMatchObject({
    gateway: "pdirect",
    paymentStatus: "pending",
    amount: "12.50",
    currency: "USD",
    feeAmount: "0.50",
    totalAmount: "13.00",
    message: "Payment request received",
  });
  expect(response.transactionId).toMatch(/^txn_/);
  await expect(page.locator("pay-checkout").getByText("Approve the payment on your phone")).toBeVisible();

  const complete = await waitForEvent(page, "complete");
  expect(complete).toEqual({ gateway: "pdirect", transactionId: response.transactionId, paymentStatus: "approved" });
  await expect(page.locator("pay-checkout").getByText("Payment approved")).toBeVisible();
  const steps = (await events(page, "step")).map((detail) => detail.step);
  expect(steps).toEqual(["form", "awaiting", "result"]);
  expect(await events(page, "complete")).toHaveLength(1);
  expect(await events(page, "error")).toEqual([]);
  expect(errors).toEqual([]);
});

for (const { name, phone, pin, code } of [
  { name: "a declined PIN", phone: "+243998857000", pin: "000000", code: "2001" },
  { name: "insufficient funds", phone: "+254700000002", pin: "123456", code: "2002" },
]) {
  test(`${name} completes failed with the gateway's code ${code} in error`, async ({ page }) => {
    await page.goto("/");
    await (await fillWallet(page, { phone, pin })).click();
    const complete = await waitForEvent(page, "complete");
    expect(complete.paymentStatus).toBe("failed");
    const [error] = await events(page, "error");
    expect(error).toMatchObject({ gateway: "pdirect", errorCode: code, retryable: false });
    await expect(page.locator("pay-checkout").getByText("Payment failed")).toBeVisible();
  });
}

test("a number that never resolves completes pending after status-timeout", async ({ page }) => {
  await page.goto("/");
  await page.locator("pay-checkout").evaluate((element) => element.setAttribute("status-timeout", "3"));
  const started = Date.now();
  await (await fillWallet(page, { phone: "+254700000003", pin: "123456" })).click();
  const complete = await waitForEvent(page, "complete");
  expect(complete.paymentStatus).toBe("pending");
  expect(Date.now() - started).toBeGreaterThanOrEqual(3_000);
  await expect(page.locator("pay-checkout").getByText("Payment pending")).toBeVisible();
});

test("a double click creates one transaction", async ({ page, request }) => {
  await page.goto("/");
  const before = (await pdirectTransactions(request)).length;
  const keys = collectKeys(page);
  const pay = await fillWallet(page);
  await pay.dblclick();
  await waitForEvent(page, "response");
  await page.waitForTimeout(500);
  expect(keys).toHaveLength(1);
  expect(await events(page, "response")).toHaveLength(1);
  expect((await pdirectTransactions(request)).length).toBe(before + 1);
});

test("an answer lost after the gateway processed it is retried with the same key: one transaction", async ({
  page,
  request,
}) => {
  await page.goto("/");
  const before = (await pdirectTransactions(request)).length;
  // Twice: Chromium itself silently resends a request whose connection
  // closed with no answer once; the second drop reaches the widget.
  const armed = await request.post("/sandbox/faults", {
    data: { path: "/pdirect/api/v1/payments/collect", method: "POST", fault: "drop_after_processing", times: 2 },
  });
  expect(armed.status()).toBe(201);
  const keys = collectKeys(page);
  await (await fillWallet(page)).click();
  const response = await waitForEvent(page, "response");
  // Chromium may resend a dropped request on its own, below what the page
  // sees; the simulator counts every request that reached it.
  expect(new Set(keys).size).toBe(1);
  expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  const transactions = await pdirectTransactions(request);
  expect(transactions.length).toBe(before + 1);
  expect(transactions.at(-1)).toMatchObject({ transaction_id: response.transactionId, idempotency_key: keys[0] });
  expect(transactions.at(-1).device_fingerprint).toMatch(/^[0-9a-f]{64}$/);
  expect(transactions.at(-1).requests).toBeGreaterThanOrEqual(3); // two dropped, one answered
  await waitForEvent(page, "complete");
});

test("fields are checked before anything is sent", async ({ page }) => {
  await page.goto("/");
  const sent = [];
  page.on("request", (request) => request.url().includes("/payments/collect") && sent.push(request.url()));
  const pay = await fillWallet(page, { phone: "099 885 700", pin: "12" });
  await pay.click();
  const [error] = await waitForEvent(page, "error").then(() => events(page, "error"));
  expect(error).toMatchObject({ gateway: "pdirect", errorCode: "VALIDATION_ERROR", retryable: true });
  const form = page.locator("pay-checkout form");
  // A national number is read in the country shown (DR Congo): this one
  // is a digit short.
  await expect(form.getByText("A number in DR Congo has 9 digits after +243.")).toBeVisible();
  await expect(form.getByText("The PIN has 6 digits.")).toBeVisible();
  expect(sent).toEqual([]);
});

test("fields the page gives later leave the form, the others keep what was typed and the focus, and they come back", async ({ page }) => {
  await page.goto("/");
  const form = page.locator("pay-checkout form");
  const ids = () => form.locator("input[id^=pay-]").evaluateAll((inputs) => inputs.map((input) => input.id));
  await expect(form.locator("#pay-email")).toBeVisible();
  expect(await ids()).toEqual(["pay-phone_number", "pay-wallet_number", "pay-wallet_pin", "pay-first_name", "pay-last_name", "pay-email"]);
  await form.locator("#pay-wallet_number").fill("3005710720108954");
  await form.locator("#pay-first_name").fill("Ada");
  await form.locator("#pay-wallet_number").focus();

  // The page now gives the names and the email.
  const setBody = (body) => page.evaluate((body) => (document.querySelector("pay-checkout").paymentBody = body), body);
  await setBody({ firstName: "John", lastName: "Doe", email: "john.doe@example.com" });
  await expect(form.locator("#pay-email")).toHaveCount(0);
  expect(await ids()).toEqual(["pay-phone_number", "pay-wallet_number", "pay-wallet_pin"]);
  await expect(form.locator("#pay-wallet_number")).toHaveValue("3005710720108954");
  await expect(form.locator("#pay-wallet_number")).toBeFocused();

  // And takes the email back: it is asked for again, in its place.
  await setBody({ firstName: "John", lastName: "Doe" });
  await expect(form.locator("#pay-email")).toBeVisible();
  expect(await ids()).toEqual(["pay-phone_number", "pay-wallet_number", "pay-wallet_pin", "pay-email"]);
  await expect(form.locator("#pay-wallet_number")).toHaveValue("3005710720108954");
  await expect(form.locator("#pay-wallet_number")).toBeFocused();
});

test("the demo's fault buttons arm a sandbox fault, and paying through it charges once", async ({ page, request }) => {
  await page.goto("/");
  const before = (await pdirectTransactions(request)).length;
  await page.getByRole("button", { name: "Answer the next payment with 503" }).click();
  await expect(page.locator("#fault-status")).toHaveText("Armed: error_503 for the next payment.");
  const armed = await (await request.get("/sandbox/faults")).json();
  expect(armed).toEqual([expect.objectContaining({ fault: "error_503", path: "/pdirect/api/v1/payments/collect" })]);
  await (await fillWallet(page)).click();
  await waitForEvent(page, "response");
  expect((await pdirectTransactions(request)).length).toBe(before + 1);
  expect(await events(page, "error")).toEqual([]);
});
