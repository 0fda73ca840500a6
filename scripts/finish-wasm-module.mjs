// The last touches to a wasm module and its wasm-bindgen glue (`--target
// web`, before the glue is minified):
//
// - Short import names. wasm-bindgen names each of the module's JavaScript
//   imports after its function and a hash (`__wbg_append_ba9a4dc30a0323fd`)
//   in a module named after the glue, and writes each name twice: in the
//   wasm and as a key of the glue's import object. The hashes do not
//   compress, so every import becomes `a`, `b`, … of one module `a`, in both.
//   Likewise its closure shims' exports, named after their whole signature
//   (`wasm_bindgen_4c99…___convert__closures_____invoke___web_sys_…`), become
//   `$a`, `$b`, …; the runtime's own exports (`__wbindgen_malloc`, …) and
//   the element's keep their names.
// - The module's name, in a `name` section holding only that (wasm-opt's
//   --strip-debug leaves no names at all). Browsers show it in each stack
//   frame of the module (Chromium as the frame's function,
//   `at pay_checkout (…/file.wasm:wasm-function[…])`), which is how the
//   element's snippet knows a trap as its module's own, whatever a bundler
//   calls the file.
//
// Usage: node scripts/finish-wasm-module.mjs <dir> <out-name>, for the
// <out-name>_bg.wasm and <out-name>.js that wasm-bindgen wrote in <dir>.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { encodedName, leb128, readImport, readUnnamedModule, readVector, section, vector } from "./wasm-binary.mjs";

const [dir, name] = process.argv.slice(2);
if (!dir || !name) throw new Error("usage: finish-wasm-module.mjs <dir> <out-name>");
const wasmFile = join(dir, `${name}_bg.wasm`);
const glueFile = join(dir, `${name}.js`);

/** An export: its name, and its description's bytes (kind and index). */
function readExport(reader, payload) {
  const field = reader.name();
  const start = reader.offset;
  reader.byte();
  reader.leb128();
  return { field, description: payload.subarray(start, reader.offset) };
}

/** `a`, `b`, … `Z`, `aa`, `ab`, …: short names that are also JavaScript identifiers. */
function shortName(index) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let text = "";
  do {
    text = letters[index % letters.length] + text;
    index = Math.floor(index / letters.length) - 1;
  } while (index >= 0);
  return text;
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const { module, moduleSections } = readUnnamedModule(wasmFile);
let glue = readFileSync(glueFile, "utf8");

// The glue hands the module one object per import module: its own import
// object (keyed by the import names) and each snippet's namespace.
const returned = glue.match(/return \{\s*__proto__: null,\s*((?:"[^"]+": \w+,\s*)+)\};/);
if (!returned) throw new Error(`${glueFile}: no import object where wasm-bindgen writes it`);
const objectOf = new Map([...returned[1].matchAll(/"([^"]+)": (\w+),/g)].map(([, path, object]) => [path, object]));
const ownModule = `./${name}_bg.js`;

const importSection = moduleSections.find(({ id }) => id === 2);
const imports = importSection ? readVector(importSection.payload, readImport) : [];
const fromSnippets = [];
const renamed = imports.map(({ module: from, field, description }, index) => {
  const short = shortName(index);
  const object = objectOf.get(from);
  if (!object) throw new Error(`${wasmFile} imports from ${from}, which the glue does not provide`);
  if (from === ownModule) {
    // The glue's own import: rename its key, written once as `name: function`.
    const key = new RegExp(`^(\\s+)${escape(field)}(: function\\b)`, "m");
    if (glue.match(new RegExp(key.source, "gm"))?.length !== 1) {
      throw new Error(`${glueFile}: the import ${field} is not written once where wasm-bindgen writes it`);
    }
    glue = glue.replace(key, `$1${short}$2`);
  } else {
    fromSnippets.push(`${short}: ${object}[${JSON.stringify(field)}]`);
  }
  return [...encodedName("a"), ...encodedName(short), ...description];
});
const ownObject = objectOf.get(ownModule) ?? "{}";
glue = glue.replace(
  returned[0],
  `return { __proto__: null, a: { __proto__: null, ...${ownObject}${fromSnippets.map((entry) => `, ${entry}`).join("")} } };`,
);

// The closure shims' exports, called once each from the glue as `wasm.<name>(`.
const exportSection = moduleSections.find(({ id }) => id === 7);
const exports = exportSection ? readVector(exportSection.payload, readExport) : [];
let shims = 0;
const exported = exports.map(({ field, description }) => {
  if (!field.startsWith("wasm_bindgen_")) return [...encodedName(field), ...description];
  const short = `$${shortName(shims++)}`;
  const call = new RegExp(`\\bwasm\\.${escape(field)}\\(`, "g");
  if (!glue.match(call)) throw new Error(`${glueFile}: the export ${field} is not called where wasm-bindgen calls it`);
  glue = glue.replace(call, `wasm.${short}(`);
  return [...encodedName(short), ...description];
});

// The release linker leaves wasm-streams' stream sources out
// (scripts/linker/pay-checkout-link.mjs); a glue with their classes was
// linked some other way, and carries their code.
if (/^export class IntoUnderlying/m.test(glue)) throw new Error(`${glueFile}: the module exports wasm-streams' stream sources; link it through scripts/linker/pay-checkout-link.mjs`);

const moduleName = encodedName(name);
const nameSection = section(0, [...encodedName("name"), 0, ...leb128(moduleName.length), ...moduleName]);
// The import and export sections rewritten, every other section as it was;
// custom sections may close a module, and the name section should be last.
const rewritten = new Map([
  [2, vector(renamed)],
  [7, vector(exported)],
]);
const rebuilt = moduleSections.map(({ id, payload }) => section(id, rewritten.get(id) ?? payload));
writeFileSync(wasmFile, Buffer.concat([module.subarray(0, 8), ...rebuilt, nameSection]));
writeFileSync(glueFile, glue);
