import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { activateAllCells, launchDebianChromium as launchChromium } from "./lib/chromium.ts";
import { serveStatic } from "./lib/staticServer.ts";
import { BUDGET } from "./lib/pageWeights.ts";
import { runCli } from "../src/lib/cli/runCli.ts";
import { courseChapters } from "./lib/courseChapters.ts";
import { courseOfRoot } from "../src/course/courseFile.ts";

const { sourceLocale: SOURCE } = await courseOfRoot(resolve(import.meta.dirname, ".."));
const USAGE = "usage: npm run bench:browser [-- --moves 240] [--page /en/<chapter>/]   (measures dist/; run npm run build first)";
// The page measured: --page, or the course's first chapter in its source language.
const PAGE =
  pageArgument() ?? `/${SOURCE}/${courseChapters(resolve(import.meta.dirname, "..")).find((c) => c.locales.includes(SOURCE))!.slug}/`;

function pageArgument(): string | undefined {
  const i = process.argv.indexOf("--page");
  return i < 0 ? undefined : process.argv[i + 1];
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** gzip -9 size of the JavaScript files a page requested (what a static host serves compressed). */
function gzipBytes(dist: string, paths: Set<string>): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const p of paths) {
    const bytes = readFileSync(join(dist, p));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

/** Moves the explorer's sliders `moves` times, one per animation frame, timing input -> updated SVG. */
async function measureLatency(page: Page, moves: number): Promise<number[]> {
  return page.evaluate(async (n) => {
    const figure = document.querySelector<HTMLElement>('[data-cell="isi-function-explorer"]')!;
    const sliders = [...figure.querySelectorAll<HTMLInputElement>('input[type="range"]')];
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const slider = sliders[i % sliders.length]!;
      const { min, max, step } = slider;
      const span = (Number(max) - Number(min)) / Number(step);
      const next = Number(min) + Math.round((((i * 37) % 100) / 100) * span) * Number(step);
      await new Promise(requestAnimationFrame);
      const changed = new Promise<void>((done) => {
        const observer = new MutationObserver(() => {
          observer.disconnect();
          done();
        });
        observer.observe(figure.querySelector(".cell-figure")!, { childList: true, subtree: true });
      });
      const t0 = performance.now();
      slider.value = String(next === Number(slider.value) ? Number(min) : next);
      slider.dispatchEvent(new Event("input", { bubbles: true }));
      await changed;
      times.push(performance.now() - t0);
    }
    return times;
  }, moves);
}

/** A round trip to a host over a phone's network, for the time to keep every figure's files. */
const ROUND_TRIP_MS = 50;

/**
 * The time the page takes to keep every file its figures can fetch (the offer a page kept offline
 * makes), each answer from the host held ROUND_TRIP_MS: a line to print, or why it was not measured.
 */
async function measureKeepingEveryFigure(dist: string, browser: Browser): Promise<string> {
  const server = await serveStatic(dist, "/", { roundTripMs: ROUND_TRIP_MS });
  const page = await browser.newPage({ serviceWorkers: "allow" });
  try {
    await page.goto(server.origin + PAGE, { waitUntil: "networkidle" });
    const button = page.locator("[data-offline-all] button");
    await button.waitFor({ state: "visible", timeout: 15_000 }).catch(() => undefined);
    if (!(await button.isVisible()))
      return "keeping every figure's files: not offered on this page (offline reading off, or the files over the cap)";
    const kept = await page.getAttribute("[data-offline-all]", "data-kept");
    const asked = server.requests.length;
    const started = performance.now();
    await button.click();
    await page.waitForFunction((said) => document.querySelector("[data-offline-all] [role=status]")?.textContent === said, kept, {
      timeout: 600_000,
      polling: 100,
    });
    const seconds = (performance.now() - started) / 1000;
    const files = server.requests.slice(asked).filter((p) => p.includes("/data/")).length;
    return `keeping every figure's files: ${files} files in ${seconds.toFixed(1)} s, each answer held ${ROUND_TRIP_MS} ms`;
  } finally {
    await page.context().close();
    await server.close();
  }
}

runCli(USAGE, async () => {
  const moves = Number(process.argv.includes("--moves") ? process.argv[process.argv.indexOf("--moves") + 1] : 240);
  const dist = resolve(import.meta.dirname, "../dist");
  const server = await serveStatic(dist);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const js = new Set<string>();
    const data: { path: string; bytes: number }[] = [];
    page.on("requestfinished", (r) => {
      const path = new URL(r.url()).pathname;
      if (path.endsWith(".js")) js.add(path);
    });
    page.on("response", async (r) => {
      const path = new URL(r.url()).pathname;
      if (path.includes("/data/")) data.push({ path, bytes: (await r.body().catch(() => Buffer.alloc(0))).length });
    });
    await page.goto(server.origin + PAGE, { waitUntil: "networkidle" });
    const before = gzipBytes(dist, js);

    await activateAllCells(page);
    await page.waitForLoadState("networkidle");
    const after = gzipBytes(dist, js);

    await measureLatency(page, 20); // warm up the JIT and Plot's caches
    const times = (await measureLatency(page, moves)).sort((a, b) => a - b);

    data.length = 0;
    // The neuron shown, then another one (the file set names each neuron's file <i>.isi).
    const from = await page.inputValue("#isi-function-explorer-neuron");
    const to = from === "12" ? "13" : "12";
    const fetched = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith(`/${to}.isi`));
    await page.fill("#isi-function-explorer-neuron", to);
    await page.press("#isi-function-explorer-neuron", "Enter");
    await page.waitForFunction(
      (n) =>
        new RegExp(` ${n}\\b`).test(
          document.querySelector('[data-cell="isi-function-explorer"] .cell-figure')?.getAttribute("aria-label") ?? "",
        ),
      to,
    );
    const response = await fetched;
    await page.waitForLoadState("networkidle");
    const switchFiles = data.length ? [...data] : [{ path: new URL(response.url()).pathname, bytes: (await response.body()).length }];

    const keeping = await measureKeepingEveryFigure(dist, browser);
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    const lines = [
      `page: ${PAGE} (dist/ served on 127.0.0.1, headless Chromium ${browser.version()})`,
      `input -> updated SVG, ISI function explorer, ${times.length} moves: median ${quantile(times, 0.5).toFixed(2)} ms, p95 ${quantile(times, 0.95).toFixed(2)} ms, max ${times[times.length - 1]!.toFixed(2)} ms (target p95 < 4 ms)`,
      `JavaScript before any interaction: ${kb(before.gzip)} gzip (${kb(before.raw)} raw) (budget ${BUDGET.jsBefore / 1024} KB)`,
      `JavaScript with every cell active: ${kb(after.gzip)} gzip (${kb(after.raw)} raw) (budget ${BUDGET.jsActive / 1024} KB)`,
      `neuron switch ${from} -> ${to}: ${switchFiles.length} file(s), ${switchFiles.map((f) => `${f.path.split("/data/")[1]} ${kb(f.bytes)}`).join(", ")}`,
      keeping,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    await browser.close();
    await server.close();
  }
});
