import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { activateAllCells } from "./chromium.ts";
import { serveStatic } from "./staticServer.ts";

/** Budgets per page, gzip bytes (the chapter issue and the explorer issue set them; JS with every figure active: 100 KB, 85 KB once the platform moved). */
export const BUDGET = { html: 200 * 1024, jsBefore: 15 * 1024, jsActive: 85 * 1024 };

/**
 * What one page weighs: its HTML; its JavaScript before interaction (what the page loads before
 * its load event: the reader waits for nothing else), at idle (with what the page fetches ahead
 * once loaded and idle, the figures near the reader: a short page fetches all of them, a long one
 * few, so this is reported, not budgeted) and with every figure active; CSS and fonts.
 */
export interface PageWeight {
  readonly path: string;
  readonly html: number;
  readonly jsBefore: number;
  readonly jsIdle: number;
  readonly jsActive: number;
  readonly css: number;
  readonly fonts: number;
}

type Kind = "script" | "stylesheet" | "font";

function pages(dist: string): string[] {
  return readdirSync(dist, { recursive: true, encoding: "utf8" })
    .filter((path) => path.endsWith(".html") && !/^(data|pagefind|_astro)\//.test(path))
    .map((path) => `/${path.replace(/index\.html$/, "")}`)
    .sort();
}

/** Files of each kind the page loads, by path; and the scripts asked for before the page's load event. */
function track(page: Page, origin: string): Record<Kind, Set<string>> & { readonly beforeLoad: Set<string> } {
  const seen = { script: new Set<string>(), stylesheet: new Set<string>(), font: new Set<string>(), beforeLoad: new Set<string>() };
  let loaded = false;
  page.on("load", () => (loaded = true));
  page.on("request", (r) => {
    if (!loaded && r.resourceType() === "script" && r.url().startsWith(origin)) seen.beforeLoad.add(new URL(r.url()).pathname);
  });
  page.on("requestfinished", (r) => {
    const kind = r.resourceType() as Kind;
    if (kind in seen && r.url().startsWith(origin)) seen[kind].add(new URL(r.url()).pathname);
  });
  return seen;
}

/**
 * Every page of a built site (or those `only` keeps) weighed in a browser (gzip -9; fonts as
 * served), and each budget a page goes over, one line each. Pages are opened with the site's
 * service worker, as a reader has them (it loads the offer to keep every figure's files), unless
 * `serviceWorkers` is "block" (to compare two sites of which one keeps no pages offline).
 */
export async function weighSite(
  dist: string,
  browser: Browser,
  only: (path: string) => boolean = () => true,
  serviceWorkers: "allow" | "block" = "allow",
): Promise<{ weights: PageWeight[]; over: string[] }> {
  const gz = (paths: Iterable<string>) => [...paths].reduce((a, p) => a + gzipSync(readFileSync(join(dist, p)), { level: 9 }).length, 0);
  const raw = (paths: Iterable<string>) => [...paths].reduce((a, p) => a + statSync(join(dist, p)).size, 0);
  const kb = (n: number) => (n / 1024).toFixed(1);
  const server = await serveStatic(dist);
  const weights: PageWeight[] = [];
  const over: string[] = [];
  try {
    for (const path of pages(dist).filter(only)) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, serviceWorkers });
      const seen = track(page, server.origin);
      await page.goto(server.origin + path, { waitUntil: "networkidle" });
      // A page the service worker keeps says so, then loads the offer to keep every figure's files:
      // the figures are brought to life after that, so every run counts that script as active.
      if (serviceWorkers === "allow" && (await page.$("html[data-service-worker] [data-offline-note]")))
        await page.waitForSelector("[data-offline-note]:not([hidden])", { state: "attached" });
      const jsBefore = gz(seen.beforeLoad);
      const jsIdle = gz(seen.script);
      await activateAllCells(page);
      await page.waitForLoadState("networkidle");
      const html = path.endsWith(".html") ? path : `${path}index.html`;
      const row = { path, html: gz([html]), jsBefore, jsIdle, jsActive: gz(seen.script), css: gz(seen.stylesheet), fonts: raw(seen.font) };
      weights.push(row);
      if (row.html > BUDGET.html) over.push(`${path}: HTML ${kb(row.html)} KB > ${BUDGET.html / 1024} KB`);
      if (row.jsBefore > BUDGET.jsBefore)
        over.push(`${path}: JavaScript before interaction ${kb(row.jsBefore)} KB > ${BUDGET.jsBefore / 1024} KB`);
      if (row.jsActive > BUDGET.jsActive)
        over.push(`${path}: JavaScript with every figure active ${kb(row.jsActive)} KB > ${BUDGET.jsActive / 1024} KB`);
      await page.close();
    }
  } finally {
    await server.close();
  }
  return { weights, over };
}
