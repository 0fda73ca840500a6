// Prints raw, gzip -9 and brotli (quality 11) bytes of what a page downloads
// to show the element from the npm package: the wasm, the JS glue (the
// element's snippet inside) and the entry. The CSS travels inside the wasm, minified by build.rs;
// the size of its source is shown.
// Usage: node scripts/size.mjs pkg. `measureFolder` is what `make bench`
// records.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

function filesUnder(folder) {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function measure(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

/** Every file a page loads from a package folder, and their total. */
export function measureFolder(dir) {
  const loaded = filesUnder(dir).filter((path) => /\.(wasm|js|css)$/.test(path));
  const files = loaded.map((path) => ({ file: relative(dir, path), ...measure(readFileSync(path)) }));
  const total = files.reduce(
    (sum, row) => ({ raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip, brotli: sum.brotli + row.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  return { files, total };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { files, total } = measureFolder(process.argv[2] ?? "pkg");
  const css = { file: "(src/ui/checkout.css as written; minified in the wasm)", ...measure(readFileSync("src/ui/checkout.css")) };
  const line = (file, { raw, gzip, brotli }) =>
    `${file.padEnd(62)} ${String(raw).padStart(9)} ${String(gzip).padStart(9)} ${String(brotli).padStart(9)}`;
  console.log(line("file", { raw: "raw", gzip: "gzip -9", brotli: "brotli" }));
  for (const row of files) console.log(line(row.file, row));
  console.log(line("total downloaded", total));
  console.log(line(css.file, css));
}
