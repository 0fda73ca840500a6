// The demo page of `make demo`, and the npm package in a plain page.
import { expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { test, watchForErrors } from "./support.js";

test("the demo page loads with no console errors and renders the element", async ({ page }) => {
  const errors = watchForErrors(page);
  await page.goto("/");
  const amount = page.locator("pay-checkout").locator(".amount-value");
  await expect(amount).toHaveText("$12.50");
  await expect(page.locator("#event-log li[data-event=ready]")).toHaveCount(1);
  expect(errors).toEqual([]);
});

test("ready reaches a listener on document with the gateway", async ({ page }) => {
  await page.goto("/");
  const entry = page.locator("#event-log li[data-event=ready]");
  await expect(entry).toHaveText('ready {"gateway":"pdirect"}');
});

test("the element follows an attribute the page changes", async ({ page }) => {
  await page.goto("/");
  const element = page.locator("pay-checkout");
  await expect(element.locator(".amount-value")).toHaveText("$12.50");
  await element.evaluate((node) => node.setAttribute("amount", "99.99"));
  await expect(element.locator(".amount-value")).toHaveText("$99.99");
});

test("/pkg/index.js imported from a plain page defines the element", async ({ page, baseURL }) => {
  const errors = watchForErrors(page);
  const html = readFileSync(new URL("../fixtures/plain.html", import.meta.url), "utf8");
  // The page itself is served from the test; everything it loads comes from the sandbox.
  await page.route(`${baseURL}/plain.html`, (route) =>
    route.fulfill({ contentType: "text/html", body: html }),
  );
  await page.goto("/plain.html");
  expect(await page.evaluate(() => window.defined)).toBe("defined");
  expect(await page.evaluate(() => customElements.get("pay-checkout") !== undefined)).toBe(true);
  await expect(page.locator("pay-checkout .amount-value")).toHaveText("KES 7.25");
  await expect.poll(() => page.evaluate(() => window.readyDetails)).toEqual([{ gateway: "pdirect" }]);
  expect(errors).toEqual([]);
});
