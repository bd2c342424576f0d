import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkLinks } from "../../scripts/links/checkLinks.ts";
import { launchChromium } from "../helpers/browser.ts";
import { loadPage } from "../helpers/site.ts";
import { site } from "../helpers/sites.ts";
import { serveStatic } from "../../scripts/lib/staticServer.ts";

// The course as it ships (built twice), built for /course/ with a public address, and the
// test bed (built with OFFLINE=off).
let DIST = "";
let secondDist = "";
let baseDist = "";
let offlineOff = "";
beforeAll(async () => {
  const [a, b, c, d] = await Promise.all([site("default"), site("again"), site("subpath"), site("testbed")]);
  [DIST, secondDist, baseDist, offlineOff] = [a.dist, b.dist, c.dist, d.dist];
});

function hashes(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((path) => statSync(join(dir, path)).isFile());
  return Object.fromEntries(
    files.map((path) => [
      path,
      createHash("sha256")
        .update(readFileSync(join(dir, path)))
        .digest("hex"),
    ]),
  );
}

describe("determinism", () => {
  it("two builds give byte-identical sites, the second reading every chapter back from the first's", async () => {
    expect((await site("default")).report.chaptersReadBack).toBe(0);
    expect((await site("again")).report.chaptersReadBack).toBeGreaterThan(0);
    const a = hashes(DIST);
    const b = hashes(secondDist);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    const differing = Object.keys(a).filter((f) => a[f] !== b[f]);
    expect(differing).toEqual([]);
  });

  it("a site built into a folder outside the project (OUT_DIR) holds no server-side file of Astro's", () => {
    // The test sites are built that way: project and output are sibling folders.
    const top = readdirSync(DIST);
    expect(top.filter((f) => f.endsWith(".mjs") || f === "collections" || f === "chunks")).toEqual([]);
    expect(readdirSync(DIST, { recursive: true, encoding: "utf8" }).filter((f) => /content-(modules|assets)\.mjs$/.test(f))).toEqual([]);
  });
});

