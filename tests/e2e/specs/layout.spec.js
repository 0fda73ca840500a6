// On a 360 px phone the element fits the screen at every step of every
// gateway: no horizontal scroll, nothing beyond the right edge, buttons
// at least 44 px tall (a thumb's target).
import { expect } from "@playwright/test";
import { JOURNEYS } from "./a11y.js";
import { recordEvents, test } from "./support.js";

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
