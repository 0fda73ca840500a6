// The chaos run: seeded checkouts across the five gateways, each through a
// random fault (answers lost after the gateway acted, 500 and 503, an answer
// slower than the element's time limit, a webhook delivered twice, a double
// click, a reload or the element removed and added again at a random
// moment). Afterwards the simulators' ledger is compared with what the page
// reported: no payment charged twice, none whose outcome the page never
// learned; and with the merchant backend's webhook receiver: every charged
// payment of a gateway with webhooks fulfilled exactly once.
//
// `make test` runs a short fixed-seed run; `make chaos` runs 200 checkouts
// with a new seed (CHAOS_CHECKOUTS and CHAOS_SEED override both).
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { expect } from "@playwright/test";
import { test } from "./support.js";
import { CUSTOMERS, ROUTES } from "./chaos/customers.js";

const CHECKOUTS = Number(process.env.CHAOS_CHECKOUTS ?? 20);
const SEED = Number(process.env.CHAOS_SEED ?? 20261122);
const GATEWAYS = Object.keys(CUSTOMERS);
// Each disruption with its weight: the slow answer costs the time limit.
const DISRUPTIONS = {
  none: 2,
  "drop-after-processing": 3,
  "error-500": 2,
  "error-503": 2,
  "drop-status": 2,
  "slow-answer": 1,
  "duplicate-webhook": 2,
  "double-click": 3,
  reload: 4,
  remount: 3,
};
/** The gateways whose outcome also reaches the merchant's webhook receiver. */
const WEBHOOKS = new Set(["pdirect", "universal", "paygate"]);
/** The element's time limit for one request, and a little more. */
const SLOWER_THAN_THE_LIMIT_MS = 16_000;

/** mulberry32: a small seeded generator, so a run is repeated from its seed. */
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The run's checkouts: gateways in turn, disruptions dealt from a shuffled
 * deck holding each as often as its weight (so a short run still meets
 * nearly every kind), and the moment of a reload or re-add.
 */
function plan() {
  const random = generator(SEED);
  const cards = Object.entries(DISRUPTIONS).flatMap(([name, weight]) => Array(weight).fill(name));
  let deck = [];
  return Array.from({ length: CHECKOUTS }, (_, index) => {
    if (deck.length === 0) deck = cards.map((card) => [random(), card]).sort(([a], [b]) => a - b).map(([, card]) => card);
    const gateway = GATEWAYS[index % GATEWAYS.length];
    const card = deck.pop();
    return {
      number: index + 1,
      gateway,
      // Invoice and Moment send no webhooks: their card is played as none.
      disruption: card === "duplicate-webhook" && !WEBHOOKS.has(gateway) ? "none" : card,
      afterMs: Math.floor(random() * 2_500),
    };
  });
}

// One line per finished checkout: Playwright starts a new worker after a
// failure, so the run's totals are summed from this file, not from memory.
const RESULTS = new URL("../test-results/", import.meta.url);
const CHECKOUT_LOG = new URL("chaos-checkouts.jsonl", RESULTS);

function logCheckout(line) {
  mkdirSync(RESULTS, { recursive: true });
  if (line.number === 1) writeFileSync(CHECKOUT_LOG, "");
  appendFileSync(CHECKOUT_LOG, `${JSON.stringify(line)}\n`);
}

/** The run's totals, from every checkout that finished. */
function summarise() {
  const lines = existsSync(CHECKOUT_LOG)
    ? readFileSync(CHECKOUT_LOG, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line))
    : [];
  const count = (values) => values.reduce((counts, value) => ({ ...counts, [value]: (counts[value] ?? 0) + 1 }), {});
  const sum = (name) => lines.reduce((total, line) => total + line[name], 0);
  return {
    seed: SEED,
    planned: CHECKOUTS,
    finished: lines.length,
    byGateway: count(lines.map((line) => line.gateway)),
    byDisruption: count(lines.map((line) => line.disruption)),
    outcomes: count(lines.map((line) => line.outcome)),
    doubleCharges: lines.filter((line) => line.charged > 1).length,
    unlearned: lines.filter((line) => !line.learned).length,
    reportedTwice: lines.filter((line) => line.twice).length,
    webhookDeliveries: sum("deliveries"),
    fulfilments: sum("fulfilments"),
    fulfilmentsWrong: lines.filter((line) => !line.fulfilmentsRight).length,
  };
}

async function ledger(request) {
  return (await (await request.get("/sandbox/ledger")).json()).entries;
}

const entryKey = (entry) => `${entry.gateway}:${entry.ids.join(",")}`;

/** The faults a disruption arms, on the gateway's own routes. */
function faultsFor(gateway, disruption) {
  const { submit, status } = ROUTES[gateway];
  switch (disruption) {
    // Twice: Chromium silently resends a request whose connection closed
    // with no answer once; the second drop reaches the element.
    case "drop-after-processing":
      return [{ path: submit, method: "POST", fault: "drop_after_processing", times: 2 }];
    case "error-500":
      return [{ path: submit, method: "POST", fault: "error_500" }];
    case "error-503":
      return [{ path: submit, method: "POST", fault: "error_503" }];
    case "drop-status":
      return [{ path: status, fault: "drop_after_processing", times: 2 }];
    case "slow-answer":
      return [{ path: submit, method: "POST", fault: "delay", delay_ms: SLOWER_THAN_THE_LIMIT_MS }];
    case "duplicate-webhook":
      return [{ path: `/merchant/webhooks/${gateway}`, method: "POST", fault: "duplicate" }];
    default:
      return [];
  }
}