describe("links", () => {
  it("every internal link and anchor of the default build resolves", () => {
    expect(checkLinks(DIST, "/")).toEqual([]);
  });

  it("every link of the build for /course/ resolves under that prefix", () => {
    expect(checkLinks(baseDist, "/course/")).toEqual([]);
  });

  it("finds a missing page, a missing anchor and a link outside the base path", () => {
    const dir = mkdtempSync(join(tmpdir(), "links-"));
    mkdirSync(join(dir, "a"));
    writeFileSync(join(dir, "a", "index.html"), '<h2 id="here">x</h2><a href="/b/">b</a><a href="#there">t</a><a href="/a/#here">ok</a>');
    writeFileSync(join(dir, "index.html"), '<a href="/course/a/">outside</a><a href="https://example.org/">external</a>');
    expect(checkLinks(dir, "/").map((b) => `${b.page} ${b.href}`)).toEqual([
      "/a/index.html /b/",
      "/a/index.html #there",
      "/index.html /course/a/",
    ]);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("hosting under a sub-path", () => {
  it("serves every page, asset, data file and search index from /course/ in a browser", async () => {
    const server = await serveStatic(baseDist, "/course/");
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
      const failed: string[] = [];
      page.on("response", (r) => {
        if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
      });
      page.on("requestfailed", (r) => failed.push(`failed ${r.url()}`));
      await page.goto(`${server.origin}/course/`, { waitUntil: "networkidle" });
      await page.click('a[hreflang="ja"]');
      // Loaded before moving on: leaving a page mid-load aborts its requests, which is no hosting fault.
      await page.waitForURL(/\/course\/ja\/$/);
      await page.waitForLoadState("networkidle");
      await page.click(".chapter-list a");
      await page.waitForURL(/\/course\/ja\/w1d1\/tutorial1\/$/);
      await page.focus("#isi-function-explorer-neuron");
      await page.waitForSelector('[data-cell="isi-function-explorer"][data-active="true"]', { state: "attached" });
      await page.fill("#isi-function-explorer-neuron", "7");
      await page.press("#isi-function-explorer-neuron", "Enter");
      await page.waitForFunction(() =>
        document.querySelector('[data-cell="isi-function-explorer"] .cell-figure')?.getAttribute("aria-label")?.includes(" 7"),
      );
      await page.fill("#site-search", "不応期");
      await page.waitForSelector(".search-results li a");
      expect(await page.getAttribute(".search-results li a", "href")).toBe("/course/ja/w1d1/tutorial1/#section-3");
      expect(failed).toEqual([]);
      expect(server.requests.every((p) => p.startsWith("/course/"))).toBe(true);
    } finally {
      await browser.close();
      await server.close();
    }
  });

  it("writes the prefix into the sitemap, robots.txt and the headers file", () => {
    expect(readFileSync(join(baseDist, "sitemap-index.xml"), "utf8")).toContain(
      "<loc>https://course.example.org/course/sitemap-0.xml</loc>",
    );
    expect(readFileSync(join(baseDist, "sitemap-0.xml"), "utf8")).toContain("https://course.example.org/course/ja/w1d1/tutorial1/");
    expect(readFileSync(join(baseDist, "robots.txt"), "utf8")).toContain("Sitemap: https://course.example.org/course/sitemap-index.xml");
    expect(readFileSync(join(baseDist, "_headers"), "utf8")).toMatch(/^\/course\/\*\n {2}Content-Security-Policy: /);
  });
});

describe("what a host and a crawler need", () => {
  it("has a sitemap with every language version (when SITE_URL is given), robots.txt, a favicon and a 404 page in both languages", () => {
    const sitemap = readFileSync(join(baseDist, "sitemap-0.xml"), "utf8");
    const listed = [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
    // Tutorial 1's pages and the homes; and every page listed is one of the site's own (a chapter the
    // course adds is listed too; a fallback page, canonical to its source, is not).
    expect(listed).toEqual(
      expect.arrayContaining(
        ["/", "/en/", "/en/w1d1/tutorial1/", "/ja/", "/ja/w1d1/tutorial1/"].map((p) => `https://course.example.org/course${p}`),
      ),
    );
    for (const url of listed) {
      const path = url!.replace("https://course.example.org/course/", "");
      expect(loadPage(baseDist, path).querySelector('link[rel="canonical"]')!.getAttribute("href"), url).toBe(url);
    }
    expect(sitemap).toContain('hreflang="en" href="https://course.example.org/course/en/w1d1/tutorial1/"');
    expect(sitemap).toContain('hreflang="x-default" href="https://course.example.org/course/"');
    expect(readFileSync(join(baseDist, "robots.txt"), "utf8")).toContain("Sitemap:");
    expect(statSync(join(DIST, "favicon.svg")).size).toBeGreaterThan(0);
    const notFound = loadPage(DIST, "404.html");
    expect([...notFound.querySelectorAll("main section")].map((s) => s.getAttribute("lang"))).toEqual(["ja", "en"]);
  });

  it("without SITE_URL names no made-up address: relative canonicals, no sitemap, none in robots.txt", () => {
    const page = loadPage(DIST, "en/w1d1/tutorial1/");
    expect(page.querySelector('link[rel="canonical"]')!.getAttribute("href")).toBe("/en/w1d1/tutorial1/");
    expect(page.querySelector('meta[property="og:url"]')).toBeNull();
    for (const link of page.querySelectorAll('link[rel="alternate"]')) expect(link.getAttribute("href")).toMatch(/^\/(ja|en)\//);
    expect(readdirSync(DIST).filter((f) => f.startsWith("sitemap"))).toEqual([]);
    expect(readFileSync(join(DIST, "robots.txt"), "utf8")).not.toContain("Sitemap:");
    expect(readFileSync(join(DIST, "en/w1d1/tutorial1/index.html"), "utf8")).not.toMatch(/example\.(org|com)/);
    // Nor a made-up repository: without SITE_REPOSITORY there is no "report a problem" link.
    expect(page.querySelectorAll(".feedback a").length).toBe(0);
  });

  it("offline reading is on by default (a service worker under the site's path) and off with OFFLINE=off", () => {
    expect(readFileSync(join(DIST, "sw.js"), "utf8")).toContain('"base":"/"');
    expect(loadPage(DIST, "en/w1d1/tutorial1/").documentElement.getAttribute("data-service-worker")).toBe("/sw.js");
    expect(readFileSync(join(baseDist, "sw.js"), "utf8")).toContain('"base":"/course/"');
    expect(loadPage(baseDist, "en/w1d1/tutorial1/").documentElement.getAttribute("data-service-worker")).toBe("/course/sw.js");
    expect(existsSync(join(offlineOff, "sw.js"))).toBe(false);
    expect(loadPage(offlineOff, "en/w1d1/tutorial1/").documentElement.hasAttribute("data-service-worker")).toBe(false);
    expect(loadPage(offlineOff, "en/w1d1/tutorial1/").querySelector("[data-offline-note]")).toBeNull();
  });

  it("gives every page social metadata in its language", () => {
    for (const [path, locale] of [
      ["ja/w1d1/tutorial1/", "ja_JP"],
      ["en/w1d1/tutorial1/", "en_US"],
      ["", "ja_JP"],
    ] as const) {
      const doc = loadPage(DIST, path);
      expect(doc.querySelector('meta[property="og:title"]')!.getAttribute("content")!.length).toBeGreaterThan(3);
      expect(doc.querySelector('meta[property="og:description"]')!.getAttribute("content")!.length).toBeGreaterThan(10);
      expect(doc.querySelector('meta[property="og:locale"]')!.getAttribute("content")).toBe(locale);
      expect(doc.querySelector('link[rel="icon"]')).not.toBeNull();
    }
  });
});
