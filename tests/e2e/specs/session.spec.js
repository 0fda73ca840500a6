// A session that expires mid-payment: the element fetches a fresh one from
// the merchant backend and sends the same attempt again, or, when the
// gateway keeps refusing it, ends clearly with SESSION_EXPIRED.
import { expect } from "@playwright/test";
import { events, fillWallet, recordEvents, test, waitForEvent } from "./support.js";

const EXPIRED = { success: false, error_code: "1004", message: "session token has expired" };

test.beforeEach(async ({ page, request }) => {
  await request.delete("/sandbox/faults");
  await recordEvents(page);
});

/**
 * Answers requests to `pattern` with HTTP 401 and `body` (the backend's
 * own expired-session answer) while `expiring()` says so; otherwise they
 * reach the sandbox.
 */
function refuseAsExpired(page, pattern, body, expiring) {
  return page.route(pattern, (route) =>
    expiring() ? route.fulfill({ status: 401, contentType: "application/json", body: JSON.stringify(body) }) : route.fallback(),
  );
}

/** True for the first call only: one expiry, then the real answers. */
function once() {
  let left = 1;
  return () => left-- > 0;
}

async function pay(page) {
  await (await fillWallet(page)).click();
}

function watchRequests(page) {
  const seen = { sessions: 0, collects: [] };
  page.on("request", (request) => {
    if (request.url().endsWith("/merchant/pdirect/session")) seen.sessions += 1;
    if (request.url().endsWith("/payments/collect")) {
      const headers = request.headers();
      seen.collects.push({ key: headers["idempotency-key"], token: headers.authorization });
    }
  });
  return seen;
}

test("expired once: a fresh session, the same attempt, approved, and no error for the customer", async ({ page }) => {
  const seen = watchRequests(page);
  await refuseAsExpired(page, "**/pdirect/api/v1/payments/collect", EXPIRED, once());
  await page.goto("/");
  await pay(page);
  expect((await waitForEvent(page, "complete")).paymentStatus).toBe("approved");
  expect(await events(page, "error")).toEqual([]);
  expect(seen.sessions).toBe(2);
  expect(seen.collects).toHaveLength(2);
  expect(seen.collects[1].key).toBe(seen.collects[0].key);
  expect(seen.collects[1].token).not.toBe(seen.collects[0].token);
});

test("expired again after the renewal: SESSION_EXPIRED, and Pay then goes through", async ({ page }) => {
  const seen = watchRequests(page);
  let expiring = true;
  await refuseAsExpired(page, "**/pdirect/api/v1/payments/collect", EXPIRED, () => expiring);
  await page.goto("/");
  await pay(page);
  const error = await waitForEvent(page, "error");
  expect(error).toMatchObject({ gateway: "pdirect", errorCode: "SESSION_EXPIRED", retryable: true });
  expect(seen.collects).toHaveLength(2);

  expiring = false;
  await page.locator("pay-checkout form").getByRole("button", { name: /Pay \$12\.50/ }).click();
  expect((await waitForEvent(page, "complete")).paymentStatus).toBe("approved");
  expect(seen.sessions).toBe(3);
});

// The invoice checkout's credential (minted by the merchant backend for one
// checkout session) expiring mid-payment: the element loads the checkout
// again and repeats the collection with the same reference_id.
const CREDENTIAL_EXPIRED = { error: { code: "SESSION_EXPIRED", message: "the checkout credential expired; fetch a new one" } };

function watchInvoice(page) {
  const seen = { checkouts: 0, collects: [] };
  page.on("request", (request) => {
    if (request.url().endsWith("/merchant/invoice/checkout")) seen.checkouts += 1;
    if (request.url().endsWith("/merchant/invoice/collect") && request.method() === "POST") {
      seen.collects.push({ reference: request.postDataJSON().reference_id });
    }
  });
  return seen;
}

async function payInvoice(page) {
  await page.goto("/?gateway=invoice");
  const checkout = page.locator("pay-checkout");
  await checkout.getByLabel("Mobile money number").fill("+243998857000");
  await expect(checkout.getByText("Detected: Airtel Money.")).toBeVisible();
  await checkout.getByRole("button", { name: /^Pay / }).click();
}

test("invoice: the credential expires at the collection: renewed once, same reference_id, approved", async ({ page, request }) => {
  const seen = watchInvoice(page);
  await refuseAsExpired(page, "**/merchant/invoice/collect", CREDENTIAL_EXPIRED, once());
  await payInvoice(page);
  const complete = await waitForEvent(page, "complete");
  expect(complete.paymentStatus).toBe("approved");
  expect(await events(page, "error")).toEqual([]);
  expect(seen.checkouts).toBe(2);
  expect(seen.collects).toHaveLength(2);
  // The checkout was loaded again for a fresh credential (minted within the
  // same second, it may read the same), and the same reference resent.
  expect(seen.collects[1].reference).toBe(seen.collects[0].reference);
  const executions = await (await request.get("/sandbox/invoice/executions")).json();
  expect(executions.filter((execution) => execution.reference_id === complete.transactionId)).toHaveLength(1);
});

test("invoice: expired again after the renewal: SESSION_EXPIRED, the number kept, nothing collected, and Pay then goes through once", async ({
  page,
  request,
}) => {
  const seen = watchInvoice(page);
  let expiring = true;
  await refuseAsExpired(page, "**/merchant/invoice/collect", CREDENTIAL_EXPIRED, () => expiring);
  await payInvoice(page);
  const error = await waitForEvent(page, "error");
  expect(error).toMatchObject({ gateway: "invoice", errorCode: "SESSION_EXPIRED", retryable: true });
  expect(seen.collects).toHaveLength(2);

  // The customer's number and operator stay: paying again is one press.
  const checkout = page.locator("pay-checkout");
  await expect(checkout.getByLabel("Mobile money number")).toHaveValue("+243998857000");
  await expect(checkout.getByLabel("Mobile money operator")).toHaveValue("AIRTEL_MONEY_CD");

  expiring = false;
  await checkout.getByRole("button", { name: /^Pay / }).click();
  const complete = await waitForEvent(page, "complete");
  expect(complete.paymentStatus).toBe("approved");
  // The refused reference never reached the gateway; the new one was
  // collected once.
  const [refused] = new Set(seen.collects.slice(0, 2).map((collect) => collect.reference));
  expect(seen.collects.map((collect) => collect.reference)).toEqual([refused, refused, complete.transactionId]);
  const executions = await (await request.get("/sandbox/invoice/executions")).json();
  const collected = (reference) => executions.filter((execution) => execution.reference_id === reference).length;
  expect([collected(refused), collected(complete.transactionId)]).toEqual([0, 1]);
});
