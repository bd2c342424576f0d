import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { activateAllCells, activateCell } from "./browser.ts";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Every page of a built site, as paths (`/`, `/ja/w1d1/tutorial1/`, `/404.html`), sorted. */
export function builtPages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".html") && !f.startsWith("pagefind/"))
    .map((f) => (f.endsWith("index.html") ? `/${f.slice(0, -"index.html".length)}` : `/${f}`))
    .sort();
}

/** The chapter pages of a built site (those with an article), with their interactive cells. */
export function chapterPages(dir: string): { path: string; cells: string[] }[] {
  return builtPages(dir).flatMap((path) => {
    const file = join(dir, path.endsWith(".html") ? path : `${path}index.html`);
    const html = readFileSync(file, "utf8");
    if (!html.includes("<article")) return [];
    const cells = [...html.matchAll(/<figure[^>]*data-cell="([^"]+)"[^>]*data-interactive/g)].map((m) => m[1]!);
    return [{ path, cells }];
  });
}

interface AxeViolation {
  id: string;
  help: string;
  nodes: { target: string[] }[];
}

/** axe's violations on the page as it is: every WCAG 2.1 A/AA and best-practice rule, or only `rules`. */
async function axe(page: Page, rules?: readonly string[]): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (only) => {
    const result = await (window as unknown as { axe: { run(o: object): Promise<{ violations: AxeViolation[] }> } }).axe.run({
      resultTypes: ["violations"],
      runOnly: only
        ? { type: "rule", values: only }
        : { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    });
    return result.violations;
  }, rules ?? null);
  return violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join("; ")})`,
  );
}

/** Opens every disclosure and brings every interactive figure to life, so a check sees all of it. */
async function activateAll(page: Page): Promise<void> {
  await activateAllCells(page);
  await page.$$eval("details", (ds) => {
    ds.forEach((d) => (d.open = true));
  });
}

/** A page that records console errors, failed responses and CSP violations. */
async function watchedPage(context: BrowserContext) {
  const problems: string[] = [];
  const page = await context.newPage();
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("response", (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { page, problems, csp: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations) };
}

/**
 * Moves every control of a cell to its maximum, then its minimum (a checkbox is toggled twice),
 * waiting for the figure each time; returns a line for each move that left the figure failed.
 */
async function moveEveryControl(
  page: Page,
  path: string,
  cell: string,
  ends: readonly ("max" | "min")[] = ["max", "min"],
): Promise<string[]> {
  const found: string[] = [];
  // The controls themselves; the number field beside a slider sets the same values (explorers.test.ts covers it).
  const controls = page.locator(`[data-cell="${cell}"] form.cell-controls input:not([data-input])`);
  for (let i = 0; i < (await controls.count()); i++) {
    const control = controls.nth(i);
    const type = await control.getAttribute("type");
    for (const end of ends) {
      if (type === "checkbox") await control.click();
      else if (type === "number") {
        await control.fill((await control.getAttribute(end))!);
        await control.press("Enter");
      } else {
        await control.focus();
        await page.keyboard.press(end === "max" ? "End" : "Home");
      }
      await page.waitForFunction((c) => !document.querySelector(`[data-cell="${c}"][data-busy]`), cell, { timeout: 10_000 });
      if (await page.locator(`[data-cell="${cell}"][data-failed]`).count())
        found.push(`${path} ${cell}: a fetch failed at the ${end} of ${await control.getAttribute("name")}`);
    }
  }
  return found;
}

/** Every figure's text as the reader sees it, in CSS pixels (SVG text scaled by its drawing's size). */
function figureTextSizes(page: Page): Promise<{ cell: string; text: string; px: number }[]> {
  return page.$$eval(".cell-figure", (stages) =>
    stages.flatMap((stage) => {
      if (stage.getBoundingClientRect().width === 0) return []; // inside a closed disclosure
      const out: { cell: string; text: string; px: number }[] = [];
      const cell = stage.closest("[data-cell]")?.getAttribute("data-cell") ?? "?";
      for (const svg of stage.querySelectorAll("svg")) {
        const box = svg.getBoundingClientRect();
        const viewBox = svg.viewBox.baseVal;
        if (box.width === 0 || !viewBox.width) continue;
        for (const text of svg.querySelectorAll("text"))
          if (text.getBoundingClientRect().width > 0)
            out.push({ cell, text: text.textContent, px: parseFloat(getComputedStyle(text).fontSize) * (box.width / viewBox.width) });
      }
      // Legends and other text around the drawing, in HTML.
      const walker = document.createTreeWalker(stage, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement!;
        if (el.closest("svg") || !n.textContent?.trim() || el.getBoundingClientRect().width === 0) continue;
        out.push({ cell, text: n.textContent.trim(), px: parseFloat(getComputedStyle(el).fontSize) });
      }
      return out;
    }),
  );
}

const smallText = (path: string, sizes: { cell: string; text: string; px: number }[]) => [
  ...(sizes.length === 0 ? [`${path}: no figure text measured`] : []),
  ...sizes.filter((s) => s.px < 11).map((s) => `${path} ${s.cell}: "${s.text}" at ${s.px.toFixed(1)} px`),
];

/** A drawing's markup without the clip-path ids Plot numbers per page, so two pages' drawings compare. */
const drawing = (html: string) => html.replace(/plot-[\w-]*?-\d+/g, "plot-id");

/** A control's value as the reader set it. */
const valueOf = async (page: Page, id: string) => {
  const control = page.locator(`#${id}`);
  return (await control.getAttribute("type")) === "checkbox" ? String(await control.isChecked()) : control.inputValue();
};

