// axe-core on every step of every gateway, in the light and the dark theme:
// zero WCAG 2.2 A/AA violations, contrast included. The element's shadow
// tree is audited as the customer meets it on the demo page.
import { expect } from "@playwright/test";
import { audit, JOURNEYS } from "./a11y.js";
import { recordEvents, test } from "./support.js";

for (const scheme of ["light", "dark"]) {
  for (const [gateway, journey] of Object.entries(JOURNEYS)) {
    test(`${gateway}, ${scheme} theme: every step passes axe`, async ({ page, request }) => {
      test.setTimeout(90_000);
      await request.delete("/sandbox/faults");
      await page.emulateMedia({ colorScheme: scheme });
      await recordEvents(page);
      const audited = [];
      await journey(page, async (step) => {
        await audit(page, `${gateway} ${step} (${scheme})`);
        audited.push(step);
      });
      expect(audited.length).toBeGreaterThanOrEqual(2);
    });
  }
}
