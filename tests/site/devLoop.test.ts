import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/browser.ts";
import { fixture } from "../helpers/fixtures.ts";
import { copyProject, edit } from "../helpers/project.ts";
import { cleanEnv, ROOT } from "../helpers/run.ts";

/** A page's text as a reader sees it (a problem's place, message and hint are elements of their own). */
const textOf = (html: string): string =>
  html
    .replace(/<[^>]*>/g, "")
    .replaceAll("&quot;", '"')
    .replaceAll("&#34;", '"');

// `npm run dev` as an author uses it: a copy of the project with AUTHORING.md's example chapter,
// each kind of chapter file edited in turn, the page read until the edit shows (at most 2 s).
const PAGE = "/en/example/hello/";
// The target is 2 s; the test fails only when an edit does not show within 10 s (a loaded test
// machine is no measure) and prints each time, which the issue note reports.
const times: string[] = [];
afterAll(() => {
  process.stdout.write(`dev loop, edit to page: ${times.join(", ")}\n`);
});
let dir = "";
let server: ChildProcess | null = null;
let base = "";
let log = "";
let browser: Browser | null = null;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => {
        resolve(port);
      });
    });
  });
}

const get = async (path: string) => (await fetch(base + path)).text();

/** Milliseconds from now until the page at `path` satisfies `ok` (fails after 10 s). */
async function timeUntil(path: string, ok: (html: string) => boolean): Promise<number> {
  const started = performance.now();
  for (;;) {
    const html = await get(path);
    if (ok(html)) return performance.now() - started;
    if (performance.now() - started > 10_000) {
      const problems =
        [...html.matchAll(/<aside class="dev-problems[^"]*"[\s\S]*?<\/aside>/g)].map((m) => m[0]).join("") || "(no problems shown)";
      throw new Error(`${path} never showed the edit; the page shows ${problems}; the server said:\n${log.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  dir = copyProject();
  cpSync(fixture("authoring"), dir, { recursive: true });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [join(ROOT, "node_modules/astro/bin/astro.mjs"), "dev", "--host", "127.0.0.1", "--port", String(port)], {
    cwd: dir,
    env: { ...cleanEnv(), SPIKES_FILE: join(ROOT, "tests/fixtures/site/mini-734.npz") },
  });
  server.stdout!.on("data", (d: Buffer) => (log += d.toString()));
  server.stderr!.on("data", (d: Buffer) => (log += d.toString()));
  const started = performance.now();
  while (
    !(await fetch(base + PAGE).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (performance.now() - started > 90_000) throw new Error(`the dev server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

const CHAPTER = "chapters/example/hello";

describe("npm run dev", () => {
  it("registers no service worker (the build writes it) and asks for nothing the server lacks", async () => {
    const page = await browser!.newPage();
    const missing: string[] = [];
    page.on("response", (r) => {
      if (r.status() === 404) missing.push(new URL(r.url()).pathname);
    });
    await page.goto(base + PAGE, { waitUntil: "networkidle" });
    expect(await page.evaluate(() => document.documentElement.dataset.serviceWorker ?? null)).toBeNull();
    expect(missing).toEqual([]);
    await page.close();
  });

  it("an edit to the chapter's strings shows on the open page, which reloads itself", async () => {
    const page = await browser!.newPage();
    await page.goto(base + PAGE);
    const started = performance.now();
    edit(dir, `${CHAPTER}/strings/en.json`, '"Number of spikes"', '"Spikes fired"');
    await page.waitForFunction(() => document.querySelector('[data-cell="first-counts"] svg')?.textContent.includes("Spikes fired"), null, {
      timeout: 10_000,
    });
    times.push(`strings (open page) ${Math.round(performance.now() - started)} ms`);
    await page.close();
  });

  it.each([
    [
      "the MDX",
      "content/en/example/hello/index.mdx",
      "the slider shows more or fewer",
      "the slider shows more or fewer, live",
      "more or fewer, live",
    ],
    [
      "the chapter module",
      `${CHAPTER}/chapter.ts`,
      "summary.totalSpikes.toLocaleString(locale)",
      "`${summary.totalSpikes.toLocaleString(locale)} spikes in all`",
      "spikes in all",
    ],
    ["a cell's code", `${CHAPTER}/first-counts.cell.ts`, 'x: { label: t("axis.neuron")', 'x: { label: "Neuron number"', "Neuron number"],
    [
      "the site's UI strings",
      "src/translation/ui/en.json",
      '"nav.language": "Language"',
      '"nav.language": "Pick a language"',
      'aria-label="Pick a language"',
    ],
    [
      "the dataset's declaration",
      "datasets/steinmetz-w1d1/index.ts",
      "Nature 576, 266–273.",
      "Nature 576, 266–273 (edited).",
      "266–273 (edited)",
    ],
  ])("an edit to %s shows without a restart", async (kind, file, from, to, shown) => {
    expect(await get(PAGE)).not.toContain(shown);
    edit(dir, file, from, to);
    times.push(`${kind} ${Math.round(await timeUntil(PAGE, (html) => html.includes(shown)))} ms`);
  });

  it("an edit to the glossary shows without a restart, on a translated page (its hints name the source's term)", async () => {
    const page = "/ja/w1d1/tutorial1/";
    const shown = 'lang="en">recording</span>';
    expect(await get(page)).not.toContain(shown);
    edit(dir, "content/glossary.yaml", "- id: spike\n", "- id: recording\n  en: recording\n  ja: 記録\n- id: spike\n");
    times.push(`the glossary ${Math.round(await timeUntil(page, (html) => html.includes(shown)))} ms`);
  });

  it("a chapter the content check refuses shows its problem on the page, with file and line, until it is fixed", async () => {
    const mdx = "content/en/example/hello/index.mdx";
    const original = readFileSync(join(dir, mdx), "utf8");
    writeFileSync(join(dir, mdx), original.replace('<Cell id="first-counts"', '<Cell id="no-such-cell"'));
    // (Quotes in the page's text may be written &quot;.)
    const shown = (html: string) => html.replace(/&quot;|&#34;/g, '"');
    try {
      const response = await timeUntil(PAGE, (html) => shown(html).includes('no cell "no-such-cell"'));
      times.push(`a content problem shown ${Math.round(response)} ms`);
      const html = shown(await get(PAGE));
      expect(html).toMatch(/class="dev-problems"[^>]*role="alert"|role="alert"[^>]*class="dev-problems"/);
      expect(html).toMatch(/content\/en\/example\/hello\/index\.mdx:\d+: .*no cell "no-such-cell"/);
    } finally {
      writeFileSync(join(dir, mdx), original);
    }
    await timeUntil(PAGE, (h) => !h.includes("no-such-cell") && h.includes('data-cell="first-counts"'));
  });

  it("a throw in a cell's drawing is said at the figure, with the cell, what threw and its file and line", async () => {
    const file = join(dir, CHAPTER, "first-counts.cell.ts");
    const good = readFileSync(file, "utf8");
    // Drawn at the default (10) as before; any other value reads a property of undefined.
    const bad = good.replace(
      "Plot.barY(p.counts.slice(0, neurons as number)",
      "Plot.barY((neurons === 10 ? p.counts : (undefined as unknown as number[])).slice(0, neurons as number)",
    );
    expect(bad).not.toBe(good);
    writeFileSync(file, bad);
    const page = await browser!.newPage();
    try {
      await page.goto(base + PAGE, { waitUntil: "networkidle" });
      await page.locator('[data-cell="first-counts"]').scrollIntoViewIfNeeded();
      const slider = page.locator('[data-cell="first-counts"] input[type="range"]').first();
      await slider.focus();
      await slider.press("ArrowRight");
      const status = page.locator('[data-cell="first-counts"] .cell-status');
      await expect
        .poll(() => status.textContent(), { timeout: 10_000 })
        .toMatch(/could not be drawn: .*\(cell "first-counts", plot, chapters\/example\/hello\/first-counts\.cell\.ts:\d+:\d+\)/);
      // Back to the default, where it draws: the figure is whole again and the message goes.
      await slider.press("ArrowLeft");
      await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe("");
      expect(await page.locator('[data-cell="first-counts"]').getAttribute("data-failed")).toBeNull();
    } finally {
      await page.close();
      writeFileSync(file, good);
    }
  });

  it("a translation's page follows its source: an untranslated language shows the new source text", async () => {
    edit(dir, "content/en/example/hello/index.mdx", "Here are the first neurons", "Here are the very first neurons");
    times.push(
      `source text on a translation ${Math.round(await timeUntil("/ja/example/hello/", (html) => html.includes("the very first neurons")))} ms`,
    );
  });

  it("a syntax error in a cell shows on the page with file, line and column, and the page recovers when it is fixed", async () => {
    const file = join(dir, CHAPTER, "first-counts.cell.ts");
    const good = readFileSync(file, "utf8");
    writeFileSync(file, good.replace("export default firstCounts;", "export default firstCounts +;"));
    await timeUntil(PAGE, (html) => html.includes("chapters/example/hello/first-counts.cell.ts:26:"));
    writeFileSync(file, good);
    await timeUntil(PAGE, (html) => !html.includes('class="dev-problems"'));
  });

  it("a type error in a cell's code shows on the page with file, line and column, and goes when it is fixed", async () => {
    const file = `${CHAPTER}/first-counts.cell.ts`;
    const good = readFileSync(join(dir, file), "utf8");
    writeFileSync(join(dir, file), `${good}\nexport const typed: number = "ten";\n`);
    const line = good.split("\n").length + 1;
    try {
      const shown = await timeUntil(PAGE, (html) => textOf(html).includes(`${file}:${line}:14: type error: Type`));
      times.push(`a type error shown ${Math.round(shown)} ms`);
      // The page still runs the code (a type error does not stop it), and the server log says it too.
      expect(await get(PAGE)).toContain('data-cell="first-counts"');
      expect(log).toContain("type error");
    } finally {
      writeFileSync(join(dir, file), good);
    }
    await timeUntil(PAGE, (html) => !html.includes("dev-type-problems"));
  });

  it("a slider with min above max is reported with the line that declares it, until fixed", async () => {
    edit(dir, `${CHAPTER}/first-counts.cell.ts`, "min: 5, max: 20", "min: 20, max: 5");
    await timeUntil(PAGE, (html) => textOf(html).includes('first-counts.cell.ts:22: control "neurons"'));
    edit(dir, `${CHAPTER}/first-counts.cell.ts`, "min: 20, max: 5", "min: 5, max: 20");
    await timeUntil(PAGE, (html) => !html.includes('class="dev-problems"'));
  });
});
