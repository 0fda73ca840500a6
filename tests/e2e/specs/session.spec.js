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
  let expireNext = true;
  await page.route("**/pdirect/api/v1/payments/collect", (route) => {
    if (!expireNext) return route.fallback();
    expireNext = false;
    return route.fulfill({ status: 401, contentType: "application/json", body: JSON.stringify(EXPIRED) });
  });
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
  await page.route("**/pdirect/api/v1/payments/collect", (route) =>
    expiring
      ? route.fulfill({ status: 401, contentType: "application/json", body: JSON.stringify(EXPIRED) })
      : route.fallback(),
  );
  await page.goto("/");
  await pay(page);
  const error = await waitForEvent(page, "error");
  expect(error).toMatchObject({ gateway: "pdirect", errorCode: "SESSION_EXPIRED", retryable: true });
  expect(seen.collects).toHaveLength(2);

  expiring = false;
  await page.locator("pay-checkout form").getByRole("button", { name: /Pay 12\.50 USD/ }).click();
  expect((await waitForEvent(page, "complete")).paymentStatus).toBe("approved");
  expect(seen.sessions).toBe(3);
});
