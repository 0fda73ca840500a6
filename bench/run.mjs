// `make bench`: what the element costs a shop's page, measured next to a
// hand-written vanilla page and to the same form in Leptos alone (the
// framework floor, bench/floor) in the same run, on loopback in headless
// Chromium (Debian's). Writes bench/results.json, prints a summary, and
// exits non-zero when a budget of bench/budgets.json is exceeded: its
// `limits`, or with BENCH_BUDGETS=ceilings (what `make test` runs) the
// ceilings that keep any change from making things worse.
//
// BENCH_RUNS (default 15) cold start-ups of each page, BENCH_CYCLES (1000)
// mount/unmount cycles, BENCH_PAYMENTS (3) sandbox payments, BENCH_OUT the
// results file.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { chromium } from "playwright-core";
import { CHROMIUM } from "../scripts/chromium.mjs";
import { measureFolder } from "../scripts/size.mjs";
import { serve } from "./serve.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const CYCLES = Number(process.env.BENCH_CYCLES ?? 1000);
const PAYMENTS = Number(process.env.BENCH_PAYMENTS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 8484);
const SANDBOX_PORT = PORT + 1;
const root = new URL("..", import.meta.url);
const BUDGETS = process.env.BENCH_BUDGETS ?? "limits";
const budgets = JSON.parse(readFileSync(new URL("budgets.json", import.meta.url), "utf8"))[BUDGETS];
if (!budgets) throw new Error(`bench/budgets.json has no ${BUDGETS}`);
const OUT = process.env.BENCH_OUT ? new URL(process.env.BENCH_OUT, `file://${process.cwd()}/`) : new URL("results.json", import.meta.url);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const round = (value, places = 1) => Number(value.toFixed(places));

/** One cold visit: a fresh context (empty caches), until `ready`. */
async function coldStart(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.benchReady !== undefined, null, { timeout: 15_000 });
  const marks = await page.evaluate(() => ({ ready: window.benchReady, define: window.benchDefine }));
  await context.close();
  return { navigationToReady: marks.ready, defineToReady: marks.ready - marks.define };
}

async function startUp(browser, base) {
  const pages = { element: "/all/element.html", oneGateway: "/one/element.html", floor: "/floor/floor.html", baseline: "/baseline.html" };
  const seen = Object.fromEntries(Object.keys(pages).map((name) => [name, []]));
  // Warm Chromium itself (not the pages' caches) once, then take turns.
  await coldStart(browser, `${base}${pages.baseline}`);
  const names = Object.keys(pages);
  for (let run = 0; run < RUNS; run += 1) {
    for (let turn = 0; turn < names.length; turn += 1) {
      const which = names[(run + turn) % names.length];
      seen[which].push(await coldStart(browser, `${base}${pages[which]}`));
    }
  }
  const summary = (results) => ({
    navigationToReadyMs: round(median(results.map((result) => result.navigationToReady))),
    defineToReadyMs: round(median(results.map((result) => result.defineToReady))),
  });
  const ours = summary(seen.element);
  const vanilla = summary(seen.baseline);
  const leptos = summary(seen.floor);
  return {
    runs: RUNS,
    element: ours,
    oneGatewayElement: summary(seen.oneGateway),
    baseline: vanilla,
    ratioNavigationToReady: round(ours.navigationToReadyMs / vanilla.navigationToReadyMs, 2),
    ratioDefineToReady: round(ours.defineToReadyMs / vanilla.defineToReadyMs, 2),
    // What Leptos alone costs (bench/floor), and so what is the element's own.
    leptosFloor: leptos,
    floorRatioNavigationToReady: round(leptos.navigationToReadyMs / vanilla.navigationToReadyMs, 2),
  };
}

/**
 * Wasm functions V8 compiled on first call (on the main thread) before
 * `ready`, from a Chromium trace of one cold start of each build: the work
 * a start-up runs, without the timing noise (the count repeats). `ready` is
 * marked in the trace as the first listener hears it.
 */
