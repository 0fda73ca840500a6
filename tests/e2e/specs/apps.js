// Helpers for the specs that run the npm package the way merchants do: the
// example apps' built output behind the examples' own static server, their
// dev servers as child processes, and a customer paying in them.
import { expect } from "@playwright/test";
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../../../examples/serve.mjs";
import { fillWallet, watchForErrors } from "./support.js";

export const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
/** Where pay-sandbox runs for the tests (playwright.config.js starts it). */
export const sandbox = `http://127.0.0.1:${process.env.E2E_PORT ?? "8181"}`;

/**
 * Serves `folder` (absolute, or relative to the repo) on `port`, forwarding
 * to pay-sandbox. `stop()` also ends the connections the browser still
 * holds open (a socket it opened ahead with no request on it is not idle to
 * Node), so that it never waits on the page.
 */
export async function serveBuilt(folder, port) {
  const server = await serve({ folder: resolve(repoRoot, folder), port, sandbox });
  const stop = () =>
    new Promise((done) => {
      server.close(done);
      server.closeAllConnections();
    });
  return { url: `http://127.0.0.1:${port}`, stop };
}

/**
 * Starts an app's dev server (`command` run in `folder` with the apps' Node
 * and quiet CLIs) on `port` and waits until it answers. `stop()` ends the
 * whole process group, so no server outlives the tests.
 */
export async function startDevServer(folder, command, port, { timeout = 120_000 } = {}) {
  const url = `http://127.0.0.1:${port}/`;
  const child = spawn("bash", ["-c", `source scripts/app-env.sh && cd ${folder} && exec ${command}`], {
    cwd: repoRoot,
    // PORT too: the Angular dev server prefers it to its --port flag, and
    // make exports the sandbox's.
    env: { ...process.env, PORT: String(port), PAY_SANDBOX: sandbox, CI: "true" },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const stop = () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  const deadline = Date.now() + timeout;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command} in ${folder} exited:\n${output}`);
    const answer = await fetch(url).catch(() => null);
    if (answer?.ok) return { url, stop, output: () => output };
    if (Date.now() > deadline) {
      stop();
      throw new Error(`${command} in ${folder} did not answer at ${url}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** A customer paying 12.50 USD with a PDirect sandbox wallet. */
export async function payWithSandboxWallet(page, { pin = "048698" } = {}) {
  await (await fillWallet(page, { pin })).click();
}

/** The events the app's own handlers rendered into its list, in order. */
export async function receivedByApp(page) {
  return page
    .locator("[data-type]")
    .evaluateAll((items) => items.map((item) => ({ type: item.dataset.type, detail: JSON.parse(item.textContent) })));
}

const RESPONSE_FIELDS = [
  "gateway",
  "transactionId",
  "paymentStatus",
  "message",
  "amount",
  "currency",
  "feeAmount",
  "totalAmount",
  "createdAt",
];

/**
 * Pays with the approving wallet and checks what the app's handlers got:
 * one `response` and one `complete`, in the contract's shapes, and the
 * transaction id the app shows.
 */
export async function expectApprovedPayment(page) {
  const errors = watchForErrors(page);
  await payWithSandboxWallet(page);
  await expect.poll(async () => (await receivedByApp(page)).map((event) => event.type), { timeout: 15_000 }).toEqual([
    "response",
    "complete",
  ]);
  const [response, complete] = (await receivedByApp(page)).map((event) => event.detail);
  expect(response).toMatchObject({ gateway: "pdirect", paymentStatus: "pending", amount: "12.50", currency: "USD" });
  expect(response.transactionId).toMatch(/^txn_/);
  expect(Object.keys(response).filter((key) => !RESPONSE_FIELDS.includes(key))).toEqual([]);
  expect(complete).toEqual({ gateway: "pdirect", transactionId: response.transactionId, paymentStatus: "approved" });
  await expect(page.locator(".transaction-id, #transaction-id")).toHaveText(response.transactionId);
  await expect(page.locator(".payment-status, #payment-status")).toHaveText("approved");
  expect(errors).toEqual([]);
  return response;
}

/** Pays with a PIN the sandbox declines: the app's error handler hears the gateway's code. */
export async function expectDeclinedPayment(page) {
  await payWithSandboxWallet(page, { pin: "000000" });
  await expect.poll(async () => (await receivedByApp(page)).map((event) => event.type), { timeout: 15_000 }).toContain(
    "complete",
  );
  const received = await receivedByApp(page);
  const error = received.find((event) => event.type === "error")?.detail;
  expect(error).toEqual({ gateway: "pdirect", errorCode: "2001", message: expect.any(String), retryable: false });
  expect(received.find((event) => event.type === "complete").detail).toMatchObject({ paymentStatus: "failed" });
}
