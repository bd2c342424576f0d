import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { serveSites, serveStatic } from "../../scripts/lib/staticServer.ts";
import { headersFile } from "../../src/lib/security/csp.ts";
import { scratchFolder } from "../helpers/fixtures.ts";

/** A site folder with `files` (path → text). */
function siteWith(files: Record<string, string>): string {
  const dir = scratchFolder("static-server-");
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const PAGES = { "index.html": "<p>home</p>", "_astro/app.1a2b.js": "export {};", "data/0123456789abcdef/1.bin": "x", "sw.js": "" };

// The browser tests' server answers as a host that reads the site's _headers (Netlify,
// Cloudflare Pages): the browser then caches what the site says it may, as a reader's does.
describe("the test server", () => {
  it("sends the headers of the site's own _headers file, and no-cache where no rule caches", async () => {
    const server = await serveStatic(siteWith({ ...PAGES, _headers: headersFile("/") }));
    try {
      const headersOf = async (path: string) => (await fetch(server.origin + path)).headers;
      for (const path of ["/_astro/app.1a2b.js", "/data/0123456789abcdef/1.bin"])
        expect((await headersOf(path)).get("cache-control"), path).toBe("public, max-age=31536000, immutable");
      for (const path of ["/", "/sw.js"]) {
        const headers = await headersOf(path);
        expect(headers.get("cache-control"), path).toBe("no-cache");
        expect(headers.get("content-security-policy"), path).toMatch(/^default-src 'self'; .*frame-ancestors 'self'$/);
        expect(headers.get("x-content-type-options"), path).toBe("nosniff");
      }
    } finally {
      await server.close();
    }
  });

  it("reads each site's rules for its own prefix; a site without _headers gets no-cache only", async () => {
    const server = await serveSites([
      { prefix: "/", root: siteWith(PAGES) },
      { prefix: "/course/", root: siteWith({ ...PAGES, _headers: headersFile("/course/") }) },
    ]);
    try {
      const at = async (path: string) => (await fetch(server.origin + path)).headers;
      expect((await at("/_astro/app.1a2b.js")).get("cache-control")).toBe("no-cache");
      expect((await at("/_astro/app.1a2b.js")).get("content-security-policy")).toBeNull();
      expect((await at("/course/_astro/app.1a2b.js")).get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect((await at("/course/")).get("cache-control")).toBe("no-cache");
    } finally {
      await server.close();
    }
  });

  it("refuses a site whose _headers it cannot read with a 500 naming the file", async () => {
    const root = siteWith({ ...PAGES, _headers: "/*\n  : no-cache\n" });
    const server = await serveStatic(root);
    try {
      const response = await fetch(`${server.origin}/`);
      expect(response.status).toBe(500);
      expect(await response.text()).toContain(join(root, "_headers"));
    } finally {
      await server.close();
    }
  });
});
