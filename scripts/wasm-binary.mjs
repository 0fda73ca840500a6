// The pieces of the WebAssembly binary format that the build's module
// scripts read and write (finish-wasm-module.mjs, order-functions.mjs).
import { readFileSync } from "node:fs";

/** An unsigned LEB128 number, as the binary format writes sizes. */
export function leb128(value) {
  const bytes = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (value !== 0);
  return bytes;
}

/** Reads the binary format's pieces from `bytes`, from `offset` on. */
export class Reader {
  constructor(bytes, offset = 0) {
    this.bytes = bytes;
    this.offset = offset;
  }
  byte() {
    return this.bytes[this.offset++];
  }
  leb128() {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = this.byte();
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  }
  name() {
    const length = this.leb128();
    const text = this.bytes.subarray(this.offset, this.offset + length).toString("utf8");
    this.offset += length;
    return text;
  }
  /** Skips a table's or memory's limits: a flag, the minimum, the maximum if flagged. */
  limits() {
    const flags = this.byte();
    this.leb128();
    if (flags & 1) this.leb128();
  }
}

/** A name as the binary format writes one: its length, then its UTF-8. */
export function encodedName(text) {
  const utf8 = [...Buffer.from(text, "utf8")];
  return [...leb128(utf8.length), ...utf8];
}

export const section = (id, payload) => Buffer.concat([Buffer.from([id, ...leb128(payload.length)]), Buffer.from(payload)]);

/** The module's sections, in order: each one's id and bytes (payload only). */
export function sections(module) {
  const found = [];
  const reader = new Reader(module, 8); // after the magic and the version
  while (reader.offset < module.length) {
    const id = reader.byte();
    const size = reader.leb128();
    found.push({ id, payload: module.subarray(reader.offset, reader.offset + size) });
    reader.offset += size;
  }
  return found;
}

/** A section's vector of entries, each read by `readEntry` from the reader. */
export function readVector(payload, readEntry) {
  const reader = new Reader(payload);
  const entries = [];
  for (let count = reader.leb128(); count > 0; count--) entries.push(readEntry(reader, payload));
  return entries;
}

/** A vector of entries as the binary format writes one: the count, then each entry's bytes. */
export const vector = (entries) => [...leb128(entries.length), ...entries.flat()];

/** An import: its module, its name, and its description's bytes. */
export function readImport(reader, payload) {
  const module = reader.name();
  const field = reader.name();
  const start = reader.offset;
  const kind = reader.byte();
  if (kind === 0) reader.leb128(); // function: its type
  else if (kind === 1) (reader.byte(), reader.limits()); // table
  else if (kind === 2) reader.limits(); // memory
  else if (kind === 3) (reader.byte(), reader.byte()); // global: type, mutability
  else throw new Error(`import ${module} ${field}: kind ${kind} is not one this script knows`);
  return { module, field, description: payload.subarray(start, reader.offset) };
}

/**
 * A module file's bytes and sections, for a script that then adds its own
 * name section: refused if the file is not a module or has one already.
 */
export function readUnnamedModule(file) {
  const module = readFileSync(file);
  if (module.readUInt32LE(0) !== 0x6d736100) throw new Error(`${file} is not a wasm module`);
  const found = sections(module);
  if (found.some(({ id, payload }) => id === 0 && new Reader(payload).name() === "name")) {
    throw new Error(`${file} has a name section already`);
  }
  return { module, moduleSections: found };
}
