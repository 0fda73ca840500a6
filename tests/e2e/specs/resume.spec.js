// What the element keeps in sessionStorage to resume (an id, nothing
// secret) carries a payment across a reload, and cannot be turned against
// it: a tampered value is discarded, a stale one the gateway never saw
// leads back to the form, and the customer pays normally, once.
import { expect } from "@playwright/test";
import { collectKeys, events, fillWallet, pdirectTransactions, recordEvents, test, waitForEvent } from "./support.js";

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
    await checkout.getByRole("button", { name: /Pay KES.100\.00/ }).click();
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

// PDirect keeps `sent:<Idempotency-Key>` while an answer is unknown and
// `accepted:<transaction id>` while the customer approves; never the body.
const PDIRECT_KEY = "pay-checkout:pdirect:attempt";


test("PDirect: a reload while the customer approves resumes the same payment, charged once", async ({ page, request }) => {
  await request.delete("/sandbox/faults");
  const before = (await pdirectTransactions(request)).length;
  const keys = collectKeys(page);
  await page.goto("/");
  await (await fillWallet(page)).click();
  await expect(page.locator("pay-checkout").getByText("Approve the payment on your phone")).toBeVisible();
  const [{ transactionId }] = await events(page, "response");
  expect(await page.evaluate((key) => sessionStorage.getItem(key), PDIRECT_KEY)).toBe(`accepted:${transactionId}`);

  await page.reload();
  await expect(page.locator("pay-checkout").getByText("Payment approved")).toBeVisible({ timeout: 15_000 });
  expect(await events(page, "complete")).toEqual([{ gateway: "pdirect", transactionId, paymentStatus: "approved" }]);
  expect(keys).toHaveLength(1);
  expect((await pdirectTransactions(request)).length).toBe(before + 1);
  expect(await page.evaluate((key) => sessionStorage.getItem(key), PDIRECT_KEY)).toBeNull();
});

test("PDirect: an answer lost, then a reload: the next Pay resends the same attempt, charged once", async ({ page, request }) => {
  await request.delete("/sandbox/faults");
  const before = (await pdirectTransactions(request)).length;
  // Every try of the attempt loses its answer (Chromium resends each once).
  const armed = await request.post("/sandbox/faults", {
    data: { path: "/pdirect/api/v1/payments/collect", method: "POST", fault: "drop_after_processing", times: 6 },
  });
  expect(armed.status()).toBe(201);
  const keys = collectKeys(page);
  await page.goto("/");
  await (await fillWallet(page)).click();
  await expect.poll(async () => (await events(page, "error")).map((error) => error.errorCode), { timeout: 20_000 }).toEqual(["NETWORK_ERROR"]);
  const stored = await page.evaluate((key) => sessionStorage.getItem(key), PDIRECT_KEY);
  expect(stored).toBe(`sent:${keys[0]}`);

  await page.reload();
  await expect(page.locator("pay-checkout").getByText("Your last payment may have gone through")).toBeVisible();
  await (await fillWallet(page)).click();
  const complete = await waitForEvent(page, "complete");
  expect(complete.paymentStatus).toBe("approved");
  expect(new Set(keys)).toEqual(new Set([keys[0]]));
  const transactions = await pdirectTransactions(request);
  expect(transactions.length).toBe(before + 1);
  expect(transactions.at(-1)).toMatchObject({ transaction_id: complete.transactionId, idempotency_key: keys[0] });
});

for (const stored of ["accepted:txn_0000000000000000000000", '<img src=x onerror="window.pwned=1">', "sent:not-a-key"]) {
  test(`PDirect: a stale or tampered stored point (${stored.slice(0, 24)}…) leads to the form; paying works once`, async ({
    page,
    request,
  }) => {
    await request.delete("/sandbox/faults");
    const before = (await pdirectTransactions(request)).length;
    await page.addInitScript(
      ([key, value]) => {
        if (!sessionStorage.getItem("seeded")) {
          sessionStorage.setItem(key, value);
          sessionStorage.setItem("seeded", "1");
        }
      },
      [PDIRECT_KEY, stored],
    );
    const keys = collectKeys(page);
    await page.goto("/");
    const pay = await fillWallet(page);
    await expect.poll(() => page.evaluate((key) => sessionStorage.getItem(key), PDIRECT_KEY)).toBeNull();
    await pay.click();
    expect((await waitForEvent(page, "complete")).paymentStatus).toBe("approved");
    expect(keys).toHaveLength(1);
    expect((await pdirectTransactions(request)).length).toBe(before + 1);
    expect(await events(page, "error")).toEqual([]);
    expect(await page.evaluate(() => window.pwned)).toBeUndefined();
  });
}

// The return address of a hosted checkout names its session: a stale id
// (well formed, unknown to the merchant backend) or a tampered one is no
// payment. Nothing is reported as an outcome; the page hears why, and the
// customer starts afresh.
for (const { name, url, id } of [
  { name: "PayGate, a stale session id", url: "/?gateway=paygate&session_id=cs_doesnotexist0000", id: "cs_doesnotexist0000" },
  { name: "PayGate, a tampered session id", url: "/?gateway=paygate&session_id=%3Cimg%20src%3Dx%20onerror%3D%22window.pwned%3D1%22%3E", id: "<img" },
  { name: "Moment, a stale session id", url: "/?gateway=moment&session_id=ps_doesnotexist0000", id: "ps_doesnotexist0000" },
  { name: "Moment, a tampered session id", url: "/?gateway=moment&session_id=..%2F..%2Fetc%2Fpasswd", id: "../" },
]) {
  test(`${name} in the return address: no outcome reported, and the customer can start again`, async ({ page }) => {
    await page.goto(url);
    const [error] = await expect
      .poll(() => events(page, "error"), { timeout: 10_000 })
      .toHaveLength(1)
      .then(() => events(page, "error"));
    expect(error).toMatchObject({ errorCode: "VALIDATION_ERROR", retryable: false });
    expect(await events(page, "complete")).toEqual([]);
    await expect.poll(() => new URL(page.url()).searchParams.has("session_id")).toBe(false);
    const checkout = page.locator("pay-checkout");
    await expect(checkout.getByText("This link does not lead to a payment we know.")).toBeVisible();
    await checkout.getByRole("button", { name: "Try again" }).click();
    await expect(checkout.getByRole("button", { name: /^Pay / }).first()).toBeVisible();
    expect(await page.evaluate(() => window.pwned)).toBeUndefined();
    expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toContain(id);
  });
}
