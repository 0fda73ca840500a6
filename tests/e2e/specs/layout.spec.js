// On a 360 px phone the element fits the screen at every step of every
// gateway: no horizontal scroll, nothing beyond the right edge, buttons
// at least 44 px tall (a thumb's target). And the look follows the theme
// attribute, the customer's colour scheme and their wish for less motion.
import { expect } from "@playwright/test";
import { JOURNEYS } from "./a11y.js";
import { fillWallet, recordEvents, test } from "./support.js";

const PHONE = { width: 360, height: 740 };

/** How far the page and the element reach, and the smallest button. */
function measure(page) {
  return page.evaluate(() => {
    const element = document.querySelector("pay-checkout");
    const buttons = [...element.shadowRoot.querySelectorAll("button")].filter((button) => button.offsetParent !== null);
    return {
      pageWidth: document.documentElement.scrollWidth,
      elementRight: element.getBoundingClientRect().right,
      widest: Math.max(0, ...[...element.shadowRoot.querySelectorAll("*")].map((node) => node.getBoundingClientRect().right)),
      smallestButton: Math.min(...buttons.map((button) => button.getBoundingClientRect().height)),
    };
  });
}

for (const [gateway, journey] of Object.entries(JOURNEYS)) {
  test(`${gateway} on a 360 px phone: every step fits without horizontal scroll`, async ({ page, request }) => {
    test.setTimeout(60_000);
    await request.delete("/sandbox/faults");
    await page.setViewportSize(PHONE);
    await recordEvents(page);
    const steps = [];
    await journey(page, async (step) => {
      const size = await measure(page);
      expect(size.pageWidth, `${step}: page width`).toBeLessThanOrEqual(PHONE.width);
      expect(size.elementRight, `${step}: element`).toBeLessThanOrEqual(PHONE.width);
      expect(size.widest, `${step}: its widest piece`).toBeLessThanOrEqual(PHONE.width);
      expect(size.smallestButton, `${step}: button height`).toBeGreaterThanOrEqual(44);
      steps.push(step);
    });
    expect(steps.length).toBeGreaterThanOrEqual(2);
  });
}

/**
 * What the element's own styles say for `selector` inside its shadow root;
 * null until the element has rendered it (so `expect.poll` waits for it).
 */
function styleOf(page, selector, property) {
  return page.locator("pay-checkout").evaluate((element, [selector, property]) => {
    const node = element.shadowRoot?.querySelector(selector);
    return node ? getComputedStyle(node)[property] : null;
  }, [selector, property]);
}

test("the theme attribute wins over the customer's setting, and auto follows it", async ({ page }) => {
  const background = () => styleOf(page, ".checkout", "backgroundColor");
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  await expect.poll(background).toBe("rgb(255, 255, 255)");
  await page.locator("pay-checkout").evaluate((element) => element.setAttribute("theme", "dark"));
  await expect.poll(background).toBe("rgb(22, 24, 29)");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.locator("pay-checkout").evaluate((element) => element.setAttribute("theme", "light"));
  await expect.poll(background).toBe("rgb(255, 255, 255)");
  await page.locator("pay-checkout").evaluate((element) => element.setAttribute("theme", "auto"));
  await expect.poll(background).toBe("rgb(22, 24, 29)");
});

test("under prefers-reduced-motion the spinner stands still", async ({ page, request }) => {
  await request.delete("/sandbox/faults");
  await page.goto("/");
  // A number that never resolves: the waiting step stays.
  await (await fillWallet(page, { phone: "+243998850003" })).click();
  await expect(page.locator("pay-checkout .awaiting .spinner")).toBeVisible();
  expect(await styleOf(page, ".awaiting .spinner", "animationName")).toBe("pay-checkout-spin");
  await page.emulateMedia({ reducedMotion: "reduce" });
  await expect.poll(() => styleOf(page, ".awaiting .spinner", "animationName")).toBe("none");
});
