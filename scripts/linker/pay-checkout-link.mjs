#!/usr/bin/env node
// The linker of release modules (scripts/wasm-env.sh, `release_std`): the
// toolchain's own wasm linker, told to export less.
//
// Leptos links server_fn's browser client whatever the app, and with it
// wasm-streams, whose three JavaScript stream sources (`IntoUnderlyingSource`,
// `…ByteSource`, `…Sink`) are wasm-bindgen exports. rustc asks the linker to
// export them, so they are kept with everything they call, and the function
// table keeps the futures behind their promises even once an export is
// removed from the linked module (the table is filled from the vtables in
// memory, which no tool can prove unused). No page of ours calls them. Not
// asked to export them, the linker leaves out their code and vtables from the
// start: 2.3 % less gzip.
//
// wasm-bindgen learns what to export from the module's
// `__wasm_bindgen_unstable` section, one program per exported item, and
// stops at an export it cannot find; so their programs leave that section.
//
// The real linker is $PAY_CHECKOUT_WASM_LINKER (rustup's rust-lld, or
// Debian's wasm-ld); rustc passes it the same arguments as to any lld
// (`-flavor wasm` first). Named by a bare name on PATH, this script keeps
// Cargo's fingerprint the same from one clone of the repository to another.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Reader, encodedName, section, sections } from "../wasm-binary.mjs";

/** wasm-streams' stream sources, as the linker names their exports. */
const UNUSED_EXPORT = /intounderlying/i;
/** …and as wasm-bindgen's programs name the items they describe. */
const UNUSED_ITEM = Buffer.from("IntoUnderlying");
const BINDGEN_SECTION = "__wasm_bindgen_unstable";

/** The arguments without `--export <name>` (or `--export=<name>`) of the unused exports. */
function withoutUnusedExports(args) {
  const kept = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    if (arg === "--export" && UNUSED_EXPORT.test(args[index + 1] ?? "")) {
      index += 1;
    } else if (!(arg.startsWith("--export=") && UNUSED_EXPORT.test(arg))) {
      kept.push(arg);
    }
  }
  return kept;
}

/**
 * The section's payload without the programs describing unused items.
 * Each program is two length-prefixed blobs: its schema's version (JSON),
 * then the program itself.
 */
function withoutUnusedPrograms(payload) {
  const kept = [];
  let rest = payload;
  const blob = () => {
    const length = rest.readUInt32LE(0);
    const whole = rest.subarray(0, 4 + length);
    rest = rest.subarray(4 + length);
    return whole;
  };
  while (rest.length > 0) {
    const version = blob();
    const program = blob();
    if (!program.includes(UNUSED_ITEM)) kept.push(version, program);
  }
  return Buffer.concat(kept);
}

/** Rewrites the linked module at `file` with only the programs of what it exports. */
function dropUnusedPrograms(file) {
  const module = readFileSync(file);
  const parts = [module.subarray(0, 8)];
  for (const { id, payload } of sections(module)) {
    const reader = new Reader(payload);
    if (id === 0 && reader.name() === BINDGEN_SECTION) {
      const programs = withoutUnusedPrograms(payload.subarray(reader.offset));
      parts.push(section(0, Buffer.concat([Buffer.from(encodedName(BINDGEN_SECTION)), programs])));
    } else {
      parts.push(section(id, payload));
    }
  }
  writeFileSync(file, Buffer.concat(parts));
}

const linker = process.env.PAY_CHECKOUT_WASM_LINKER;
if (!linker) {
  console.error("pay-checkout-link: PAY_CHECKOUT_WASM_LINKER names no linker (scripts/wasm-env.sh sets it)");
  process.exit(1);
}
// rustc passes the arguments in a response file (@file, one per line)
// when they are too long for the system's command line; so does this.
const given = process.argv.slice(2);
const responseFile = given.length === 1 && given[0].startsWith("@") ? given[0].slice(1) : null;
const args = responseFile ? readFileSync(responseFile, "utf8").split("\n").filter(Boolean) : given;
let linkerArgs = withoutUnusedExports(args);
const folder = responseFile ? mkdtempSync(join(tmpdir(), "pay-checkout-link-")) : null;
if (folder) {
  writeFileSync(join(folder, "args"), `${linkerArgs.join("\n")}\n`);
  linkerArgs = [`@${join(folder, "args")}`];
}
const linked = spawnSync(linker, linkerArgs, { stdio: "inherit" });
if (folder) rmSync(folder, { recursive: true, force: true });
if (linked.error) throw linked.error;
if (linked.status !== 0) process.exit(linked.status ?? 1);
const output = args[args.indexOf("-o") + 1];
if (!args.includes("-o") || !output) throw new Error("pay-checkout-link: the linker was given no -o");
dropUnusedPrograms(output);
