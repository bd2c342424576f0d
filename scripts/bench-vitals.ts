import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Browser, CDPSession, Page } from "playwright-core";
import { launchDebianChromium } from "./lib/chromium.ts";
import { serveStatic } from "./lib/staticServer.ts";
import { PROFILES, VITALS_BUDGET, type Profile } from "./lib/vitalsProfiles.ts";
import { runCli } from "../src/lib/cli/runCli.ts";

const USAGE = `usage: npm run bench:vitals [-- --runs 3] [--pace 1000] [--dist dist] [--uncompressed] [--budget] [--verbose]
  Serves the built site gzip-compressed (--uncompressed: as a host that does not compress) and
  loads every chapter page in every locale on a desktop
  (1280 px) and a slow phone profile (360 px, 150 ms round trip, 1.6 Mbps, CPU 4x slower); prints
  cumulative layout shift, largest contentful paint, bytes before interaction and the time from
  a first slider move to the updated figure (the page's slowest figure), for three readers: one
  who skims down the page at one screen every --pace ms and moves a slider of each figure as
  soon as it is on screen; one who follows the contents' link to a figure's section once the
  page has loaded and moves its slider at once; and one who opens a link to the figure itself
  (a shared link, a search result) and moves its slider as soon as the page has loaded.
  --budget exits 1 when a page is over the README's budgets.`;

/** One load of one page: what the reader saw before touching it, then the first move of a slider. */
interface Run {
  /** The contents-jumping and deep-linking readers' first moves, slowest figure, ms. */
  readonly jump: number | null;
  readonly link: number | null;
  readonly cls: number;
  readonly lcp: number;
  readonly bytes: number;
  /** Input to updated figure, ms, the slowest of the page's figures; null when the page has no slider. */
  readonly firstMove: number | null;
  /** The same per figure. */
  readonly moves: Record<string, number>;
}

/** Chapter pages of a built site: every HTML page whose main element is a chapter. */
function chapterPages(dist: string): string[] {
  return readdirSync(dist, { recursive: true, encoding: "utf8" })
    .filter((p) => p.endsWith("index.html") && !/^(data|pagefind|_astro)\//.test(p))
    .filter((p) => /<main[^>]*class="chapter"/.test(readFileSync(join(dist, p), "utf8")))
    .map((p) => `/${p.replace(/index\.html$/, "")}`)
    .sort();
}

// Layout shifts as Core Web Vitals counts them (session windows: gaps under 1 s, at most 5 s; the
// largest window), and the last largest-contentful-paint candidate.
const OBSERVE = `(() => {
  const v = (window.__vitals = { shifts: [], lcp: 0 });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) v.shifts.push([e.startTime, e.value]); })
    .observe({ type: "layout-shift", buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) v.lcp = e.startTime; })
    .observe({ type: "largest-contentful-paint", buffered: true });
})();`;

function sessionCls(shifts: [number, number][]): number {
  let best = 0;
  let sum = 0;
  let start = -Infinity;
  let last = -Infinity;
  for (const [t, value] of shifts) {
    if (t - last > 1000 || t - start > 5000) {
      sum = 0;
      start = t;
    }
    sum += value;
    last = t;
    best = Math.max(best, sum);
  }
  return best;
}

async function throttle(cdp: CDPSession, profile: Profile): Promise<void> {
  await cdp.send("Network.enable");
  if (profile.network)
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: profile.network.latencyMs,
      downloadThroughput: profile.network.downBps / 8,
      uploadThroughput: profile.network.upBps / 8,
    });
  if (profile.cpuSlowdown > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpuSlowdown });
}

/**
 * Page-side code (a string, not a function: a TypeScript loader may add helpers the page does
 * not have): moves a figure's first slider one step and resolves with the ms from that input to
 * the figure redrawn with it.
 */
const MOVE_FIRST_SLIDER = `async function moveFirstSlider(figure) {
  const slider = figure.querySelector('form > fieldset input[type="range"]');
  const stage = figure.querySelector(".cell-figure");
  const t0 = performance.now();
  const redrawn = new Promise((done) => {
    const observer = new MutationObserver(() => {
      if ((figure.dataset.active === "true" || figure.dataset.answered) && !figure.dataset.busy) {
        observer.disconnect();
        done(performance.now() - t0);
      }
    });
    observer.observe(stage, { childList: true, subtree: true });
  });
  slider.focus();
  const step = Number(slider.step) || 1;
  slider.value = String(Number(slider.value) + (Number(slider.value) + step <= Number(slider.max) ? step : -step));
  slider.dispatchEvent(new Event("input", { bubbles: true }));
  return await redrawn;
}`;

