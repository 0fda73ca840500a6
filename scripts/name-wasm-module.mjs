// Gives a wasm module its name, in a `name` section holding only that (a
// few bytes): wasm-opt's --strip-debug leaves no names at all. Browsers
// show the name in each stack frame of the module (Chromium as the frame's
// function, `at pay_checkout (…/file.wasm:wasm-function[…])`), and that is
// how the element's snippet knows a trap as its module's own, whatever a
// bundler calls the file.
// Usage: node scripts/name-wasm-module.mjs <module.wasm> <name>
import { readFileSync, writeFileSync } from "node:fs";

const [file, name] = process.argv.slice(2);
if (!file || !name) throw new Error("usage: name-wasm-module.mjs <module.wasm> <name>");

/** An unsigned LEB128 number, as the binary format writes sizes. */
function leb128(value) {
  const bytes = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (value !== 0);
  return bytes;
}

/** A name as the binary format writes one: its length, then its UTF-8. */
const encodedName = (text) => {
  const utf8 = [...Buffer.from(text, "utf8")];
  return [...leb128(utf8.length), ...utf8];
};

/** Each section's id and name (custom sections only), in order. */
function sections(module) {
  const found = [];
  let offset = 8; // magic and version
  while (offset < module.length) {
    const id = module[offset++];
    let size = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = module[offset++];
      size += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) break;
    }
    let customName = null;
    if (id === 0) {
      const length = module[offset];
      customName = module.subarray(offset + 1, offset + 1 + length).toString("utf8");
    }
    found.push({ id, customName });
    offset += size;
  }
  return found;
}

const module = readFileSync(file);
if (module.readUInt32LE(0) !== 0x6d736100) throw new Error(`${file} is not a wasm module`);
if (sections(module).some((section) => section.customName === "name")) {
  throw new Error(`${file} has a name section already`);
}
// Subsection 0 is the module's name; custom sections may close a module.
const moduleName = encodedName(name);
const payload = [...encodedName("name"), 0, ...leb128(moduleName.length), ...moduleName];
writeFileSync(file, Buffer.concat([module, Buffer.from([0, ...leb128(payload.length), ...payload])]));
