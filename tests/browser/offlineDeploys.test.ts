import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { offlineConfig, serviceWorkerSource } from "../../src/integration/serviceWorker.ts";
import { activateCell, goOffline, launchChromium } from "../helpers/browser.ts";
import { readouts } from "../helpers/figures.ts";
import { decodeIsiFile, encodeIsiFile } from "../../src/lib/spikes/isiFile.ts";
import { site } from "../helpers/sites.ts";
import { serveSites, type Mount, type StaticServer } from "../../scripts/lib/staticServer.ts";

// The offline copies follow the deploys: a site deployed again with other data bytes is read
// with those bytes (and the old ones leave the reader's device); two courses on one origin keep
// their own copies; a course's copies stay under their cap, least recently used going first.
const tmp = mkdtempSync(join(tmpdir(), "offline-deploys-"));
const CHAPTER = "/ja/w1d1/tutorial1/";
const EXPLORER = "isi-function-explorer";
let server: StaticServer;
const mounts: Mount[] = [];
let browser: Awaited<ReturnType<typeof launchChromium>>;
let isiKey = "";
let DIST = "";
const NEW_KEY = "00000000feedbeef";

/** A copy of the default build (a first deploy). */
function deployCopy(name: string): string {
  const dir = join(tmp, name);
  cpSync(DIST, dir, { recursive: true });
  return dir;
}

/**
 * A second deploy, as a rebuild with a changed file-set builder makes it: neuron 12's ISIs are
 * different bytes, so their set has a new content address, which the pages now name; the
 * worker is written again for the deploy (the build's own function).
 */
function redeploy(dir: string): void {
  const folder = join(dir, "data", isiKey);
  const file = join(folder, "12.isi");
  const bytes = readFileSync(file); // a view of the file's bytes, maybe inside a larger pooled buffer
  const { values } = decodeIsiFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  writeFileSync(file, encodeIsiFile(Float32Array.from(values, (v) => v * 3)));
  renameSync(folder, join(dir, "data", NEW_KEY));
  for (const page of readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html"))) {
    const path = join(dir, page);
    writeFileSync(path, readFileSync(path, "utf8").replaceAll(`data/${isiKey}/`, `data/${NEW_KEY}/`));
  }
  writeFileSync(join(dir, "sw.js"), serviceWorkerSource(offlineConfig(dir, "/")));
}

/** What the worker's index says: the deploy the copies follow, and every URL kept with its size. */
const offlineIndex = (page: Page, base: string) =>
  page.evaluate(async (b) => {
    const hit = await (await caches.open(`course:${b}`)).match(`${b}__offline-index__.json`);
    return hit ? ((await hit.json()) as { version: string; entries: Record<string, { bytes: number; used: number }> }) : null;
  }, base);

async function openChapter(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(server.origin + path, { waitUntil: "networkidle" });
  await page.waitForSelector("[data-offline-note]:not([hidden])", { timeout: 20_000 });
  return page;
}

async function neuron12(page: Page): Promise<Record<string, number>> {
  await activateCell(page, EXPLORER);
  await page.fill(`#${EXPLORER}-neuron`, "12");
  await page.press(`#${EXPLORER}-neuron`, "Enter");
  await expect.poll(() => page.getAttribute(`[data-cell="${EXPLORER}"] .cell-figure`, "aria-label"), { timeout: 5000 }).toMatch(/12/);
  await page.waitForSelector(`[data-cell="${EXPLORER}"]:not([data-busy])`);
  return readouts(page, EXPLORER);
}

beforeAll(async () => {
  DIST = (await site("default")).dist;
  isiKey = readdirSync(join(DIST, "data")).find((k) => readdirSync(join(DIST, "data", k)).includes("12.isi"))!;
  expect(isiKey).toMatch(/^[0-9a-f]{16}$/);
  mounts.push({ prefix: "/", root: deployCopy("first") });
  server = await serveSites(mounts);
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser.close();
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe("offline copies follow the deploys", () => {
  it("a deploy with other data bytes: the reader gets the new bytes, online and then offline, and the old ones are gone", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: "allow" });
    const page = await openChapter(context, CHAPTER);
    const before = await neuron12(page);
    await expect
      .poll(async () => Object.keys((await offlineIndex(page, "/"))?.entries ?? {}).some((u) => u.includes(`/data/${isiKey}/12.isi`)), {
        timeout: 5000,
      })
      .toBe(true);
    const first = (await offlineIndex(page, "/"))!;

    const second = deployCopy("second");
    redeploy(second);
    mounts[0]!.root = second;
    await page.reload({ waitUntil: "networkidle" });
    // The new worker takes over and refreshes the kept copies.
    await expect.poll(async () => (await offlineIndex(page, "/"))?.version, { timeout: 20_000 }).not.toBe(first.version);
    await page.reload({ waitUntil: "networkidle" });
    const after = await neuron12(page);
    expect(after).not.toEqual(before);
    const kept = (await offlineIndex(page, "/"))!;
    expect(Object.keys(kept.entries).filter((u) => u.includes(`/data/${isiKey}/`))).toEqual([]);
    const cached = await page.evaluate(async () => (await (await caches.open("course:/")).keys()).map((r) => r.url));
    expect(cached.filter((u) => u.includes(`/data/${isiKey}/`))).toEqual([]);

    await goOffline(context);
    const offline = await context.newPage();
    await offline.goto(server.origin + CHAPTER, { waitUntil: "load" });
    expect(await neuron12(offline)).toEqual(after);
    await context.close();
  }, 120_000);
});

