// A plain static server for the benchmark's pages, on loopback: the pages,
// the npm package folders as built, and a stand-in PDirect endpoint that
// answers at once (so "Pay → request" times the element, not a gateway).
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".json": "application/json" };

/** Where each URL prefix is read from. */
const FOLDERS = [
  ["/pkg-one/", "pkg-pdirect"],
  ["/pkg/", "pkg"],
];

function fileFor(path) {
  if (path === "/baseline.css") return join(root, "src/ui/checkout.css");
  for (const [prefix, folder] of FOLDERS) {
    if (path.startsWith(prefix)) return join(root, folder, normalize(path.slice(prefix.length)).replace(/^(\.\.[/\\])+/, ""));
  }
  return join(root, "bench/pages", normalize(path).replace(/^(\.\.[/\\])+/, ""));
}

export function serve(port) {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, "http://localhost").pathname;
    if (path.startsWith("/pdirect/api/v1/payments/")) {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ success: true, transaction_id: "txn_bench", status: "pending", message: "Payment request received" }));
      return;
    }
    try {
      const body = await readFile(fileFor(path));
      // Every run starts cold: nothing may be kept between them.
      response.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream", "cache-control": "no-store" });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}
