// The README's screenshots of the main steps, in English and French, light
// and dark, on a 360 px phone: `make screenshots` regenerates them into
// docs/screenshots/. Skipped in `make test` (they are pictures, not checks).
import { mkdirSync } from "node:fs";
import { expect } from "@playwright/test";
import { fillWallet, recordEvents, test } from "./support.js";

const OUT = new URL("../../../docs/screenshots/", import.meta.url);
const VARIANTS = [
  { language: "en", locale: "en-US", scheme: "light" },
  { language: "en", locale: "en-US", scheme: "dark" },
  { language: "fr", locale: "fr-CD", scheme: "light" },
  { language: "fr", locale: "fr-CD", scheme: "dark" },
];

const checkout = (page) => page.locator("pay-checkout");

/** Each main step, reached the way a customer reaches it. */
const STEPS = {
  "wallet-form": async (page) => {
    await page.goto("/");
    await expect(checkout(page).getByRole("button", { name: /\d/ })).toBeVisible();
  },
  "phone-and-operator": async (page) => {
    await page.goto("/?gateway=invoice");
    await checkout(page).locator("#pay-phone_number").fill("099 885 7000");
    await expect(checkout(page).locator(".amount-line.total")).toBeVisible();
    await expect(checkout(page).locator("#pay-gateway_provider")).toHaveValue("AIRTEL_MONEY_CD");
  },
  "one-time-code": async (page) => {
    await page.goto("/?gateway=universal");
    await checkout(page).locator("#pay-customer-id").fill("+254712340004");
    await checkout(page).locator("button.pay").click();
    await checkout(page).locator("#pay-extra-customer_email").fill("test@example.com");
    await checkout(page).locator("button.pay").click();
    await expect(checkout(page).locator("#pay-otp")).toBeVisible();
  },
  "approved": async (page) => {
    await page.goto("/");
    await (await fillWallet(page)).click();
    await expect(checkout(page).locator(".result.approved")).toBeVisible({ timeout: 15_000 });
  },
};

test.skip(!process.env.SCREENSHOTS, "make screenshots takes these");

for (const { language, locale, scheme } of VARIANTS) {
  test.describe(`${language}, ${scheme}`, () => {
    test.use({ locale, colorScheme: scheme, viewport: { width: 360, height: 900 } });
    for (const [step, reach] of Object.entries(STEPS)) {
      test(step, async ({ page }) => {
        await recordEvents(page);
        await page.evaluate(() => sessionStorage.clear()).catch(() => {});
        await reach(page);
        // Spinners and skeletons stand still for the picture.
        await page.emulateMedia({ reducedMotion: "reduce" });
        mkdirSync(OUT, { recursive: true });
        await checkout(page).screenshot({ path: new URL(`${step}-${language}-${scheme}.png`, OUT).pathname, animations: "disabled" });
      });
    }
  });
}
