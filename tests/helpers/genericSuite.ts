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

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(o: object): Promise<{ violations: AxeViolation[] }> } }).axe.run({
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    });
    return result.violations;
  });
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

/** Changes a cell's first control the way a reader would; returns the control's id and its new value. */
async function moveFirstControl(page: Page, cell: string): Promise<{ id: string; value: string }> {
  const control = page.locator(`[data-cell="${cell}"] form.cell-controls input`).first();
  const id = (await control.getAttribute("id"))!;
  const type = await control.getAttribute("type");
  if (type === "checkbox") await control.click();
  else if (type === "number") {
    const min = Number(await control.getAttribute("min"));
    const now = Number(await control.inputValue());
    await control.fill(String(now === min ? min + 1 : min));
    await control.press("Enter");
  } else {
    await control.focus();
    const value = await control.inputValue();
    await page.keyboard.press(value === (await control.getAttribute("max")) ? "ArrowLeft" : "ArrowRight");
  }
  const value = type === "checkbox" ? String(await control.isChecked()) : await control.inputValue();
  return { id, value };
}

/**
 * The generator's behaviour on every page of a built site, whatever its chapters: accessibility
 * (axe, light and dark), a strict CSP with no violation, a keyboard walk, lazy loading, URL state
 * and the page without JavaScript, for every interactive cell found in the pages.
 */
