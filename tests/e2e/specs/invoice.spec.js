// The invoice gateway on the demo page (?gateway=invoice): the merchant
// backend invoices the sandbox cart; the customer pays from a mobile-money
// wallet, approves on the phone and gets the receipt.
import { expect } from "@playwright/test";
import { events, recordEvents, test, waitForEvent } from "./support.js";

const PAGE = "/?gateway=invoice";
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test.beforeEach(async ({ page }) => {
  await recordEvents(page);
});

function collectRequests(page) {
  const sent = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith("/merchant/invoice/collect")) sent.push(request.postDataJSON());
  });
  return sent;
}

async function executionsFor(request, reference) {
  const all = await (await request.get("/sandbox/invoice/executions")).json();
  return all.filter((execution) => execution.reference_id === reference);
}

async function typeNumber(page, number) {
  const checkout = page.locator("pay-checkout");
  await checkout.getByLabel("Mobile money number").fill(number);
  return checkout;
}

test("happy path: operator detected, fees shown before Pay, approved on the phone, receipt", async ({ page, request }) => {
  const sent = collectRequests(page);
  await page.goto(PAGE);
  const checkout = await typeNumber(page, "099 885 7000");
  await expect(checkout.getByText("Detected: Airtel Money.")).toBeVisible();
  await expect(checkout.getByLabel("Mobile money operator")).toHaveValue("AIRTEL_MONEY_CD");
  // The invoice (2 × 12.50 + 5.00 USD), its fee, and the CDF the wallet pays.
  await expect(checkout.getByText("Kitenge fabric, 2 m")).toBeVisible();
  await expect(checkout.getByText("1 USD = 2850.0000 CDF")).toBeVisible();
  const pay = checkout.getByRole("button", { name: /^Pay CDF\s?86,782\.50$/ });
  await expect(pay).toBeVisible();
  await pay.click();
  expect((await waitForEvent(page, "step", 2)).step).toBe("awaiting");
  await expect(checkout.getByText("Approve the payment on your phone")).toBeVisible();
  await expect(checkout.getByText("Payment approved")).toBeVisible({ timeout: 15_000 });
  const receipt = checkout.getByRole("region", { name: "Receipt" });
  await expect(receipt.getByText("Airtel Money +243 ••• 7000")).toBeVisible();
  await expect(receipt.getByText("Delivery")).toBeVisible();
  await expect(receipt.getByText("$0.45")).toBeVisible();
  await expect(receipt.getByRole("button", { name: "Print receipt" })).toBeVisible();

  const [response] = await events(page, "response");
  const [complete] = await events(page, "complete");
  expect(response).toMatchObject({ gateway: "invoice", paymentStatus: "pending", currency: "CDF", amount: "86782.50" });
  expect(complete).toEqual({ gateway: "invoice", transactionId: response.transactionId, paymentStatus: "approved" });
  expect(complete.transactionId).toMatch(UUID_V4);
  expect(sent).toEqual([{ reference_id: complete.transactionId, phone_number: "+243998857000", gateway_provider: "AIRTEL_MONEY_CD", currency: "CDF" }]);
  await expect(receipt.getByText(complete.transactionId)).toBeVisible();
  expect(await executionsFor(request, complete.transactionId)).toHaveLength(1);
});

test("the detected operator can be overridden: the collection goes to the customer's choice", async ({ page }) => {
  const sent = collectRequests(page);
  await page.goto(PAGE);
  const checkout = await typeNumber(page, "+243 81 234 5678");
  await expect(checkout.getByText("Detected: Vodacom M-Pesa.")).toBeVisible();
  await checkout.getByLabel("Mobile money operator").selectOption({ label: "Orange Money" });
  await checkout.getByRole("button", { name: /^Pay / }).click();
  await expect(checkout.getByText("Payment approved")).toBeVisible({ timeout: 15_000 });
  expect(sent.map((body) => body.gateway_provider)).toEqual(["ORANGE_MONEY_CD"]);
  await expect(checkout.getByText("Orange Money +243 ••• 5678")).toBeVisible();
});

