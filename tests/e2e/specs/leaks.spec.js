// No secret leaves where it belongs. Full runs of every gateway record each
// console message, every address a frame navigated to, every storage and
// cookie write and every event detail; none may hold a session token, a
// client token or credential, a PIN, an OTP or a merchant secret.
import { expect } from "@playwright/test";
import { fillWallet, test } from "./support.js";

// The merchant secrets the sandbox's backends hold (never sent to a page).
const MERCHANT_SECRETS = ["sk_test_x8a3pqr2zv9b1n4wmd6t7k0c8jh5y2u", "cf11635572", "inv_secret_sandbox"];
const PIN = "048698";
const OTP = "123456";

/** Records what a page exposes, and collects the secrets it was handed. */
async function watch(page) {
  await page.addInitScript(() => {
    window.exposed = [];
    const keep = (kind, value) => window.exposed.push({ kind, value: String(value) });
    for (const type of ["ready", "step", "response", "error", "complete"]) {
      document.addEventListener(type, (event) => {
        if (event instanceof CustomEvent) keep(`event ${type}`, JSON.stringify(event.detail));
      });
    }
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      keep("storage", `${key}=${value}`);
      return setItem.call(this, key, value);
    };
    const cookie = Object.getOwnPropertyDescriptor(Document.prototype, "cookie");
    Object.defineProperty(document, "cookie", {
      get: () => cookie.get.call(document),
      set: (value) => {
        keep("cookie", value);
        cookie.set.call(document, value);
      },
    });
  });
  const exposed = [];
  const secrets = new Set([...MERCHANT_SECRETS, PIN, OTP]);
  page.on("console", (message) => exposed.push({ kind: "console", value: message.text() }));
  page.on("framenavigated", (frame) => exposed.push({ kind: "navigation", value: frame.url() }));
  page.on("response", async (response) => {
    if (!/\/merchant\//.test(response.url())) return;
    const body = await response.json().catch(() => null);
    collectSecrets(body, secrets);
  });
  return async () => {
    const inPage = await page.evaluate(() => window.exposed).catch(() => []);
    return { exposed: [...exposed, ...inPage], secrets: [...secrets] };
  };
}

/** Token-like values the merchant backend handed the page. */
function collectSecrets(value, secrets, key = "") {
  if (typeof value === "string") {
    if (/token|credential|secret|signature/i.test(key) && value.length >= 8) secrets.add(value);
  } else if (value && typeof value === "object") {
    for (const [name, inner] of Object.entries(value)) collectSecrets(inner, secrets, name);
  }
}

async function expectNoLeak(finish, expectSecrets) {
  const { exposed, secrets } = await finish();
  expect(exposed.length).toBeGreaterThan(5);
  expect(secrets.length).toBeGreaterThanOrEqual(MERCHANT_SECRETS.length + 2 + expectSecrets);
  const leaks = exposed.filter(({ value }) => secrets.some((secret) => value.includes(secret)));
  expect(leaks).toEqual([]);
}

const completed = (page) =>
  expect.poll(() => page.evaluate(() => window.exposed.some((entry) => entry.kind === "event complete")), {
    timeout: 15_000,
  });

test("PDirect: session token and PIN stay out of sight", async ({ page }) => {
  const finish = await watch(page);
  await page.goto("/");
  await (await fillWallet(page, { pin: PIN })).click();
  await completed(page).toBe(true);
  await expectNoLeak(finish, 1);
});

test("universal gateway: the OTP stays out of sight", async ({ page }) => {
  const finish = await watch(page);
  await page.goto("/?gateway=universal");
  const checkout = page.locator("pay-checkout");
  await checkout.getByLabel("Phone number").fill("+254712340004");
  await checkout.getByRole("button", { name: /Pay KES.100\.00/ }).click();
  await checkout.getByLabel("Email").fill("test@example.com");
  await checkout.getByRole("button", { name: "Continue" }).click();
  await checkout.getByLabel("Code sent to your phone").fill(OTP);
  await checkout.getByRole("button", { name: "Confirm" }).click();
  await completed(page).toBe(true);
  await expectNoLeak(finish, 0);
});

test("invoice: the checkout credential stays out of sight", async ({ page }) => {
  const finish = await watch(page);
  await page.goto("/?gateway=invoice");
  const checkout = page.locator("pay-checkout");
  await checkout.getByLabel("Mobile money number").fill("099 885 7000");
  await expect(checkout.getByText("Detected: Airtel Money.")).toBeVisible();
  await checkout.getByRole("button", { name: /^Pay / }).click();
  await completed(page).toBe(true);
  await expectNoLeak(finish, 1);
});

test("PayGate: the checkout session goes through the page without a secret", async ({ page }) => {
  const finish = await watch(page);
  await page.goto("/?gateway=paygate");
  await page.locator("pay-checkout").getByRole("button", { name: /Pay GHS.50\.00 with PayGate/ }).click();
  await page.waitForURL(/\/paygate\/checkout\/cs_/);
  await page.getByRole("button", { name: "Pay" }).click();
  await page.waitForURL((url) => url.pathname === "/" && url.searchParams.get("gateway") === "paygate");
  await completed(page).toBe(true);
  await expectNoLeak(finish, 0);
});

test("Moment: the client token stays out of the page's console, storage and events", async ({ page }) => {
  const finish = await watch(page);
  await page.goto("/shop-moment.html");
  await page.getByRole("button", { name: "Pay R100.00" }).click();
  const frame = page.frameLocator("pay-checkout iframe.checkout-frame");
  await frame.getByLabel("Mobile money number").fill("+243998857000");
  await frame.getByRole("button", { name: "Pay" }).click();
  await completed(page).toBe(true);
  await expectNoLeak(finish, 1);
});
