// Writes the JavaScript snippets wasm-bindgen's glue imports (the element's
// class, src/browser/element.js) into the glue itself, and removes the
// snippets folder.
//
// A page loads the entry, which imports the glue, which imports the
// snippet: the snippet's request could start only once the glue had been
// fetched and parsed, and the module could not be instantiated before it
// came back. One file fewer in that chain is one round trip fewer before
// the element starts (on loopback, `defineCheckout()` → `ready` about 15 ms
// sooner; on a phone's network, a whole round trip).
//
// Each snippet becomes a function scope of its own in the glue, so its
// top-level names cannot meet the glue's; what it exports is returned as
// the namespace object the glue's import stood for. A snippet written in
// any other way than `export function` declarations (and no imports) is
// refused, so that the build fails rather than the page.
//
// Usage: node scripts/inline-snippets.mjs <dir> <out-name>, for the
// <out-name>.js and snippets/ that wasm-bindgen wrote in <dir>.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [dir, name] = process.argv.slice(2);
if (!dir || !name) throw new Error("usage: inline-snippets.mjs <dir> <out-name>");
const glueFile = join(dir, `${name}.js`);
let glue = readFileSync(glueFile, "utf8");

// `import { a, b as c } from './snippets/…';` and `import * as x from "./snippets/…"`.
const IMPORT = /^import (\{[^}]*\}|\* as \w+) from (['"])(\.\/snippets\/[^'"]+)\2;?$/gm;
const imports = [...glue.matchAll(IMPORT)];
const paths = [...new Set(imports.map(([, , , path]) => path))];

/** The snippet's code in a function scope that returns its exports. */
function scoped(path) {
  const source = readFileSync(join(dir, path), "utf8");
  const exported = [...source.matchAll(/^export function (\w+)/gm)].map(([, fn]) => fn);
  const body = source.replace(/^export function /gm, "function ");
  if (/^\s*(import|export)\b/m.test(body) || /\bimport\.meta\b/.test(body)) {
    throw new Error(`${path}: only \`export function\` declarations can be inlined into the glue`);
  }
  return `(() => {\n${body}\nreturn { __proto__: null, ${exported.join(", ")} };\n})()`;
}

const namespaces = new Map(paths.map((path, index) => [path, `__snippet${index}`]));
const declarations = paths.map((path) => `const ${namespaces.get(path)} = ${scoped(path)};`);
for (const [statement, binding, , path] of imports) {
  const namespace = namespaces.get(path);
  const replacement = binding.startsWith("*")
    ? `const ${binding.slice("* as ".length)} = ${namespace};`
    : `const ${binding.replace(/\s+as\s+/g, ": ")} = ${namespace};`;
  glue = glue.replace(statement, replacement);
}
if (/['"]\.\/snippets\//.test(glue)) throw new Error(`${glueFile}: a snippet is still referred to after inlining`);
writeFileSync(glueFile, `${declarations.join("\n")}\n${glue}`);
rmSync(join(dir, "snippets"), { recursive: true, force: true });