async function compiledAtStartUp(browser, base) {
  const pages = { element: "/all/element.html", oneGateway: "/one/element.html", leptosFloor: "/floor/floor.html" };
  const counts = {};
  for (const [name, path] of Object.entries(pages)) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      const mark = () => performance.getEntriesByName("bench:ready").length || performance.mark("bench:ready");
      document.addEventListener("ready", mark, { capture: true });
    });
    await browser.startTracing(page, { categories: ["v8.wasm", "blink.user_timing"] });
    await page.goto(`${base}${path}`);
    await page.waitForFunction(() => window.benchReady !== undefined, null, { timeout: 15_000 });
    const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
    const ready = traceEvents.find((event) => event.name === "bench:ready");
    if (!ready) throw new Error(`no ready mark in the trace of ${path}`);
    counts[name] = traceEvents.filter((event) => event.name === "wasm.CompileLazy" && event.ts < ready.ts).length;
    await context.close();
  }
  return counts;
}

/** The sandbox wallet in the PDirect form, once it shows: the fields it asks for. */
async function fillWallet(checkout) {
  await checkout.locator("button.pay").waitFor();
  const wallet = {
    phone_number: "+243998857000",
    wallet_number: "3005710720108954",
    wallet_pin: "048698",
    first_name: "John",
    last_name: "Doe",
    email: "john.doe@example.com",
  };
  for (const [id, value] of Object.entries(wallet)) {
    const field = checkout.locator(`#pay-${id}`);
    if (await field.count()) await field.fill(value);
  }
}