/**
 * The reader skims down the page (one screen every `pace` ms) and, at each figure with a slider, as
 * soon as it is on screen, moves its first slider one step: ms from that input to the figure
 * redrawn with it (the code may still be on its way: the move is applied when it arrives), per
 * figure in page order.
 */
async function firstMoves(page: Page, pace: number): Promise<Record<string, number>> {
  // A string, not a function: a TypeScript loader may add helpers the page does not have.
  return page.evaluate<Record<string, number>>(`(async () => {
    ${MOVE_FIRST_SLIDER}
    const times = {};
    for (const slider of document.querySelectorAll('figure[data-interactive] form > fieldset input[type="range"]:first-of-type')) {
      const figure = slider.closest("figure");
      if (figure.dataset.cell in times) continue;
      const target = figure.getBoundingClientRect().top + window.scrollY - window.innerHeight / 3;
      for (let y = window.scrollY; y < target; y += window.innerHeight) {
        window.scrollTo(0, y);
        await new Promise((ok) => setTimeout(ok, ${pace}));
      }
      window.scrollTo(0, target);
      await new Promise(requestAnimationFrame);
      times[figure.dataset.cell] = await moveFirstSlider(figure);
    }
    return times;
  })()`);
}

/** A move of a figure's first slider, made at once (its code may not have run yet: the move is applied when it does). */
const MOVE_NOW = (cell: string) => `(async () => {
  ${MOVE_FIRST_SLIDER}
  return moveFirstSlider(document.querySelector('figure[data-cell="${cell}"]'));
})()`;

/** The interactive figures of a page that have a slider, and the section each is in (its contents link). */
async function slidersOf(browser: Browser, url: string): Promise<{ cell: string; section: string | null }[]> {
  const page = await browser.newPage({ serviceWorkers: "block" });
  await page.goto(url, { waitUntil: "domcontentloaded" });
  const found = await page.evaluate<{ cell: string; section: string | null }[]>(`[...document.querySelectorAll('figure[data-interactive]')]
    .filter((f) => f.querySelector('form > fieldset input[type="range"]'))
    .map((f) => ({ cell: f.dataset.cell, section: document.querySelector('nav.toc a[href="#' + f.id + '"]') ? f.id : null }))`);
  await page.close();
  return found;
}

