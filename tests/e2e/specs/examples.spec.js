// The npm package inside the example apps, each installed from the packed
// tarball and built by its own toolchain (`make examples`): a plain page,
// Angular (ng build, ng serve) and React with Vite (vite build, vite dev).
// A customer pays with the PDirect sandbox wallet and the app's own handlers
// must have received `response` and `complete` in the contract's shapes.
import { expect, test } from "@playwright/test";
import { expectApprovedPayment, expectDeclinedPayment, serveBuilt, startDevServer } from "./apps.js";
import { watchForErrors } from "./support.js";

test.beforeEach(async ({ request }) => {
  await request.delete("/sandbox/faults");
});

const BUILT = [
  { app: "html", folder: "examples/html", port: 8383 },
  { app: "angular", folder: "examples/angular/dist/shop/browser", port: 8384 },
  { app: "react", folder: "examples/react/dist", port: 8385 },
];

for (const { app, folder, port } of BUILT) {
  test.describe(`the ${app} example, built`, () => {
    let server;
    test.beforeAll(async () => {
      server = await serveBuilt(folder, port);
    });
    test.afterAll(async () => server?.stop());

    test("pays with the sandbox wallet; the app's handlers get response and complete", async ({ page }) => {
      await page.goto(server.url);
      await expectApprovedPayment(page);
    });

    test("a declined PIN reaches the app's error handler with the gateway's code", async ({ page }) => {
      await page.goto(server.url);
      await expectDeclinedPayment(page);
    });

    if (app === "html") {
      test("the page's preload of the wasm is what defineCheckout() uses: one download", async ({ page }) => {
        await page.goto(server.url);
        await expect(page.locator("pay-checkout form").getByRole("button", { name: /Pay/ })).toBeVisible();
        const downloads = await page.evaluate(() =>
          performance
            .getEntriesByType("resource")
            .filter(({ name }) => name.endsWith("/pay_checkout_bg.wasm"))
            .map(({ initiatorType }) => initiatorType),
        );
        expect(downloads).toEqual(["link"]);
      });
    }
  });
}

test.describe("the Angular example on ng serve", () => {
  test.describe.configure({ timeout: 180_000 });
  let server;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    server = await startDevServer(
      "examples/angular",
      "npx --no-install ng serve --host 127.0.0.1 --port 8386 --no-live-reload",
      8386,
    );
  });
  test.afterAll(() => server?.stop());

  test("pays with the sandbox wallet", async ({ page }) => {
    await page.goto(server.url);
    await expectApprovedPayment(page);
  });
});

test.describe("the React example on the Vite dev server", () => {
  let server;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startDevServer(
      "examples/react",
      "npx --no-install vite --host 127.0.0.1 --port 8387 --strictPort",
      8387,
    );
  });
  test.afterAll(() => server?.stop());

  test("pays with the sandbox wallet, then pays again through the element's ref", async ({ page }) => {
    await page.goto(server.url);
    const first = await expectApprovedPayment(page);
    await page.getByRole("button", { name: "Pay again" }).click();
    await expect(page.locator("pay-checkout form").getByRole("button", { name: /Pay \$12\.50/ })).toBeVisible();
    expect(first.transactionId).toMatch(/^txn_/);
  });
});

test("a wasm that cannot load reaches the Angular app's (error) handler", async ({ page }) => {
  const server = await serveBuilt("examples/angular/dist/shop/browser", 8388);
  try {
    const errors = watchForErrors(page);
    let fetches = 0;
    await page.route("**/pay_checkout_bg.wasm", (route) => {
      fetches += 1;
      return route.fulfill({ status: 503, body: "deploy in progress" });
    });
    await page.goto(server.url);
    await expect.poll(() => page.locator('[data-type="error"]').count()).toBe(1);
    const detail = JSON.parse(await page.locator('[data-type="error"]').textContent());
    expect(detail).toMatchObject({ gateway: "pdirect", errorCode: "NETWORK_ERROR", retryable: true });
    expect(detail.message).toContain("pay_checkout_bg.wasm");
    expect(fetches).toBe(2); // the first fetch and one retry
    expect(errors.some((error) => error.includes("could not load"))).toBe(true);
  } finally {
    await server.stop();
  }
});
