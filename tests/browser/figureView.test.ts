import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { activateCell, browserSuite, reusedPages } from "../helpers/browser.ts";

// A figure as a reader sees it while using it: its curves named where no name covers another
// name, a curve or the bars, at a phone's width and a desktop's, in every language; and its
// drawing on screen beside the control being moved, on a phone and at 200% zoom.
const env = browserSuite();
const pages = reusedPages(() => env.browser);
afterAll(() => pages.close());
const EXPLORER = "isi-function-explorer";
const open = (locale: string, viewport: { width: number; height: number }, scale = 1) =>
  pages.open(`${env.server.origin}/${locale}/w1d1/tutorial1/`, { viewport, deviceScaleFactor: scale });

/** What each drawn curve name covers: other names, any curve's line, the bars' area (points inside its box). */
function collisions(page: Page): Promise<string[]> {
  return page.evaluate((cell) => {
    const stage = document.querySelector(`[data-cell="${cell}"] .cell-figure`)!;
    const labels = [...stage.querySelectorAll<SVGTextElement>("text[class^='curve-label-']")];
    const boxes = labels.map((l) => ({ name: l.getAttribute("class")!, box: l.getBoundingClientRect() }));
    const within = (x: number, y: number, b: DOMRect) => x > b.left && x < b.right && y > b.top && y < b.bottom;
    const found: string[] = [];
    boxes.forEach((a, i) => {
      for (const b of boxes.slice(i + 1)) {
        if (a.box.left < b.box.right && b.box.left < a.box.right && a.box.top < b.box.bottom && b.box.top < a.box.bottom)
          found.push(`${a.name} over ${b.name}`);
      }
    });
    // Every drawn line and area, sampled along its outline in screen coordinates.
    for (const path of stage.querySelectorAll<SVGPathElement>("g[class^='curve-'] path, g.mark-bars path")) {
      const matrix = path.getScreenCTM()!;
      const length = path.getTotalLength();
      for (let s = 0; s <= length; s += 2) {
        const p = new DOMPoint(path.getPointAtLength(s).x, path.getPointAtLength(s).y).matrixTransform(matrix);
        for (const { name, box } of boxes)
          if (within(p.x, p.y, box)) {
            found.push(`${name} over ${path.closest("g")!.getAttribute("class")!}`);
            break;
          }
      }
    }
    return [...new Set(found)];
  }, EXPLORER);
}

describe("curve names", () => {
  for (const locale of ["en", "ja"])
    for (const width of [360, 1280])
      it(`${locale} at ${width} px: no name covers another, a curve or the bars, before and after Best fit`, async () => {
        const page = await open(locale, { width, height: 900 });
        await activateCell(page, EXPLORER);
        const named = () => page.$$eval(`[data-cell="${EXPLORER}"] text[class^='curve-label-']`, (t) => t.length);
        // On a wide screen every curve is named on its line; on a phone, those with room (the legend names all).
        expect(await named()).toBeGreaterThanOrEqual(width > 1000 ? 3 : 1);
        expect(await page.$$eval(`[data-cell="${EXPLORER}"] .cell-figure [class$="-swatch"]`, (s) => s.length)).toBe(3);
        expect(await collisions(page)).toEqual([]);
        await page.click(`[data-cell="${EXPLORER}"] button[data-action="best-fit"]`);
        await page.waitForSelector(`[data-cell="${EXPLORER}"]:not([data-busy])`);
        await page.waitForTimeout(100);
        expect(await collisions(page)).toEqual([]);
      });
});

