// Helpers shared by the specs: every checkout event a listener on document
// hears, recorded in order from before the page's own scripts run; and the
// `test` of the specs on the sandbox's pages, which fails a test on any
// Content-Security-Policy violation (the sandbox serves its demo pages under
// the strict policy of the README) and on any internal error (a panic).
import { test as base, expect } from "@playwright/test";

export const test = base.extend({
  cspViolations: [
    async ({ page }, use) => {
      const violations = [];
      // A binding outlives navigations: every page of the test reports here.
      await page.exposeFunction("reportCspViolation", (text) => violations.push(text));
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) =>
          window.reportCspViolation(`${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`),
        );
      });
      await use(violations);
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
  // A panic anywhere in the module fails the test that met it, whatever
  // the test itself checks (the panic hook logs this line).
  internalErrors: [
    async ({ page }, use) => {
      const panics = [];
      page.on("console", (message) => message.text().includes("pay-checkout: internal error") && panics.push(message.text()));
      await use(panics);
      expect(panics, "internal errors in the module").toEqual([]);
    },
    { auto: true },
  ],
});

const EVENTS = ["ready", "step", "response", "error", "complete"];

export async function recordEvents(page) {
  await page.addInitScript((names) => {
    window.checkoutEvents = [];
    for (const type of names) {
      document.addEventListener(type, (event) => {
        if (event instanceof CustomEvent) window.checkoutEvents.push({ type, detail: event.detail });
      });
    }
  }, EVENTS);
}

/** The details of the events recorded so far, of one type (or all events). */
export async function events(page, type) {
  const all = await page.evaluate(() => window.checkoutEvents);
  return type ? all.filter((event) => event.type === type).map((event) => event.detail) : all;
}

/** Waits until `count` events of `type` arrived; returns the last one's detail. */
export async function waitForEvent(page, type, count = 1) {
  // A navigation (back from a hosted page) may destroy the document being
  // asked: that poll counts nothing, and the next asks the new one.
  const seen = () => events(page, type).then((found) => found.length, () => 0);
  await expect.poll(seen, { timeout: 15_000 }).toBeGreaterThanOrEqual(count);
  return (await events(page, type)).at(-1);
}

/** Collects console errors and uncaught exceptions of a page. */
export function watchForErrors(page) {
  const errors = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

/**
 * Fills the PDirect wallet form of a checkout with the sandbox wallet, in
 * whatever language it speaks; returns its Pay button. Name and email are
 * typed only where the form asks for them: pages whose `paymentBody`
 * carries them (the example apps) get no such fields.
 */
export async function fillWallet(page, { phone = "+243998857000", pin = "048698" } = {}) {
  const form = page.locator("pay-checkout form");
  const pay = form.locator("button.pay");
  await expect(pay).toBeVisible();
  await form.locator("#pay-phone_number").fill(phone);
  await form.locator("#pay-wallet_number").fill("3005710720108954");
  await form.locator("#pay-wallet_pin").fill(pin);
  for (const [id, value] of [
    ["first_name", "John"],
    ["last_name", "Doe"],
    ["email", "john.doe@example.com"],
  ]) {
    const field = form.locator(`#pay-${id}`);
    if (await field.count()) await field.fill(value);
  }
  return pay;
}

/** The PDirect simulator's transactions (no PINs), oldest first. */
export async function pdirectTransactions(request) {
  return (await (await request.get("/sandbox/pdirect/transactions")).json()).transactions;
}

/** The Idempotency-Key of every PDirect collect the page sends, as sent. */
export function collectKeys(page) {
  const keys = [];
  page.on("request", (sent) => {
    if (sent.url().endsWith("/payments/collect") && sent.method() === "POST") keys.push(sent.headers()["idempotency-key"]);
  });
  return keys;
}
