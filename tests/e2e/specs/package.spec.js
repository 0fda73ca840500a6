// The packed tarball, unpacked as npm would, imported in Chromium: every file
// the entry needs is in it, and defineCheckout keeps its promises (one load
// for concurrent callers, a second tag name, one retry, then a clear failure
// reported to the elements already in the page, and recovery on a later call).
import { expect, test } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { payWithSandboxWallet, repoRoot, serveBuilt } from "./apps.js";
import { watchForErrors } from "./support.js";

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>package</title></head>
<body>
  <pay-checkout gateway="pdirect" amount="12.50" currency="USD"
    session-url="/merchant/pdirect/session" api-base="/pdirect"></pay-checkout>
  <script type="module">
    import * as pkg from "/package/index.js";
    window.pkg = pkg;
    window.heard = [];
    for (const type of ["ready", "error"]) {
      document.addEventListener(type, (event) => window.heard.push({ type, detail: event.detail }));
    }
    window.imported = true;
  </script>
</body></html>`;

let unpacked;
let server;
test.beforeAll(async () => {
  unpacked = mkdtempSync(join(tmpdir(), "pay-checkout-tarball-"));
  execFileSync("tar", ["-xzf", `${repoRoot}/packed/pay-checkout.tgz`, "-C", unpacked]);
  server = await serveBuilt(unpacked, 8282);
});
test.afterAll(async () => {
  await server?.stop();
  rmSync(unpacked, { recursive: true, force: true });
});

async function openPage(page) {
  const wasmFetches = [];
  page.on("request", (request) => request.url().endsWith(".wasm") && wasmFetches.push(request.url()));
  await page.route(`${server.url}/`, (route) => route.fulfill({ contentType: "text/html", body: PAGE }));
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => window.imported);
  return wasmFetches;
}

test("the unpacked tarball defines the element; concurrent calls share one load", async ({ page }) => {
  const errors = watchForErrors(page);
  const wasmFetches = await openPage(page);
  expect(await page.evaluate(() => Object.keys(window.pkg).sort())).toEqual(["createCheckout", "defineCheckout"]);
  await page.evaluate(() =>
    Promise.all([window.pkg.defineCheckout(), window.pkg.defineCheckout({ tagName: "shop-checkout" })]),
  );
  await page.evaluate(() => window.pkg.defineCheckout()); // safe to call again
  expect(wasmFetches).toEqual([`${server.url}/package/pay_checkout_bg.wasm`]);
  expect(await page.evaluate(() => ["pay-checkout", "shop-checkout"].map((name) => !!customElements.get(name)))).toEqual([
    true,
    true,
  ]);
  await expect.poll(() => page.evaluate(() => window.heard)).toEqual([{ type: "ready", detail: { gateway: "pdirect" } }]);
  await expect(page.locator("pay-checkout").getByRole("button", { name: /Pay \$12\.50/ })).toBeVisible();

  // The second name is the same element, working on its own.
  await page.evaluate(() => document.body.append(document.createElement("shop-checkout")));
  await expect(page.locator("shop-checkout form")).toBeVisible();
  expect(errors).toEqual([]);
});

test("a wasm that cannot be fetched: one retry, a rejected promise, an error event; a later call recovers", async ({
  page,
}) => {
  const wasmFetches = await openPage(page);
  let failing = true;
  await page.route("**/pay_checkout_bg.wasm", (route) =>
    failing ? route.fulfill({ status: 503, body: "unavailable" }) : route.fallback(),
  );
  const rejected = await page.evaluate(() =>
    window.pkg.defineCheckout().then(
      () => null,
      (error) => error.message,
    ),
  );
  expect(rejected).toMatch(/^pay-checkout: The checkout could not load its WebAssembly module from .*pay_checkout_bg\.wasm: .*503/);
  expect(wasmFetches).toHaveLength(2);
  expect(await page.evaluate(() => window.heard)).toEqual([
    {
      type: "error",
      detail: { gateway: "pdirect", errorCode: "NETWORK_ERROR", message: rejected.slice("pay-checkout: ".length), retryable: true },
    },
  ]);
  expect(await page.evaluate(() => !!customElements.get("pay-checkout"))).toBe(false);

  failing = false;
  await page.evaluate(() => window.pkg.defineCheckout());
  expect(wasmFetches).toHaveLength(3);
  await expect.poll(() => page.evaluate(() => window.heard.map((event) => event.type))).toEqual(["error", "ready"]);
});

test("under the Content Security Policy the README gives, with Trusted Types, a payment goes through with no violation", async ({
  page,
}) => {
  const policy =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; require-trusted-types-for 'script'";
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="${policy}">
    <title>strict</title></head>
    <body><pay-checkout gateway="pdirect" amount="12.50" currency="USD" customer-reference="cust_csp"
      session-url="/merchant/pdirect/session" api-base="/pdirect" status-timeout="30"></pay-checkout>
    <script type="module" src="/shop.js"></script></body></html>`;
  const script = `import { defineCheckout } from "/package/index.js";
    window.heard = [];
    for (const type of ["response", "complete", "error"]) {
      document.addEventListener(type, (event) => window.heard.push({ type, detail: event.detail }));
    }
    await defineCheckout();`;
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener("securitypolicyviolation", (event) =>
      window.violations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await page.route(`${server.url}/strict`, (route) => route.fulfill({ contentType: "text/html", body: html }));
  await page.route(`${server.url}/favicon.ico`, (route) => route.fulfill({ status: 204 }));
  await page.route(`${server.url}/shop.js`, (route) =>
    route.fulfill({ contentType: "text/javascript", body: script }),
  );
  const errors = watchForErrors(page);
  await page.goto(`${server.url}/strict`);
  await payWithSandboxWallet(page);
  await expect
    .poll(() => page.evaluate(() => window.heard.map((event) => event.type)), { timeout: 15_000 })
    .toEqual(["response", "complete"]);
  expect(await page.evaluate(() => window.heard[1].detail.paymentStatus)).toBe("approved");
  expect(await page.evaluate(() => window.violations)).toEqual([]);
  expect(errors).toEqual([]);
  // The element's policy passes its own markup only: a handler still cannot get in.
  const blocked = await page.evaluate(() => {
    try {
      document.body.insertAdjacentHTML("beforeend", '<img src="x" onerror="window.pwned = 1">');
      return false;
    } catch {
      return true;
    }
  });
  expect(blocked).toBe(true);
  expect(await page.evaluate(() => window.pwned)).toBeUndefined();
});