/** Reloads, or removes and re-adds the element, `afterMs` after Pay. */
function disruptLater(page, disruption, afterMs) {
  if (disruption !== "reload" && disruption !== "remount") return Promise.resolve();
  return page.waitForTimeout(afterMs).then(async () => {
    if (disruption === "reload") return page.reload().catch(() => {});
    return page
      .evaluate(() => {
        const element = document.querySelector("pay-checkout");
        if (!element) return;
        const [parent, next] = [element.parentNode, element.nextSibling];
        element.remove();
        parent.insertBefore(element, next);
      })
      .catch(() => {});
  });
}

/**
 * The merchant's fulfilments of this checkout's payments, once the webhook
 * of each charged one arrived (it is sent a moment after settling).
 */
async function fulfilmentsFor(request, gateway, charged) {
  const ids = new Set(charged.flatMap((entry) => entry.ids));
  let mine = [];
  for (let wait = 0; wait < 20; wait += 1) {
    const { fulfilments } = await (await request.get("/sandbox/merchant/webhooks")).json();
    mine = fulfilments.filter((record) => record.gateway === gateway && ids.has(record.id));
    if (!WEBHOOKS.has(gateway) || mine.length >= charged.length) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return mine;
}

/** Waits (a little) until the gateway's new payments stop moving. */
async function settledLedger(request, gateway, before) {
  let fresh = [];
  for (let wait = 0; wait < 20; wait += 1) {
    fresh = (await ledger(request)).filter((entry) => entry.gateway === gateway && !before.has(entryKey(entry)));
    const moving = ["pdirect", "universal", "invoice"].includes(gateway) && fresh.some((entry) => entry.status === "pending");
    if (!moving) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return fresh;
}

for (const checkout of plan()) {
  const { number, gateway, disruption, afterMs } = checkout;
  test(`chaos ${number}/${CHECKOUTS} (seed ${SEED}): ${gateway}, ${disruption}`, async ({ page, request }) => {
    // The customer's 75 s, then the ledger's and the receiver's settling.
    test.setTimeout(150_000);
    await request.delete("/sandbox/faults");
    const before = new Set((await ledger(request)).map(entryKey));
    // Every event of every document the test opens, reloads included.
    const reported = [];
    await page.exposeFunction("reportCheckoutEvent", (type, detail) => reported.push({ type, detail }));
    await page.addInitScript(() => {
      for (const type of ["response", "error", "complete"]) {
        document.addEventListener(type, (event) => {
          if (event instanceof CustomEvent) window.reportCheckoutEvent(type, event.detail);
        });
      }
    });
    for (const fault of faultsFor(gateway, disruption)) {
      expect((await request.post("/sandbox/faults", { data: fault })).status()).toBe(201);
    }

    const customer = CUSTOMERS[gateway];
    await page.goto(customer.page);
    let disrupted = null;
    const deadline = Date.now() + 75_000;
    while (!reported.some((event) => event.type === "complete") && Date.now() < deadline) {
      const paid = await customer.act(page, { double: disruption === "double-click" && !disrupted }).catch(() => false);
      if (paid && !disrupted) disrupted = disruptLater(page, disruption, afterMs);
      await page.waitForTimeout(250).catch(() => {});
    }
    await disrupted;
    // A reload may land after the outcome: give a resumed element its time.
    await page.waitForTimeout(500);

    const fresh = await settledLedger(request, gateway, before);
    const charged = fresh.filter((entry) => entry.status === "approved");
    const completes = reported.filter((event) => event.type === "complete").map((event) => event.detail);
    const last = completes.at(-1);
    const learned =
      last !== undefined &&
      (charged.length === 0
        ? last.paymentStatus !== "approved"
        : charged[0].ids.includes(last.transactionId) && ["approved", "pending"].includes(last.paymentStatus));
    const twice = new Set(completes.map((detail) => detail.transactionId)).size < completes.length;
    const fulfilled = await fulfilmentsFor(request, gateway, charged);
    const expectedFulfilments = WEBHOOKS.has(gateway) ? charged.length : 0;
    const fulfilmentsRight =
      fulfilled.length === expectedFulfilments &&
      fulfilled.every((record) => record.fulfilled === 1) &&
      (disruption !== "duplicate-webhook" || fulfilled.every((record) => record.deliveries === 2));

    logCheckout({
      number,
      gateway,
      disruption,
      outcome: last?.paymentStatus ?? "never reported",
      charged: charged.length,
      learned,
      twice,
      deliveries: fulfilled.reduce((sum, entry) => sum + entry.deliveries, 0),
      fulfilments: fulfilled.length,
      fulfilmentsRight,
    });

    const shown = await page
      .locator("pay-checkout")
      .evaluate((element) => element.shadowRoot?.textContent.slice(0, 300))
      .catch(() => "(no element)");
    const story = JSON.stringify({ checkout, ledger: fresh, completes, fulfilled, url: page.url(), shown });
    expect(charged.length, `charged more than once: ${story}`).toBeLessThanOrEqual(1);
    expect(learned, `the page never learned the outcome: ${story}`).toBe(true);
    expect(twice, `the same payment reported twice: ${story}`).toBe(false);
    expect(fulfilmentsRight, `not fulfilled exactly once per charge: ${story}`).toBe(true);
  });
}

// Each worker prints the totals so far; the last one's are the run's.
test.afterAll(() => {
  const summary = JSON.stringify(summarise(), null, 2);
  console.log(`chaos run summary:\n${summary}`);
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(new URL("chaos-summary.json", RESULTS), `${summary}\n`);
});
