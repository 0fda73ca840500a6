// Broken and hostile gateway answers: each ends in an `error` event with a
// clear code, markup in a message stays text, the console hears of no
// internal error, and the same checkout then pays (reusing the attempt's
// key where the gateway may have taken it), so no payment is lost.
import { expect } from "@playwright/test";
import { collectKeys, events, fillWallet, recordEvents, test, waitForEvent, watchForErrors } from "./support.js";

const COLLECT = "**/pdirect/api/v1/payments/collect";
const MARKUP = '<img src=x onerror="window.pwned=1"><b>bad</b> number';

const CASES = [
  // 2xx answers the gateway may have acted on: the retry is the same attempt.
  {
    name: "not JSON at all",
    status: 200,
    body: "<html><body>Bad gateway</body></html>",
    code: "GATEWAY_ERROR",
    sameAttempt: true,
  },
  {
    name: "JSON missing the transaction id",
    status: 200,
    body: '{"success":true,"status":"pending"}',
    code: "GATEWAY_ERROR",
    sameAttempt: true,
  },
  {
    name: "fields of the wrong types",
    status: 200,
    body: '{"success":true,"transaction_id":42,"status":["pending"],"amount":{"value":1}}',
    code: "GATEWAY_ERROR",
    sameAttempt: true,
  },
  {
    name: "an answer over a megabyte",
    status: 200,
    body: JSON.stringify({ success: true, transaction_id: "txn_big", status: "pending", message: "x".repeat(1_200_000) }),
    code: null, // a well-formed answer: read, whatever its size
  },
  // A refusal without the gateway's own code: nothing was charged.
  { name: "a status code the gateway never sends", status: 418, body: "{}", code: "GATEWAY_ERROR" },
  {
    name: "markup in the gateway's message",
    status: 422,
    body: JSON.stringify({ success: false, error_code: "1201", message: MARKUP, field: "phone_number" }),
    code: "1201",
  },
];

test.beforeEach(async ({ page, request }) => {
  await request.delete("/sandbox/faults");
  await recordEvents(page);
});

for (const { name, status, body, code, sameAttempt = false } of CASES) {
  test(`${name}: ${code ?? "read"}, the element stays usable, and the payment still goes through`, async ({ page }) => {
    const logged = watchForErrors(page);
    // Chromium itself logs every 4xx answer; what counts is the page's own.
    const errors = () => logged.filter((text) => !text.startsWith("Failed to load resource"));
    const keys = collectKeys(page);
    let hostile = true;
    await page.route(COLLECT, (route) =>
      hostile ? route.fulfill({ status, contentType: "application/json", body }) : route.fallback(),
    );
    await page.goto("/");
    const pay = await fillWallet(page);
    await pay.click();

    if (code === null) {
      const response = await waitForEvent(page, "response");
      expect(response.transactionId).toBe("txn_big");
      expect(errors()).toEqual([]);
      return;
    }
    const error = await waitForEvent(page, "error");
    expect(error).toMatchObject({ gateway: "pdirect", errorCode: code });
    expect(typeof error.message).toBe("string");
    expect(error.message.length).toBeGreaterThan(0);
    const checkout = page.locator("pay-checkout");
    if (code === "1201") {
      // The event carries the gateway's words for the developer; the page
      // shows the catalogue's beside the field at fault, and the markup is
      // never made into elements: no image, no handler ran.
      expect(error.message).toBe(MARKUP);
      await expect(checkout.getByText("Check the highlighted field and try again.")).toBeVisible();
      await expect(checkout.getByLabel("Phone number")).toHaveAttribute("aria-invalid", "true");
      expect(await checkout.evaluate((element) => element.shadowRoot.querySelectorAll("img, b").length)).toBe(0);
      expect(await page.evaluate(() => window.pwned)).toBeUndefined();
    }

    // Still usable: the customer pays again and it goes through, once.
    hostile = false;
    await expect(pay).toBeEnabled();
    if (code === "1201") await page.locator("pay-checkout form").getByLabel("Phone number").fill("+243998857000");
    await pay.click();
    const complete = await waitForEvent(page, "complete");
    expect(complete.paymentStatus).toBe("approved");
    expect(await events(page, "complete")).toHaveLength(1);
    expect(new Set(keys).size).toBe(sameAttempt ? 1 : 2);
    expect(errors()).toEqual([]);
  });
}
