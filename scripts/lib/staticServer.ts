import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { parseAllHeaders, type Header } from "@netlify/headers-parser";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".bin": "application/octet-stream",
  ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pagefind": "application/octet-stream",
  ".wasm": "application/wasm",
  ".ico": "image/x-icon",
  ".png": "image/png",
  ".webp": "image/webp",
  ".jpg": "image/jpeg",
  ".gif": "image/gif",
  ".avif": "image/avif",
};

export interface StaticServer {
  readonly origin: string;
  /** Every path requested, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

/** A site served under a path prefix of one origin (a base path such as /course/). */
export interface Mount {
  readonly prefix: string;
  root: string;
}

/** Served compressed (gzip) when the browser accepts it, as static hosts serve text. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|wasm)|image\/svg)/;

export interface ServeOptions {
  /** gzip text files for browsers that accept it (GitHub Pages and Netlify do); off by default. */
  readonly gzip?: boolean;
  /** Each answer held this long, as a phone's round trip to a host holds it (benchmarks); none by default. */
  readonly roundTripMs?: number;
}

/**
 * Serves a built site on 127.0.0.1 as a static host that reads the site's `_headers` file
 * (Netlify, Cloudflare Pages) would: directory index.html, the 404 page for anything missing,
 * everything under `prefix` (a base path such as /course/), each file with the headers its
 * rules give (the security headers; long caching for the content-hashed scripts and data, so a
 * page loaded again uses the browser's cache as a returning reader's does) and `no-cache` for
 * what no rule caches.
 */
export function serveStatic(root: string, prefix = "/", options: ServeOptions = {}): Promise<StaticServer> {
  return serveSites([{ prefix, root }], options);
}

/** Each site folder's `_headers` rules, read once (a folder a deploy swaps in is read anew). */
const rulesOf = new Map<string, Promise<Header[]>>();

/**
 * The headers a host that reads `<root>/_headers` sends with `pathname`: every rule that
 * matches it, in the file's order (a later rule's value wins). None when the site has no such file.
 */
async function hostHeaders(root: string, pathname: string): Promise<Record<string, string>> {
  let rules = rulesOf.get(root);
  if (!rules) {
    const file = join(root, "_headers");
    rules = existsSync(file)
      ? parseAllHeaders({ headersFiles: [file], configHeaders: undefined, minimal: false }).then(({ headers, errors }) => {
          if (errors.length) throw new Error(`${file}: ${errors.map((e) => e.message).join("; ")}`);
          return headers as Header[];
        })
      : Promise.resolve([]);
    rulesOf.set(root, rules);
  }
  const headers: Record<string, string> = {};
  for (const rule of await rules)
    if (rule.forRegExp.test(pathname)) for (const [name, value] of Object.entries(rule.values)) headers[name.toLowerCase()] = value;
  return headers;
}

/**
 * Serves several sites on one origin, each under its prefix (the longest that matches wins),
 * as a host serves a user site at / and a project site at /b/. A mount's `root` may be changed
 * while serving: the next request is answered from the new folder (a deploy).
 */
export async function serveSites(mounts: readonly Mount[], options: ServeOptions = {}): Promise<StaticServer> {
  const requests: string[] = [];
  const gzipped = new Map<string, Buffer>();
  const server: Server = createServer((req, res) => {
    respond(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": TYPES[".txt"] });
      res.end(String(err));
    });
  });
  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    requests.push(url.pathname);
    if (options.roundTripMs) await new Promise((wait) => setTimeout(wait, options.roundTripMs));
    const mount = [...mounts].sort((a, b) => b.prefix.length - a.prefix.length).find((m) => url.pathname.startsWith(m.prefix));
    if (!mount) {
      res.writeHead(404).end();
      return;
    }
    const base = resolve(mount.root);
    let path = normalize(join(base, decodeURIComponent(url.pathname.slice(mount.prefix.length))));
    if (!path.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, "index.html");
    if (!existsSync(path)) {
      const notFound = join(base, "404.html");
      res.writeHead(404, { "content-type": TYPES[".html"] });
      if (existsSync(notFound)) createReadStream(notFound).pipe(res);
      else res.end("not found");
      return;
    }
    const type = TYPES[extname(path)] ?? "application/octet-stream";
    const headers: OutgoingHttpHeaders = { "content-type": type, "cache-control": "no-cache", ...(await hostHeaders(base, url.pathname)) };
    if (options.gzip && COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
      let body = gzipped.get(path);
      if (!body) gzipped.set(path, (body = gzipSync(readFileSync(path), { level: 6 })));
      res.writeHead(200, { ...headers, "content-encoding": "gzip", vary: "accept-encoding" });
      res.end(body);
      return;
    }
    const body = readFileSync(path);
    res.writeHead(200, { ...headers, "content-length": body.length });
    res.end(body);
  }
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((ok) =>
        server.close(() => {
          ok();
        }),
      ),
  };
}