describe("two courses on one origin", () => {
  beforeAll(async () => {
    // The course built for /course/ (the sub-path site), on the same origin as the one at /.
    mounts.push({ prefix: "/course/", root: (await site("subpath")).dist });
  });

  it("each keeps its own offline copy: opening one never evicts the other", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: "allow" });
    const a = await openChapter(context, CHAPTER);
    const b = await openChapter(context, `/course${CHAPTER}`);
    const names = await b.evaluate(() => caches.keys());
    expect(names).toEqual(expect.arrayContaining(["course:/", "course:/course/"]));
    // Course A's worker never keeps course B's files, and B's never A's.
    const aUrls = Object.keys((await offlineIndex(a, "/"))!.entries);
    const bUrls = Object.keys((await offlineIndex(b, "/course/"))!.entries);
    expect(aUrls.filter((u) => new URL(u).pathname.startsWith("/course/"))).toEqual([]);
    expect(bUrls.every((u) => new URL(u).pathname.startsWith("/course/"))).toBe(true);

    await goOffline(context);
    for (const path of [CHAPTER, `/course${CHAPTER}`]) {
      const page = await context.newPage();
      await page.goto(server.origin + path, { waitUntil: "load" });
      expect(await page.getAttribute("html", "lang")).toBe("ja");
      expect(await page.$$eval("[data-cell] .cell-figure svg", (s) => s.length)).toBeGreaterThan(8);
    }
    await context.close();
  }, 120_000);
});

describe("a cap on what a course keeps", () => {
  it("past the cap, the least recently used data go first; scripts and styles stay", async () => {
    const capped = deployCopy("capped");
    const cap = 1_500_000;
    writeFileSync(join(capped, "sw.js"), serviceWorkerSource(offlineConfig(capped, "/", cap)));
    mounts[0]!.root = capped;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: "allow" });
    const page = await openChapter(context, CHAPTER);
    const version = offlineConfig(capped, "/", cap).version;
    await expect.poll(async () => (await offlineIndex(page, "/"))?.version, { timeout: 20_000 }).toBe(version);
    // A reader looking at many neurons, one after another (each file goes through the worker).
    const files = readdirSync(join(capped, "data", isiKey)).slice(0, 400);
    await page.evaluate(
      async (urls) => {
        for (const url of urls) await (await fetch(url)).arrayBuffer();
      },
      files.map((f) => `/data/${isiKey}/${f}`),
    );
    await expect
      .poll(async () => {
        const index = (await offlineIndex(page, "/"))!;
        return Object.values(index.entries).reduce((a, e) => a + e.bytes, 0) <= cap + 1_000_000;
      })
      .toBe(true);
    const index = (await offlineIndex(page, "/"))!;
    const kept = Object.keys(index.entries);
    const total = Object.values(index.entries).reduce((a, e) => a + e.bytes, 0);
    const assets = readdirSync(join(capped, "_astro")).filter((f) => /\.(js|css)$/.test(f));
    // Scripts and styles stay while the deploy lists them; what goes is the oldest data.
    for (const a of assets) expect(kept.some((u) => u.endsWith(`/_astro/${a}`))).toBe(true);
    expect(kept.some((u) => u.endsWith(`/data/${isiKey}/${files[0]}`))).toBe(false);
    expect(kept.some((u) => u.endsWith(`/data/${isiKey}/${files.at(-1)}`))).toBe(true);
    const assetBytes = Object.entries(index.entries)
      .filter(([u]) => u.includes("/_astro/"))
      .reduce((a, [, e]) => a + e.bytes, 0);
    expect(total - assetBytes).toBeLessThanOrEqual(cap);
    await context.close();
  }, 120_000);
});