test("a number cut short before its operator is known: the answer that comes back is not shown", async ({ page }) => {
  await page.goto(PAGE);
  const asked = page.waitForResponse((response) => response.url().includes("/operator?phone_number="));
  const checkout = await typeNumber(page, "099 885 7000");
  // One digit less, before the debounced lookup has even left.
  await checkout.getByLabel("Mobile money number").fill("099 885 700");
  await asked;
  // Let the answer's task run: it must find the lookup moved on.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
  await expect(checkout.getByText("Detected: Airtel Money.")).toHaveCount(0);
  await expect(checkout.locator(".operator-note")).toBeEmpty();
  // The full number again: detected as before.
  await checkout.getByLabel("Mobile money number").fill("099 885 7000");
  await expect(checkout.getByText("Detected: Airtel Money.")).toBeVisible();
});

test("a lost collection answer, then a reload: the stored reference resumes, one collection only", async ({ page, request }) => {
  await page.goto(PAGE);
  const armed = await request.post("/sandbox/faults", {
    // Twice: Chromium silently resends a request whose connection closed
    // with no answer once; the second drop reaches the element.
    data: { path: "/merchant/invoice/collect", method: "POST", fault: "drop_after_processing", times: 2 },
  });
  expect(armed.status()).toBe(201);
  const checkout = await typeNumber(page, "+243998857000");
  await expect(checkout.getByText("Detected: Airtel Money.")).toBeVisible();
  await checkout.getByRole("button", { name: /^Pay / }).click();
  await expect.poll(async () => (await (await request.get("/sandbox/faults")).json()).length).toBe(0);
  const reference = await page.evaluate(() => {
    const key = Object.keys(sessionStorage).find((name) => name.startsWith("pay-checkout:invoice:"));
    return sessionStorage.getItem(key);
  });
  expect(reference).toMatch(UUID_V4);

  const sentAfterReload = collectRequests(page);
  await page.reload();
  await expect(page.locator("pay-checkout").getByText("Payment approved")).toBeVisible({ timeout: 15_000 });
  const complete = await waitForEvent(page, "complete");
  expect(complete).toEqual({ gateway: "invoice", transactionId: reference, paymentStatus: "approved" });
  expect(sentAfterReload).toEqual([]);
  expect(await executionsFor(request, reference)).toHaveLength(1);
  // Reloading once more shows the outcome without reporting it again.
  await page.reload();
  await expect(page.locator("pay-checkout").getByText("Payment approved")).toBeVisible();
  await expect(page.locator("pay-checkout").getByRole("region", { name: "Receipt" })).toBeVisible();
  expect(await events(page, "complete")).toEqual([]);
});

test("the push channel dies mid-PROCESSING: polling takes over and the payment completes", async ({ page, request }) => {
  const statusReads = [];
  page.on("request", (sent) => sent.url().includes("/merchant/invoice/status/") && statusReads.push(sent.url()));
  await page.goto(PAGE);
  // Ending 0003: the wallet stays PROCESSING until the sandbox settles it.
  const checkout = await typeNumber(page, "+243998850003");
  await expect(checkout.getByText("Detected: Airtel Money.")).toBeVisible();
  await checkout.getByRole("button", { name: /^Pay / }).click();
  const { transactionId } = await waitForEvent(page, "response");
  await expect(checkout.getByText("Waiting for your wallet's answer.")).toBeVisible();
  await expect.poll(async () => (await (await request.get("/sandbox/invoice/realtime")).json()).open_streams).toBe(1);
  expect(statusReads).toEqual([]);

  await request.post("/sandbox/invoice/realtime/drop");
  await expect(checkout.getByText("Checking with your wallet…")).toBeVisible();
  await expect.poll(() => statusReads.length).toBeGreaterThanOrEqual(1);
  const settled = await request.post(`/sandbox/invoice/executions/${transactionId}/settle`, { data: { status: "COMPLETED" } });
  expect(settled.status()).toBe(204);
  await expect(checkout.getByText("Payment approved")).toBeVisible({ timeout: 15_000 });
  expect(await waitForEvent(page, "complete")).toEqual({ gateway: "invoice", transactionId, paymentStatus: "approved" });
  expect((await (await request.get("/sandbox/invoice/realtime")).json()).open_streams).toBe(0);
});