describe("the drawing stays in view while its controls move", () => {
  /** The drawing, the control and the header on screen, and every control's place in the page. */
  const where = (page: Page, id: string) =>
    page.evaluate(
      ([cell, control]) => {
        const figure = document.querySelector(`[data-cell="${cell}"]`)!;
        const drawing = figure.querySelector(".cell-figure svg:not(span svg)")!.getBoundingClientRect();
        const box = document.getElementById(control)!.getBoundingClientRect();
        const header = document.querySelector(".site-header")!.getBoundingClientRect();
        const inPage = [...figure.querySelectorAll("form input")].map((i) => Math.round(i.getBoundingClientRect().top + scrollY));
        return { drawing, box, header, height: innerHeight, inPage, pinned: figure.hasAttribute("data-pinned") };
      },
      [EXPLORER, id] as const,
    );
  type Place = Awaited<ReturnType<typeof where>>;
  /** The drawing: below the header, on screen (at least a fifth of it tall), with the control below it, also on screen. */
  const inView = (place: Place, id: string) => {
    expect(place.pinned, id).toBe(true);
    expect(place.drawing.top, id).toBeGreaterThanOrEqual(place.header.bottom - 1);
    expect(place.drawing.bottom, id).toBeLessThanOrEqual(place.height);
    expect(place.drawing.height, id).toBeGreaterThan(place.height * 0.2);
    expect(place.box.top, id).toBeGreaterThanOrEqual(place.drawing.bottom - 1);
    expect(place.box.bottom, id).toBeLessThanOrEqual(place.height + 1);
  };

  for (const [name, viewport, scale] of [
    ["a 360 px phone", { width: 360, height: 740 }, 2],
    ["a desktop at 200% zoom", { width: 640, height: 450 }, 2],
  ] as const) {
    it(`on ${name}: each control reached by Tab shows beside the drawing, which it never sits under, and nothing in the page moves`, async () => {
      const page = await open("en", viewport, scale);
      await activateCell(page, EXPLORER);
      const controls = await page.$$eval(`[data-cell="${EXPLORER}"] form input`, (inputs) => inputs.map((i) => i.id));
      expect(controls.length).toBeGreaterThan(8);
      const before = (await where(page, controls[0]!)).inPage;
      // The browser's own account of what moved on screen (focus given by script is no input of
      // the reader's, so every shift is counted): pinning the drawing moves nothing.
      await page.evaluate(() => {
        const w = window as unknown as { shifted: string[] };
        w.shifted = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { value: number; sources: { node?: Node | null }[] })[])
            w.shifted.push(
              `${e.value.toFixed(4)} ${e.sources.map((s) => (s.node as Element | null)?.className ?? s.node?.nodeName).join(", ")}`,
            );
        }).observe({ type: "layout-shift" });
      });
      for (const id of controls) {
        await page.focus(`#${id}`);
        await page.evaluate(() => new Promise(requestAnimationFrame));
        const place = await where(page, id);
        inView(place, id);
        expect(place.inPage, id).toEqual(before);
      }
      await page.evaluate(() => new Promise(requestAnimationFrame));
      expect(await page.evaluate(() => (window as unknown as { shifted: string[] }).shifted)).toEqual([]);
    });

    it(`on ${name}: a tap on a checkbox toggles it, then the drawing comes into view without covering it`, async () => {
      const page = await open("en", viewport, scale);
      await activateCell(page, EXPLORER);
      const id = `${EXPLORER}-show_linear`;
      // The drawing far above: the checkbox at the bottom of the screen.
      await page.evaluate((control) => {
        const box = document.getElementById(control)!.getBoundingClientRect();
        scrollBy(0, box.bottom - innerHeight + 20);
      }, id);
      await page.click(`#${id}`);
      expect(await page.isChecked(`#${id}`)).toBe(false);
      await page.waitForFunction((cell) => !document.querySelector(`[data-cell="${cell}"] .curve-linear`), EXPLORER);
      await page.evaluate(() => new Promise(requestAnimationFrame));
      inView(await where(page, id), id);
      // Dragging a slider keeps its drawing pinned too.
      const slider = page.locator(`#${EXPLORER}-lin_y0`);
      await slider.scrollIntoViewIfNeeded();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      const box = (await slider.boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2, { steps: 4 });
      expect(await where(page, `${EXPLORER}-lin_y0`)).toHaveProperty("pinned", true);
      await page.mouse.up();
      await page.evaluate(() => new Promise(requestAnimationFrame));
      inView(await where(page, `${EXPLORER}-lin_y0`), `${EXPLORER}-lin_y0`);
    });
  }
});
