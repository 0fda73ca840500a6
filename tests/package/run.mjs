// The package as a merchant's project sees it, installed from the packed
// tarball: its public types (usage compiles under --strict, every marked
// misuse fails) and its import under Node (server rendering does nothing).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const tsc = (project) =>
  spawnSync("npx", ["--no-install", "tsc", "-p", project, "--noEmit", "--strict", "--pretty", "false"], {
    encoding: "utf8",
  });

function checkUsage() {
  const run = tsc("tsconfig.json");
  assert.equal(run.status, 0, `usage.ts must compile:\n${run.stdout}${run.stderr}`);
  console.log("types: usage.ts compiles under --strict");
}

function checkMisuse() {
  const run = tsc("tsconfig.misuse.json");
  assert.notEqual(run.status, 0, "misuse.ts compiled: the types catch nothing");
  const failing = new Set(
    [...run.stdout.matchAll(/^misuse\.ts\((\d+),\d+\): error TS\d+/gm)].map(([, line]) => Number(line)),
  );
  const marked = readFileSync("misuse.ts", "utf8")
    .split("\n")
    .flatMap((text, index) => (/\/\/ misuse:/.test(text) ? [index + 1] : []));
  assert.ok(marked.length >= 10, "misuse.ts should hold the mistakes to catch");
  const missed = marked.filter((line) => !failing.has(line));
  const unexpected = [...failing].filter((line) => !marked.includes(line));
  assert.deepEqual(missed, [], `misuses the types let through (lines of misuse.ts):\n${run.stdout}`);
  assert.deepEqual(unexpected, [], `errors on lines that are no misuse:\n${run.stdout}`);
  console.log(`types: all ${marked.length} misuses in misuse.ts fail to compile, nothing else does`);
}

async function checkNodeImport() {
  const before = Object.keys(globalThis).sort();
  const pkg = await import("pay-checkout");
  assert.deepEqual(Object.keys(pkg).sort(), ["createCheckout", "defineCheckout"], "only the public API is exported");
  assert.equal(await pkg.defineCheckout({ tagName: "shop-checkout" }), undefined);
  const checkout = pkg.createCheckout({ fetchClientToken: async () => "token" });
  assert.equal(checkout.element, null);
  await checkout.launch();
  assert.equal(typeof globalThis.window, "undefined", "importing must not create a window");
  assert.deepEqual(Object.keys(globalThis).sort(), before, "importing must leave no globals behind");
  console.log("node: importing pay-checkout defines nothing, touches no window and adds no globals");
}

checkUsage();
checkMisuse();
await checkNodeImport();
