// A fault inside the release module, which traps at once (no panic hook):
// the element's snippet knows the trap as its module's own, every checkout
// in the page says it stopped with one `error` event, a checkout added
// later says so at once, and the console names no secret. The fault is
// real: the module's own allocator asked for more memory than a module can
// address, which aborts, as a bug would.
import { test, expect } from "@playwright/test";
import { events, fillWallet, recordEvents, waitForEvent } from "./support.js";

const STOPPED = "The checkout stopped after an internal error";

test("a trap in the module stops every checkout with INTERNAL_ERROR, once each, and no secret in the console", async ({ page }) => {
  const logged = [];
  page.on("console", (message) => logged.push(message.text()));
  const uncaught = [];
  page.on("pageerror", (error) => uncaught.push(error));
  await recordEvents(page);
  await page.goto("/");
  await waitForEvent(page, "ready");
  // A PIN typed and kept in the module's memory when it stops.
  await fillWallet(page);
  await page.evaluate(() => {
    const second = document.createElement("pay-checkout");
    second.setAttribute("gateway", "universal");
    document.body.append(second);
  });
  await waitForEvent(page, "ready", 2);

  await page.evaluate(async () => {
    // The glue's init hands back the running module's exports.
    const glue = await import("/pkg/pay_checkout.js");
    const exports = await glue.default();
    // In a task of its own, as a bug in a listener or a timer would be.
    setTimeout(() => exports.__wbindgen_malloc(0xffff0000, 1));
  });

  await expect(page.locator("pay-checkout").first()).toContainText(STOPPED);
  await expect(page.locator("pay-checkout").nth(1)).toContainText(STOPPED);
  const errors = await events(page, "error");
  expect(errors.map((detail) => detail.gateway)).toEqual(["pdirect", "universal"]);
  for (const detail of errors) {
    expect(detail).toMatchObject({ errorCode: "INTERNAL_ERROR", retryable: false });
  }
  // The trap is the module's own: its frames carry the module's name,
  // whatever a bundler calls the file.
  expect(uncaught).toHaveLength(1);
  expect(uncaught[0].stack).toMatch(/^\s+at pay_checkout \(/m);

  // Nothing reaches the stopped module: the form is gone, and a checkout
  // added now says at once that it cannot run.
  await expect(page.locator("pay-checkout form")).toHaveCount(0);
  await page.evaluate(() => {
    document.querySelector("pay-checkout").setAttribute("amount", "99.00");
    const late = document.createElement("pay-checkout");
    late.setAttribute("gateway", "paygate");
    document.body.append(late);
  });
  await expect(page.locator("pay-checkout").nth(2)).toContainText(STOPPED);
  expect((await events(page, "error")).map((detail) => detail.gateway)).toEqual(["pdirect", "universal", "paygate"]);

  const ours = logged.filter((text) => text.includes("pay-checkout"));
  expect(ours).toEqual(["pay-checkout: internal error; the checkout has stopped"]);
  // Neither the PIN typed nor the session token the module held.
  for (const text of logged) {
    expect(text).not.toContain("048698");
    expect(text).not.toMatch(/sess_/);
  }
});
