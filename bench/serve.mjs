// A plain static server for the benchmark's pages, on loopback: the pages,
// the npm package folders and the Leptos floor as built, and a stand-in PDirect endpoint that
// answers at once (so "Pay → request" times the element, not a gateway).
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css", ".json": "application/json" };

/** A page under each prefix loads this build: the package with every
 * gateway, the PDirect-only one, and the Leptos floor. */
const BUILDS = { "/all/": "pkg", "/one/": "pkg-pdirect", "/floor/": "pkg-floor" };

const inside = (folder, path) => join(root, folder, normalize(path).replace(/^(\.\.[/\\])+/, ""));

function fileFor(path) {
  if (path === "/baseline.css") return join(root, "src/ui/checkout.css");
  const prefix = Object.keys(BUILDS).find((start) => path.startsWith(start));
  if (!prefix) return inside("bench/pages", path);
  const rest = path.slice(prefix.length);
  return rest.startsWith("pkg/") ? inside(BUILDS[prefix], rest.slice(4)) : inside("bench/pages", rest);
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
