// Checks that `npm pack` would ship every file the package entry imports,
// following imports from index.js through wasm-bindgen's glue.
// Usage: node scripts/check-pack.mjs pkg
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";

const dir = process.argv[2] ?? "pkg";
const packed = JSON.parse(
  execFileSync("npm", ["pack", "--dry-run", "--json", "--loglevel=error"], { cwd: dir, encoding: "utf8" }),
)[0].files.map((file) => file.path);

// Static imports, dynamic imports and `new URL("…", import.meta.url)`, as
// written or minified (`import{a as b}from"./x.js"`, `import*as c from…`).
const REFERENCES = [
  /\bimport\s*[{*\w][^'"()]*?from\s*["']([^"']+)["']/g,
  /\bimport\s*["']([^"']+)["']/g,
  /\bimport\(\s*["']([^"']+)["']\s*\)/g,
  /new URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url\s*\)/g,
];

const needed = new Set();
const pending = ["index.js", "index.d.ts", "react.d.ts", "package.json"];
while (pending.length > 0) {
  const file = pending.pop();
  if (needed.has(file)) continue;
  needed.add(file);
  if (!file.endsWith(".js")) continue;
  const source = readFileSync(join(dir, file), "utf8");
  for (const pattern of REFERENCES) {
    for (const [, specifier] of source.matchAll(pattern)) {
      if (!specifier.startsWith(".")) continue;
      const target = normalize(join(dirname(file), specifier));
      if (!existsSync(join(dir, target))) {
        throw new Error(`${file} refers to ${specifier}, which is not in ${dir}/`);
      }
      pending.push(relative(".", target));
    }
  }
}

const missing = [...needed].filter((file) => !packed.includes(file));
if (missing.length > 0) {
  console.error(`npm pack would leave out files the entry needs: ${missing.join(", ")}`);
  process.exit(1);
}
console.log(`pkg: npm pack ships all ${needed.size} files the entry needs (${packed.length} in all)`);
