#!/usr/bin/env node
// Serves an example's built files the way a merchant's own server would: the
// pages and assets (wasm as application/wasm, unknown paths falling back to
// index.html for client-side routing), with the merchant backend's routes
// (/merchant/…) and the gateway's (/pdirect/…) forwarded to pay-sandbox,
// which stands in for both.
//
//   node serve.mjs <folder> [--port 5500] [--sandbox http://127.0.0.1:8080]
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, request } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** Path prefixes that go to pay-sandbox rather than to the folder. */
export const FORWARDED_PREFIXES = ["/merchant/", "/pdirect/"];

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".map": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

async function fileFor(root, pathname) {
  const path = resolve(join(root, decodeURIComponent(pathname)));
  if (path !== root && !path.startsWith(root + sep)) return null; // no way out of the folder
  const found = await stat(path).catch(() => null);
  if (found?.isFile()) return path;
  if (found?.isDirectory()) return fileFor(root, join(pathname, "index.html"));
  // A route of a single-page app, not a missing asset.
  return extname(pathname) === "" ? join(root, "index.html") : null;
}

function forward(incoming, outgoing, sandbox) {
  const target = new URL(incoming.url, sandbox);
  const upstream = request(
    target,
    { method: incoming.method, headers: { ...incoming.headers, host: target.host } },
    (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    },
  );
  upstream.on("error", () => {
    if (!outgoing.headersSent) outgoing.writeHead(502, { "content-type": "text/plain" });
    outgoing.end(`pay-sandbox is not answering at ${sandbox}`);
  });
  incoming.pipe(upstream);
}

/** Starts the server; resolves once it listens. */
export function serve({ folder, port = 5500, sandbox = "http://127.0.0.1:8080" }) {
  const root = resolve(folder);
  const server = createServer(async (incoming, outgoing) => {
    const { pathname } = new URL(incoming.url, "http://localhost");
    if (FORWARDED_PREFIXES.some((prefix) => pathname.startsWith(prefix))) {
      forward(incoming, outgoing, sandbox);
      return;
    }
    const path = await fileFor(root, pathname).catch(() => null);
    if (!path || !["GET", "HEAD"].includes(incoming.method)) {
      outgoing.writeHead(path ? 405 : 404, { "content-type": "text/plain" }).end(path ? "read only" : "not found");
      return;
    }
    const type = CONTENT_TYPES[extname(path)] ?? "application/octet-stream";
    outgoing.writeHead(200, { "content-type": type, "cache-control": "no-cache" });
    if (incoming.method === "HEAD") outgoing.end();
    else createReadStream(path).pipe(outgoing);
  });
  return new Promise((ready, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => ready(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [folder, ...rest] = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = rest.indexOf(`--${name}`);
    return at >= 0 ? rest[at + 1] : fallback;
  };
  if (!folder) {
    console.error("usage: node serve.mjs <folder> [--port 5500] [--sandbox http://127.0.0.1:8080]");
    process.exit(2);
  }
  const port = Number(option("port", process.env.PORT ?? 5500));
  const sandbox = option("sandbox", process.env.PAY_SANDBOX ?? "http://127.0.0.1:8080");
  await serve({ folder, port, sandbox });
  console.log(`serving ${folder} on http://127.0.0.1:${port} (merchant and gateway: ${sandbox})`);
}