/**
 * The generator's behaviour on every page of a built site, whatever its chapters: accessibility
 * (axe, light and dark), a strict CSP with no violation, errors or failed requests, lazy
 * loading, every control at both ends at a phone's width and a desktop's, URL state, legible
 * figure text, a keyboard walk and the page without JavaScript, for every interactive cell
 * found in the pages. Each pass loads each page once, on one browser page of its own, and checks all it can on it.
 */
// Pages are opened as by a reader walking the site (a referrer of the site's own): the root then
// stays the list of languages instead of sending the browser to its language (src/pages/index.astro).
export function genericSuite(
  name: string,
  site: () => { dir: string; origin: string; browser: Browser },
  only: (path: string) => boolean = () => true,
): void {
  const pagesOf = (dir: string) => builtPages(dir).filter(only);
  const chaptersOf = (dir: string) => chapterPages(dir).filter((p) => only(p.path));
  describe(`${name}: every page`, () => {
    it("axe finds no violation in light mode nor (its colour rules) in dark mode, every figure active and every disclosure open", async () => {
      const { dir, origin, browser } = site();
      const context = await browser.newContext({ colorScheme: "light", bypassCSP: true, viewport: { width: 1280, height: 900 } });
      const found: string[] = [];
      // One page for the pass, loading each path as a new document (a new page is a new renderer process).
      const page = await context.newPage();
      for (const path of pagesOf(dir)) {
        await page.emulateMedia({ colorScheme: "light" });
        await page.goto(origin + path, { waitUntil: "networkidle", referer: origin + "/" });
        await activateAll(page);
        found.push(...(await axe(page)).map((v) => `${path}: light: ${v}`));
        // Dark mode changes colours only: its contrast is checked on the same page, redrawn.
        await page.emulateMedia({ colorScheme: "dark" });
        found.push(...(await axe(page, ["color-contrast", "link-in-text-block"])).map((v) => `${path}: dark: ${v}`));
      }
      await context.close();
      expect(found).toEqual([]);
    }, 300_000);

    it("at 1280 px: loads with no CSP violation, error or failed request; code loads only near its figure; every control of every cell to its near end; the URL keeps the state and a copied link draws the same figures; search and a video play", async () => {
      const { dir, origin, browser } = site();
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
      const found: string[] = [];
      const cellsOf = new Map(chaptersOf(dir).map((p) => [p.path, p.cells]));
      const { page, problems, csp } = await watchedPage(context);
      const copy = await context.newPage();
      for (const path of pagesOf(dir)) {
        problems.splice(0);
        // Two pages of one context are two tabs of one window: the one behind is hidden, its
        // frames and timers held back (a click's wait for a steady box took 2 s), as for a reader.
        await page.bringToFront();
        await page.goto(origin + path, { waitUntil: "networkidle", referer: origin + "/" });
        const cells = cellsOf.get(path) ?? [];
        // More than a screen below the first, a cell has not been brought to life (its code may be
        // fetched ahead, at idle, from four screens away: that is not running it).
        for (const cell of cells) {
          const figure = page.locator(`[data-cell="${cell}"]`);
          const top = await figure.evaluate((f) => f.getBoundingClientRect().top);
          if (top > 900 + 900 + 50 && (await figure.getAttribute("data-loading")) !== null)
            found.push(`${path} ${cell}: loaded while far away`);
        }
        const set = new Map<string, { cell: string; value: string }>();
        for (const cell of cells) {
          await activateCell(page, cell);
          // The near end here; the phone pass takes every control of every page to its far end.
          found.push(...(await moveEveryControl(page, path, cell, ["min"])));
          for (const id of await page.$$eval(`[data-cell="${cell}"] form.cell-controls input[id]`, (is) => is.map((i) => i.id)))
            set.set(id, { cell, value: await valueOf(page, id) });
        }
        if (cells.length) {
          // Every cell's state is in the URL; the same URL in a new page gives the same controls and drawings.
          await page.waitForFunction(() => !document.querySelector("[data-busy]"));
          const markup = new Map<string, string>();
          for (const cell of cells) markup.set(cell, drawing(await page.locator(`[data-cell="${cell}"] .cell-figure`).innerHTML()));
          // The page writes its state into the URL 200 ms after a change: copy it once it has settled.
          await expect
            .poll(async () => {
              const before = page.url();
              await page.waitForTimeout(250);
              return page.url() === before;
            })
            .toBe(true);
          await copy.bringToFront();
          await copy.goto(page.url(), { waitUntil: "networkidle" });
          for (const cell of cells) {
            await activateCell(copy, cell);
            await copy.waitForFunction((c) => !document.querySelector(`[data-cell="${c}"][data-busy]`), cell);
            if (drawing(await copy.locator(`[data-cell="${cell}"] .cell-figure`).innerHTML()) !== markup.get(cell))
              found.push(`${path} ${cell}: the copied link draws another figure`);
          }
          for (const [id, { cell, value }] of set)
            if ((await valueOf(copy, id)) !== value)
              found.push(`${path} ${cell}: the URL gave ${await valueOf(copy, id)} for ${id}, not ${value}`);
        }
        await page.bringToFront();
        if (await page.isVisible("#site-search")) {
          await page.fill("#site-search", "spike");
          await page.waitForSelector(".search-results .search-count");
          // The count says what the list shows.
          const { said, listed, lang } = await page.evaluate(() => ({
            said: document.querySelector(".search-results .search-count")!.textContent,
            listed: document.querySelectorAll(".search-results li").length,
            lang: document.documentElement.lang,
          }));
          if (listed > 0 && !said.includes(new Intl.NumberFormat(lang || "en").format(listed)))
            found.push(`${path}: search says "${said}" and lists ${listed}`);
        }
        const facade = page.locator("a.video-facade").first();
        if ((await facade.count()) > 0 && (await facade.isVisible())) {
          await facade.click();
          await page.waitForSelector(".video iframe", { state: "attached" });
        }
        found.push(...problems.map((p) => `${path}: ${p}`), ...(await csp()).map((v) => `${path}: CSP ${v}`));
      }
      await context.close();
      expect(found).toEqual([]);
    }, 300_000);
  });

  describe(`${name}: every chapter page`, () => {
    it("Tab reaches every control in document order, each with a visible focus", async () => {
      const { dir, origin, browser } = site();
      const found: string[] = [];
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      for (const { path } of chaptersOf(dir)) {
        await page.goto(origin + path, { waitUntil: "networkidle", referer: origin + "/" });
        await activateAll(page);
        // An explicit starting point (a focused element at the very start that is not itself a
        // tab stop), and a record of every element focus reaches, read once at the end.
        await page.evaluate(() => {
          const w = window as unknown as { focusLog: { index: number; outline: string }[] };
          const start = document.createElement("span");
          start.tabIndex = -1;
          document.body.prepend(start);
          start.focus();
          window.scrollTo(0, 0);
          w.focusLog = [];
          const all = [...document.querySelectorAll("*")];
          document.addEventListener("focusin", (e) => {
            const el = e.target as Element;
            const style = getComputedStyle(el);
            w.focusLog.push({ index: all.indexOf(el), outline: `${style.outlineStyle} ${style.outlineWidth}` });
          });
        });
        const stops = await page.$$eval("a[href], button, input, summary, [tabindex='0']", (els) => {
          const all = [...document.querySelectorAll("*")];
          return (
            els
              .filter((e) => !(e as HTMLButtonElement).disabled && !(e as HTMLElement).hidden && (e as HTMLElement).offsetParent !== null)
              // Out of the Tab order on purpose (a copy button whose code block is the stop).
              .filter((e) => (e as HTMLElement).tabIndex >= 0)
              .filter((e) => !(e instanceof HTMLInputElement && e.type === "radio" && !e.checked))
              .map((e) => all.indexOf(e))
          );
        });
        // The presses are sent without waiting for each answer (the browser handles them in order).
        const cdp = await page.context().newCDPSession(page);
        const key = { key: "Tab", code: "Tab", windowsVirtualKeyCode: 9 };
        await Promise.all(
          Array.from({ length: stops.length + 2 }, () => [
            cdp.send("Input.dispatchKeyEvent", { type: "keyDown", ...key }),
            cdp.send("Input.dispatchKeyEvent", { type: "keyUp", ...key }),
          ]).flat(),
        );
        await cdp.detach();
        const log = await page.evaluate(() => (window as unknown as { focusLog: { index: number; outline: string }[] }).focusLog);
        // The walk until it wraps around to the top (the browser's own UI takes focus there).
        const visited = log.filter((v, i) => v.index >= 0 && log.slice(0, i).every((w) => w.index < v.index));
        if (visited.map((v) => v.index).join() !== stops.join())
          found.push(`${path}: Tab visited ${visited.length} of ${stops.length} stops, or not in order`);
        for (const v of visited) if (/^none|0px$/.test(v.outline)) found.push(`${path}: element ${v.index} shows no focus`);
      }
      await page.close();
      expect(found).toEqual([]);
    }, 240_000);

    it("at 360 px: no figure text smaller than 11 px, and every control of every cell to its far end (the desktop pass takes the near one) with no error, failed request or loading state left", async () => {
      const { dir, origin, browser } = site();
      const found: string[] = [];
      const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
      const { page, problems } = await watchedPage(context);
      for (const { path, cells } of chaptersOf(dir)) {
        problems.splice(0);
        await page.goto(origin + path, { waitUntil: "networkidle", referer: origin + "/" });
        await activateAll(page);
        found.push(...smallText(path, await figureTextSizes(page)));
        for (const cell of cells) found.push(...(await moveEveryControl(page, path, cell, ["max"])));
        found.push(...problems.map((p) => `${path}: ${p}`));
      }
      await context.close();
      expect(found.slice(0, 20)).toEqual([]);
    }, 300_000);

    it("without JavaScript: every figure is there, legible at 360 px, controls disabled and saying why", async () => {
      const { dir, origin, browser } = site();
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
      const found: string[] = [];
      const page = await context.newPage();
      for (const { path, cells } of chaptersOf(dir)) {
        await page.goto(origin + path, { referer: origin + "/" });
        const missing = await page.$$eval("[data-cell]", (fs) =>
          fs.filter((f) => !f.querySelector(".cell-figure svg")).map((f) => f.getAttribute("data-cell")),
        );
        if (missing.length) found.push(`${path}: no static figure for ${missing.join(", ")}`);
        if ((await page.$$eval("[data-interactive] fieldset[disabled]", (f) => f.length)) !== cells.length)
          found.push(`${path}: controls not all disabled`);
        if ((await page.$$eval("[data-interactive] .needs-js", (f) => f.length)) !== cells.length)
          found.push(`${path}: a cell does not say it needs JavaScript`);
        found.push(...smallText(path, await figureTextSizes(page)));
      }
      await context.close();
      expect(found.slice(0, 20)).toEqual([]);
    });
  });
}
