// End-to-end tests: Playwright drives Debian's Chromium (never a downloaded
// browser) against the real sandbox server, which it starts and stops.
import { defineConfig } from "@playwright/test";
import { fileURLToPath } from "node:url";
import { CHROMIUM } from "../../scripts/chromium.mjs";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
// Not 8080, so the tests never collide with a running `make demo`.
const port = process.env.E2E_PORT ?? "8181";
const baseURL = `http://127.0.0.1:${port}`;
const sandbox = process.env.SANDBOX_BIN;
if (!sandbox) throw new Error("SANDBOX_BIN must name the pay-sandbox binary (make test-e2e sets it)");

export default defineConfig({
  testDir: "./specs",
  testMatch: "*.spec.js",
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"]],
  use: {
    baseURL,
    browserName: "chromium",
    headless: true,
    launchOptions: CHROMIUM,
  },
  webServer: {
    command: JSON.stringify(sandbox),
    cwd: repoRoot,
    env: { PORT: port, RUST_LOG: "warn" },
    url: `${baseURL}/health`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
