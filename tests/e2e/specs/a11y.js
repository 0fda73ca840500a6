// What the accessibility specs share: an axe-core audit of the element
// (its shadow tree and the gateway frames inside it), the customer's
// journeys through each gateway's steps, and where keyboard focus is.
import AxeBuilder from "@axe-core/playwright";
import { expect } from "@playwright/test";
import { fillWallet } from "./support.js";

/** WCAG 2.2 A and AA, contrast included. */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/**
 * Runs axe on the element as it is now; fails on any violation, naming
 * the rule and the nodes. Returns how many rules passed, so a run that
 * checked nothing cannot pass unnoticed.
 */
export async function audit(page, label) {
  const results = await new AxeBuilder({ page }).include("pay-checkout").withTags(TAGS).analyze();
  const violations = results.violations.map(
    (violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" > ")).join(" | ")}`,
  );
  expect(violations, `axe on ${label}`).toEqual([]);
  expect(results.passes.length, `axe checked rules on ${label}`).toBeGreaterThan(10);
  return results.passes.length;
}

const checkout = (page) => page.locator("pay-checkout");

/**
 * Each gateway's steps as a customer reaches them on the demo page; `at`
 * is called at every step the element shows, with the step's name.
 */
export const JOURNEYS = {
  pdirect: async (page, at) => {
    await page.goto("/");
    await expect(checkout(page).getByRole("button", { name: /^Pay / })).toBeVisible();
    await at("form");
    await checkout(page).getByRole("button", { name: /^Pay / }).click();
    await expect(checkout(page).getByText("This field is required.").first()).toBeVisible();
    await at("form with errors");
    await (await fillWallet(page, { phone: "+243998850003" })).click();
    await expect(checkout(page).getByText("Approve the payment on your phone")).toBeVisible();
    await at("awaiting");
    // A fresh visit: otherwise the reload resumes the payment it left.
    await page.evaluate(() => sessionStorage.clear());
    await page.goto("/");
    await (await fillWallet(page, { pin: "000000" })).click();
    await expect(checkout(page).getByText("Payment failed")).toBeVisible({ timeout: 15_000 });
    await at("result: failed");
    await page.goto("/");
    await (await fillWallet(page)).click();
    await expect(checkout(page).getByText("Payment approved")).toBeVisible({ timeout: 15_000 });
    await at("result: approved");
  },
  universal: async (page, at) => {
    await page.goto("/?gateway=universal");
    await expect(checkout(page).getByLabel("Phone number")).toBeVisible();
    await at("phone");
    await checkout(page).getByLabel("Phone number").fill("+254712340004");
    await checkout(page).getByRole("button", { name: /^Pay / }).click();
    await expect(checkout(page).getByLabel("Email")).toBeVisible();
    await at("data-required");
    await checkout(page).getByLabel("Email").fill("not-an-email");
    await checkout(page).getByRole("button", { name: "Continue" }).click();
    await expect(checkout(page).getByText("did not accept this value")).toBeVisible();
    await at("data-required, refused");
    await checkout(page).getByLabel("Email").fill("test@example.com");
    await checkout(page).getByRole("button", { name: "Continue" }).click();
    await expect(checkout(page).getByLabel("Code sent to your phone")).toBeVisible();
    await at("otp");
    await checkout(page).getByLabel("Code sent to your phone").fill("999999");
    await checkout(page).getByRole("button", { name: "Confirm" }).click();
    await expect(checkout(page).getByText("That code is not right.")).toBeVisible();
    await at("otp, wrong code");
    await checkout(page).getByLabel("Code sent to your phone").fill("123456");
    await checkout(page).getByRole("button", { name: "Confirm" }).click();
    await expect(checkout(page).getByText("Payment approved")).toBeVisible({ timeout: 15_000 });
    await at("result");
  },
  invoice: async (page, at) => {
    await page.goto("/?gateway=invoice");
    await expect(checkout(page).getByLabel("Mobile money number")).toBeVisible();
    await at("wallet");
    await checkout(page).getByLabel("Mobile money number").fill("+243998850003");
    await expect(checkout(page).getByText("Detected: Airtel Money.")).toBeVisible();
    await expect(checkout(page).getByText("Total")).toBeVisible();
    await at("wallet, operator and fees");
    await checkout(page).getByRole("button", { name: /^Pay / }).click();
    await expect(checkout(page).getByText("Approve the payment on your phone")).toBeVisible();
    await at("awaiting");
    await page.evaluate(() => sessionStorage.clear());
    await page.goto("/?gateway=invoice");
    await checkout(page).getByLabel("Mobile money number").fill("+243998857000");
    await expect(checkout(page).getByText("Detected: Airtel Money.")).toBeVisible();
    await checkout(page).getByRole("button", { name: /^Pay / }).click();
    await expect(checkout(page).getByRole("region", { name: "Receipt" })).toBeVisible({ timeout: 15_000 });
    await at("result and receipt");
  },
  paygate: async (page, at) => {
    await page.goto("/?gateway=paygate");
    await expect(checkout(page).getByRole("button", { name: /with PayGate/ })).toBeVisible();
    await at("form");
    await checkout(page).getByRole("button", { name: /with PayGate/ }).click();
    await page.getByRole("button", { name: "Pay" }).click();
    await expect(checkout(page).getByText("Payment approved")).toBeVisible();
    await at("result");
  },
  moment: async (page, at) => {
    await page.goto("/?gateway=moment");
    await expect(checkout(page).getByRole("button", { name: /^Pay / })).toBeVisible();
    await at("launcher");
    await checkout(page).getByRole("button", { name: /^Pay / }).click();
    const frame = page.frameLocator("pay-checkout iframe.checkout-frame");
    await expect(frame.getByLabel("Mobile money number")).toBeVisible();
    await at("sheet with the hosted checkout");
    await frame.getByLabel("Mobile money number").fill("+243998857000");
    await frame.getByRole("button", { name: "Pay" }).click();
    await expect(page.getByRole("dialog", { name: "Secure checkout" }).getByText("Payment approved")).toBeVisible();
    await at("sheet with the result");
  },
};

/**
 * What has keyboard focus: the innermost element, through shadow roots
 * and into a focused same-origin frame.
 */
export async function focused(page) {
  for (const frame of [page.mainFrame(), ...page.frames().filter((frame) => frame !== page.mainFrame())]) {
    const found = await frame
      .evaluate(() => {
        if (!document.hasFocus()) return null;
        let element = document.activeElement;
        while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
        if (!element || element.tagName === "IFRAME") return null;
        const label = element.labels?.[0]?.textContent ?? element.getAttribute("aria-label") ?? "";
        return { tag: element.tagName.toLowerCase(), id: element.id, label: label.trim(), text: element.textContent.trim() };
      })
      .catch(() => null);
    if (found) return found;
  }
  return { tag: "", id: "", label: "", text: "" };
}

/** Presses Tab until `wanted(focused)` holds; fails after 40 presses. */
export async function tabTo(page, wanted, what) {
  const seen = [];
  for (let press = 0; press < 40; press += 1) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    if (wanted(now)) return now;
    seen.push(now.label || now.text.slice(0, 30) || now.tag);
  }
  throw new Error(`Tab never reached ${what}; focus went through: ${seen.join(" → ")}`);
}