export function genericSuite(
  name: string,
  site: () => { dir: string; origin: string; browser: Browser },
  only: (path: string) => boolean = () => true,
): void {
  const pagesOf = (dir: string) => builtPages(dir).filter(only);
  const chaptersOf = (dir: string) => chapterPages(dir).filter((p) => only(p.path));
  describe(`${name}: every page`, () => {
    for (const scheme of ["light", "dark"] as const) {
      it(`axe finds no violation in ${scheme} mode, every figure active and every disclosure open`, async () => {
        const { dir, origin, browser } = site();
        const context = await browser.newContext({ colorScheme: scheme, bypassCSP: true, viewport: { width: 1280, height: 900 } });
        const found: string[] = [];
        for (const path of pagesOf(dir)) {
          const page = await context.newPage();
          await page.goto(origin + path, { waitUntil: "networkidle" });
          await activateAll(page);
          found.push(...(await axe(page)).map((v) => `${path}: ${v}`));
          await page.close();
        }
        await context.close();
        expect(found).toEqual([]);
      }, 240_000);
    }

    it("loads, runs every figure and moves a control of each, searches and plays a video, with no CSP violation, error or failed request", async () => {
      const { dir, origin, browser } = site();
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
      const found: string[] = [];
      for (const path of pagesOf(dir)) {
        const { page, problems, csp } = await watchedPage(context);
        await page.goto(origin + path, { waitUntil: "networkidle" });
        const cells = await activateAllCells(page);
        for (const cell of cells) await moveFirstControl(page, cell);
        await page.waitForFunction(() => !document.querySelector("[data-busy]"));
        if (await page.isVisible("#site-search")) {
          await page.fill("#site-search", "spike");
          await page.waitForSelector(".search-results .search-count");
        }
        const facade = page.locator("a.video-facade").first();
        if ((await facade.count()) > 0 && (await facade.isVisible())) {
          await facade.click();
          await page.waitForSelector(".video iframe", { state: "attached" });
        }
        found.push(...problems.map((p) => `${path}: ${p}`), ...(await csp()).map((v) => `${path}: CSP ${v}`));
        await page.close();
      }
      await context.close();
      expect(found).toEqual([]);
    }, 240_000);
  });

  describe(`${name}: every chapter page`, () => {
    it("Tab reaches every control in document order, each with a visible focus", async () => {
      const { dir, origin, browser } = site();
      const found: string[] = [];
      for (const { path } of chaptersOf(dir)) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        await page.goto(origin + path, { waitUntil: "networkidle" });
        await activateAll(page);
        // An explicit starting point: a focused element at the very start that is not itself a tab stop.
        await page.evaluate(() => {
          const start = document.createElement("span");
          start.tabIndex = -1;
          document.body.prepend(start);
          start.focus();
          window.scrollTo(0, 0);
        });
        const stops = await page.$$eval("a[href], button, input, summary, [tabindex='0']", (els) =>
          els
            .filter((e) => !(e as HTMLButtonElement).disabled && !(e as HTMLElement).hidden && (e as HTMLElement).offsetParent !== null)
            .filter((e) => !(e instanceof HTMLInputElement && e.type === "radio" && !e.checked))
            .map((e) => [...document.querySelectorAll("*")].indexOf(e)),
        );
        const visited: { index: number; outline: string }[] = [];
        for (let i = 0; i < stops.length + 5; i++) {
          await page.keyboard.press("Tab");
          const step = await page.evaluate(() => {
            const el = document.activeElement;
            if (!el || el === document.body) return null;
            const style = getComputedStyle(el);
            return { index: [...document.querySelectorAll("*")].indexOf(el), outline: `${style.outlineStyle} ${style.outlineWidth}` };
          });
          if (!step) break;
          if (visited.length && step.index <= visited[visited.length - 1]!.index) break; // wrapped around
          visited.push(step);
        }
        if (visited.map((v) => v.index).join() !== stops.join())
          found.push(`${path}: Tab visited ${visited.length} of ${stops.length} stops, or not in order`);
        for (const v of visited) if (/^none|0px$/.test(v.outline)) found.push(`${path}: element ${v.index} shows no focus`);
        await page.close();
      }
      expect(found).toEqual([]);
    }, 240_000);

    it("every interactive cell: its code loads only when needed, and its state goes into the URL and comes back from it", async () => {
      const { dir, origin, browser } = site();
      const pages = chaptersOf(dir).filter((p) => p.cells.length > 0);
      expect(pages.length).toBeGreaterThan(0);
      const found: string[] = [];
      for (const { path, cells } of pages) {
        for (const cell of cells) {
          const context = await browser.newContext({ viewport: { width: 1200, height: 700 } });
          const { page, problems } = await watchedPage(context);
          await page.goto(origin + path, { waitUntil: "networkidle" });
          const figure = page.locator(`[data-cell="${cell}"]`);
          // Far below the first screen, a cell has not started loading its code.
          const top = await figure.evaluate((f) => f.getBoundingClientRect().top);
          if (top > 700 + 400 && (await figure.getAttribute("data-loading")) !== null) found.push(`${path} ${cell}: loaded while far away`);
          await activateCell(page, cell);
          const { id, value } = await moveFirstControl(page, cell);
          const name = id.slice(cell.length + 1);
          await expect.poll(() => page.url(), { timeout: 3000 }).toContain(`${cell}.${name}=`);
          await page.waitForFunction(() => !document.querySelector("[data-busy]"));
          // Plot numbers its clip paths per drawing in a page: compare the drawings without those ids.
          const drawing = (html: string) => html.replace(/plot-[\w-]*?-\d+/g, "plot-id");
          const markup = drawing(await figure.locator(".cell-figure").innerHTML());
          const copy = await context.newPage();
          await copy.goto(page.url(), { waitUntil: "networkidle" });
          await copy.waitForSelector(`[data-cell="${cell}"][data-active="true"]`, { state: "attached" });
          await copy.waitForFunction(() => !document.querySelector("[data-busy]"));
          const copied = copy.locator(`#${id}`);
          const copiedValue =
            (await copied.getAttribute("type")) === "checkbox" ? String(await copied.isChecked()) : await copied.inputValue();
          if (copiedValue !== value) found.push(`${path} ${cell}: the URL gave ${copiedValue}, not ${value}`);
          if (drawing(await copy.locator(`[data-cell="${cell}"] .cell-figure`).innerHTML()) !== markup)
            found.push(`${path} ${cell}: the copied link draws another figure`);
          found.push(...problems.map((p) => `${path} ${cell}: ${p}`));
          await context.close();
        }
      }
      expect(found).toEqual([]);
    }, 300_000);

    for (const width of [360, 1280])
      it(`at ${width} px, every control of every cell moved to both ends: no error, no failed request, no loading state left behind`, async () => {
        const { dir, origin, browser } = site();
        const found: string[] = [];
        for (const { path, cells } of chaptersOf(dir).filter((p) => p.cells.length > 0)) {
          const context = await browser.newContext({ viewport: { width, height: 900 } });
          const { page, problems } = await watchedPage(context);
          await page.goto(origin + path, { waitUntil: "networkidle" });
          for (const cell of cells) {
            await activateCell(page, cell);
            const controls = page.locator(`[data-cell="${cell}"] form.cell-controls input`);
            for (let i = 0; i < (await controls.count()); i++) {
              const control = controls.nth(i);
              const type = await control.getAttribute("type");
              for (const end of ["max", "min"] as const) {
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
          }
          found.push(...problems.map((p) => `${path}: ${p}`));
          await context.close();
        }
        expect(found).toEqual([]);
      }, 300_000);

    for (const js of [true, false]) {
      it(`on a 360 px phone ${js ? "with" : "without"} JavaScript, no figure text is smaller than 11 px`, async () => {
        const { dir, origin, browser } = site();
        const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: js });
        const found: string[] = [];
        for (const { path } of chaptersOf(dir)) {
          const page = await context.newPage();
          await page.goto(origin + path, { waitUntil: "networkidle" });
          if (js) await activateAll(page);
          const sizes = await page.$$eval(".cell-figure", (stages) =>
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
                    out.push({
                      cell,
                      text: text.textContent,
                      px: parseFloat(getComputedStyle(text).fontSize) * (box.width / viewBox.width),
                    });
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
          if (sizes.length === 0) found.push(`${path}: no figure text measured`);
          for (const s of sizes) if (s.px < 11) found.push(`${path} ${s.cell}: "${s.text}" at ${s.px.toFixed(1)} px`);
          await page.close();
        }
        await context.close();
        expect(found.slice(0, 20)).toEqual([]);
      }, 240_000);
    }

    it("without JavaScript: every figure is there, controls are disabled and say why", async () => {
      const { dir, origin, browser } = site();
      const context = await browser.newContext({ javaScriptEnabled: false });
      const found: string[] = [];
      for (const { path, cells } of chaptersOf(dir)) {
        const page = await context.newPage();
        await page.goto(origin + path);
        const missing = await page.$$eval("[data-cell]", (fs) =>
          fs.filter((f) => !f.querySelector(".cell-figure svg")).map((f) => f.getAttribute("data-cell")),
        );
        if (missing.length) found.push(`${path}: no static figure for ${missing.join(", ")}`);
        if ((await page.$$eval("[data-interactive] fieldset[disabled]", (f) => f.length)) !== cells.length)
          found.push(`${path}: controls not all disabled`);
        if ((await page.$$eval("[data-interactive] .needs-js", (f) => f.length)) !== cells.length)
          found.push(`${path}: a cell does not say it needs JavaScript`);
        await page.close();
      }
      await context.close();
      expect(found).toEqual([]);
    });
  });
}