/** Pay pressed → the collect request leaves, with `configs.token` set. */
async function payToRequest(browser, base) {
  const delays = [];
  for (let run = 0; run < RUNS; run += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/all/element.html`);
    await page.waitForFunction(() => window.benchReady !== undefined);
    const checkout = page.locator("pay-checkout");
    await fillWallet(checkout);
    await page.evaluate(() => {
      document.addEventListener("click", (event) => (window.benchClick = event.timeStamp), { capture: true });
    });
    await checkout.locator("button.pay").click();
    const delay = await page.waitForFunction(() => {
      const sent = performance.getEntriesByType("resource").find((entry) => entry.name.endsWith("/payments/collect"));
      return sent && window.benchClick !== undefined ? sent.startTime - window.benchClick : null;
    });
    delays.push(await delay.jsonValue());
    await context.close();
  }
  return { runs: RUNS, medianMs: round(median(delays), 2), maxMs: round(Math.max(...delays), 2) };
}

/** JS heap and wasm memory after the first mount and after CYCLES more. */
async function memory(browser, base) {
  const context = await browser.newContext();
  const page = await context.newPage();
  // The module's memory, as it is instantiated.
  await page.addInitScript(() => {
    const keep = (result) => {
      const instance = result.instance ?? result;
      if (instance.exports?.memory) window.benchMemory = instance.exports.memory;
      return result;
    };
    for (const name of ["instantiate", "instantiateStreaming"]) {
      const original = WebAssembly[name];
      WebAssembly[name] = (...args) => original.apply(WebAssembly, args).then(keep);
    }
  });
  const cdp = await context.newCDPSession(page);
  const measure = async () => {
    // Twice, with a pause for finalizers (wasm-bindgen frees through them).
    await cdp.send("HeapProfiler.collectGarbage");
    await page.waitForTimeout(200);
    await cdp.send("HeapProfiler.collectGarbage");
    const heap = await cdp.send("Runtime.getHeapUsage");
    const wasm = await page.evaluate(() => window.benchMemory?.buffer.byteLength ?? 0);
    return { jsHeapBytes: heap.usedSize, wasmMemoryBytes: wasm };
  };
  await page.goto(`${base}/all/element.html`);
  await page.waitForFunction(() => window.benchReady !== undefined);
  const afterMount = await measure();
  const started = Date.now();
  await page.evaluate(async (cycles) => {
    const main = document.querySelector("main");
    for (let cycle = 0; cycle < cycles; cycle += 1) {
      const element = document.createElement("pay-checkout");
      for (const [name, value] of [["gateway", "pdirect"], ["amount", "12.50"], ["currency", "USD"], ["api-base", "/pdirect"]]) {
        element.setAttribute(name, value);
      }
      const ready = new Promise((resolve) => element.addEventListener("ready", resolve, { once: true }));
      main.append(element);
      await ready;
      element.remove();
      // The element unmounts once the removal's task is over.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }, CYCLES);
  const seconds = (Date.now() - started) / 1000;
  const afterCycles = await measure();
  await context.close();
  return {
    cycles: CYCLES,
    afterMount,
    afterCycles,
    jsHeapGrowthBytes: afterCycles.jsHeapBytes - afterMount.jsHeapBytes,
    wasmMemoryGrowthBytes: afterCycles.wasmMemoryBytes - afterMount.wasmMemoryBytes,
    msPerCycle: round((seconds * 1000) / CYCLES, 2),
  };
}

async function startSandbox() {
  const binary = process.env.SANDBOX_BIN;
  if (!binary) throw new Error("SANDBOX_BIN must name the pay-sandbox binary (make bench sets it)");
  const child = spawn(binary, [], {
    cwd: new URL(".", root).pathname,
    env: { ...process.env, PORT: String(SANDBOX_PORT), RUST_LOG: "error", PAY_SANDBOX_DIST: "dist", PAY_SANDBOX_PKG: "pkg" },
    stdio: "ignore",
  });
  for (let wait = 0; wait < 100; wait += 1) {
    const up = await fetch(`http://127.0.0.1:${SANDBOX_PORT}/health`).then((answer) => answer.ok, () => false);
    if (up) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error("the sandbox did not start");
}

/** Status requests per payment the sandbox approves, at the default back-off. */
async function statusRequests(browser) {
  const sandbox = await startSandbox();
  try {
    const counts = [];
    for (let payment = 0; payment < PAYMENTS; payment += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      let polls = 0;
      page.on("request", (request) => request.url().includes("/payments/status/") && (polls += 1));
      await page.addInitScript(() => document.addEventListener("complete", (event) => (window.benchComplete = event.detail)));
      await page.goto(`http://127.0.0.1:${SANDBOX_PORT}/`);
      const checkout = page.locator("pay-checkout");
      await fillWallet(checkout);
      await checkout.locator("button.pay").click();
      const complete = await page.waitForFunction(() => window.benchComplete, null, { timeout: 30_000 });
      if ((await complete.jsonValue()).paymentStatus !== "approved") throw new Error("the sandbox payment was not approved");
      counts.push(polls);
      await context.close();
    }
    return { payments: PAYMENTS, mean: round(counts.reduce((a, b) => a + b, 0) / counts.length, 2), max: Math.max(...counts) };
  } finally {
    sandbox.kill();
  }
}

/** Each budget, with the figure it is held to and whether it holds. */
function check(results) {
  const figures = {
    allGatewaysGzipBytes: results.size.allGateways.total.gzip,
    oneGatewayGzipBytes: results.size.oneGateway.total.gzip,
    navigationToReadyRatio: results.startUp.ratioNavigationToReady,
    compiledAtStartUp: results.compiledAtStartUp.element,
    jsHeapGrowthBytes: results.memory.jsHeapGrowthBytes,
    wasmMemoryGrowthBytes: results.memory.wasmMemoryGrowthBytes,
    statusRequestsPerPayment: results.statusRequestsPerPayment.max,
    payToRequestMs: results.payToRequest.medianMs,
  };
  return Object.entries(budgets).map(([name, limit]) => ({
    name,
    figure: figures[name],
    limit,
    within: figures[name] <= limit,
  }));
}

const server = await serve(PORT);
const browser = await chromium.launch(CHROMIUM);
try {
  const base = `http://127.0.0.1:${PORT}`;
  const results = {
    measuredAt: new Date().toISOString(),
    machine: { cpus: cpus().length, chromium: browser.version() },
    size: {
      allGateways: measureFolder(new URL("pkg", root).pathname),
      oneGateway: { gateways: ["pdirect"], ...measureFolder(new URL("pkg-pdirect", root).pathname) },
      leptosFloor: measureFolder(new URL("pkg-floor", root).pathname),
    },
    startUp: await startUp(browser, base),
    compiledAtStartUp: await compiledAtStartUp(browser, base),
    payToRequest: await payToRequest(browser, base),
    memory: await memory(browser, base),
    statusRequestsPerPayment: await statusRequests(browser),
  };
  results.budgets = check(results);
  results.budgetsChecked = BUDGETS;
  mkdirSync(new URL(".", OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
  const kb = (bytes) => `${round(bytes / 1024)} KB`;
  console.log(`bench: size, all five gateways: ${kb(results.size.allGateways.total.raw)} raw, ${kb(results.size.allGateways.total.gzip)} gzip, ${kb(results.size.allGateways.total.brotli)} brotli`);
  console.log(`bench: size, PDirect only:      ${kb(results.size.oneGateway.total.raw)} raw, ${kb(results.size.oneGateway.total.gzip)} gzip, ${kb(results.size.oneGateway.total.brotli)} brotli`);
  console.log(`bench: size, the Leptos floor:  ${kb(results.size.leptosFloor.total.raw)} raw, ${kb(results.size.leptosFloor.total.gzip)} gzip, ${kb(results.size.leptosFloor.total.brotli)} brotli`);
  const { element, baseline, leptosFloor } = results.startUp;
  console.log(`bench: navigation → ready: ${element.navigationToReadyMs} ms (vanilla ${baseline.navigationToReadyMs} ms, ×${results.startUp.ratioNavigationToReady}), median of ${RUNS} cold runs`);
  console.log(`bench: defineCheckout() → ready: ${element.defineToReadyMs} ms (vanilla script → ready ${baseline.defineToReadyMs} ms)`);
  console.log(`bench: the Leptos floor: navigation → ready ${leptosFloor.navigationToReadyMs} ms (×${results.startUp.floorRatioNavigationToReady}), script → ready ${leptosFloor.defineToReadyMs} ms`);
  const compiled = results.compiledAtStartUp;
  console.log(`bench: wasm functions compiled on first call before ready: ${compiled.element} (PDirect only ${compiled.oneGateway}, the Leptos floor ${compiled.leptosFloor})`);
  console.log(`bench: PDirect-only build: navigation → ready ${results.startUp.oneGatewayElement.navigationToReadyMs} ms, defineCheckout() → ready ${results.startUp.oneGatewayElement.defineToReadyMs} ms`);
  console.log(`bench: Pay → request leaves: ${results.payToRequest.medianMs} ms median`);
  const { memory: used } = results;
  console.log(`bench: after mount: JS heap ${kb(used.afterMount.jsHeapBytes)}, wasm memory ${kb(used.afterMount.wasmMemoryBytes)}; after ${CYCLES} mount/unmount cycles (${used.msPerCycle} ms each): JS heap ${used.jsHeapGrowthBytes >= 0 ? "+" : ""}${kb(used.jsHeapGrowthBytes)}, wasm memory +${kb(used.wasmMemoryGrowthBytes)}`);
  console.log(`bench: status requests per approved payment: ${results.statusRequestsPerPayment.mean} (max ${results.statusRequestsPerPayment.max})`);
  for (const budget of results.budgets) {
    console.log(`bench: budget ${budget.name}: ${budget.figure} ≤ ${budget.limit}: ${budget.within ? "within" : "EXCEEDED"}`);
  }
  if (results.budgets.some((budget) => !budget.within)) {
    console.error(`bench: FAILED: a budget is exceeded (${BUDGETS} of bench/budgets.json)`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  server.close();
}