/** A fresh page on the profile's device and network, its vitals observed from the start. */
async function profiledPage(browser: Browser, profile: Profile) {
  const context = await browser.newContext({
    viewport: profile.viewport,
    deviceScaleFactor: profile.scale,
    isMobile: profile.mobile,
    hasTouch: profile.mobile,
    serviceWorkers: "block",
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await throttle(cdp, profile);
  await page.addInitScript(OBSERVE);
  return { context, page, cdp };
}

/** The reader who opens a link to each figure (`#cell-…`) and moves its slider once the page has loaded. */
async function linkMoves(browser: Browser, url: string, profile: Profile, cells: readonly string[]): Promise<number | null> {
  const times: number[] = [];
  for (const cell of cells) {
    const { context, page } = await profiledPage(browser, profile);
    await page.goto(`${url}#cell-${cell}`, { waitUntil: "load" });
    times.push(await page.evaluate<number>(MOVE_NOW(cell)));
    await context.close();
  }
  return times.length ? Math.max(...times) : null;
}

/** The reader who, on a loaded page, follows the contents' link to each figure and moves its slider at once. */
async function jumpMoves(browser: Browser, url: string, profile: Profile, cells: readonly string[]): Promise<number | null> {
  const times: number[] = [];
  for (const cell of cells) {
    const { context, page } = await profiledPage(browser, profile);
    await page.goto(url, { waitUntil: "load" });
    await page.waitForLoadState("networkidle");
    // The contents' link to the figure, as a reader reaches it: on a phone, a tap on the header's
    // Contents link first (it opens the contents); beside the text, the link at once.
    const opener = page.locator("[data-open-toc]");
    if (await opener.isVisible()) await opener.click();
    await page.evaluate(`(() => { const d = document.querySelector("nav.toc details"); if (d) d.open = true; })()`);
    await page.click(`nav.toc a[href="#cell-${cell}"]`);
    times.push(await page.evaluate<number>(MOVE_NOW(cell)));
    await context.close();
  }
  return times.length ? Math.max(...times) : null;
}

async function measure(browser: Browser, url: string, profile: Profile, pace: number): Promise<Run> {
  const context = await browser.newContext({
    viewport: profile.viewport,
    deviceScaleFactor: profile.scale,
    isMobile: profile.mobile,
    hasTouch: profile.mobile,
    serviceWorkers: "block",
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await throttle(cdp, profile);
  let bytes = 0;
  let counting = true;
  cdp.on("Network.loadingFinished", (e: { encodedDataLength: number }) => {
    if (counting) bytes += e.encodedDataLength;
  });
  await page.addInitScript(OBSERVE);
  await page.goto(url, { waitUntil: "load" });
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(500);
  counting = false;
  const { lcp } = await page.evaluate<{ lcp: number }>("window.__vitals");
  const moves = await firstMoves(page, pace);
  await page.waitForTimeout(300);
  const { shifts } = await page.evaluate<{ shifts: [number, number][] }>("window.__vitals");
  await context.close();
  const all = Object.values(moves);
  const sliders = await slidersOf(browser, url);
  const linked = sliders.map((s) => s.cell);
  const jump = await jumpMoves(
    browser,
    url,
    profile,
    sliders.filter((s) => s.section !== null).map((s) => s.cell),
  );
  const link = await linkMoves(browser, url, profile, linked);
  return { cls: sessionCls(shifts), lcp, bytes, firstMove: all.length ? Math.max(...all) : null, moves, jump, link };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

runCli(USAGE, async () => {
  if (process.argv.includes("--help") || process.argv.includes("-h")) {
    console.log(USAGE);
    return;
  }
  const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
  const runs = Number(arg("--runs") ?? 3);
  const pace = Number(arg("--pace") ?? 1000);
  const dist = resolve(arg("--dist") ?? "dist");
  const pages = chapterPages(dist);
  if (pages.length === 0) throw new Error(`${dist}: no chapter pages (run npm run build first)`);
  const server = await serveStatic(dist, "/", { gzip: !process.argv.includes("--uncompressed") });
  const browser = await launchDebianChromium();
  const over: string[] = [];
  try {
    console.log(
      "profile  page                         CLS (worst)   LCP ms   KB before   first move ms, median and worst: skimming | contents jump | link",
    );
    for (const profile of PROFILES) {
      for (const path of pages) {
        const results: Run[] = [];
        for (let i = 0; i < runs; i++) results.push(await measure(browser, server.origin + path, profile, pace));
        if (process.argv.includes("--verbose")) for (const r of results) console.log("   ", JSON.stringify(r));
        const cls = Math.max(...results.map((r) => r.cls));
        const moves = results.map((r) => r.firstMove).filter((m): m is number => m !== null);
        const jumps = results.map((r) => r.jump).filter((m): m is number => m !== null);
        const links = results.map((r) => r.link).filter((m): m is number => m !== null);
        const summary = (xs: number[]) =>
          xs.length
            ? `${median(xs).toFixed(0).padStart(5)}, ${Math.max(...xs)
                .toFixed(0)
                .padStart(5)}`
            : "     -      ";
        const worstMove = [...moves, ...jumps, ...links].length ? Math.max(...moves, ...jumps, ...links) : null;
        console.log(
          [
            profile.name.padEnd(8),
            path.padEnd(28),
            cls.toFixed(3).padStart(11),
            median(results.map((r) => r.lcp))
              .toFixed(0)
              .padStart(8),
            (median(results.map((r) => r.bytes)) / 1024).toFixed(1).padStart(11),
            `   ${summary(moves)} | ${summary(jumps)} | ${summary(links)}`,
          ].join(" "),
        );
        const budget = VITALS_BUDGET[profile.name];
        if (cls > budget.cls) over.push(`${profile.name} ${path}: CLS ${cls.toFixed(3)} > ${budget.cls}`);
        if (worstMove !== null && worstMove > budget.firstMoveMs)
          over.push(`${profile.name} ${path}: a first move took ${worstMove.toFixed(0)} ms > ${budget.firstMoveMs} ms`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  for (const line of over) console.log(`over budget: ${line}`);
  if (over.length && process.argv.includes("--budget")) process.exitCode = 1;
});
