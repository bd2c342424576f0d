import type { Page } from "playwright-core";

/**
 * Reading a figure through the project's own hooks: the cell's `data-cell`, the classes our
 * cells give their marks (`mark-bars`, `curve-exponential`, `axis-y`, ...), `data-output`
 * readouts. Never Plot's generated class names or attribute layout.
 */
export const cellSelector = (cell: string): string => `[data-cell="${cell}"]`;

/** The drawing of a cell as markup: any change of what is drawn changes it. */
export function figureMarkup(page: Page, cell: string): Promise<string> {
  return page.$eval(`${cellSelector(cell)} .cell-figure`, (el) => el.innerHTML);
}

/** How many elements one of our marks drew (bars of a histogram, rows of a raster, ...). */
export function markCount(page: Page, cell: string, mark: string, element = "*"): Promise<number> {
  return page.$$eval(`${cellSelector(cell)} .cell-figure .${mark} ${element}`, (els) => els.length);
}

/** Whether a mark is drawn at all. */
export function hasMark(page: Page, cell: string, mark: string): Promise<boolean> {
  return page.$$eval(`${cellSelector(cell)} .cell-figure .${mark}`, (els) => els.length > 0);
}

/** The path data of each model curve drawn, by model (a curve cut by the plot's edge has several paths). */
export function curvePaths(page: Page, cell: string, models: readonly string[]): Promise<Record<string, string>> {
  return page.$$eval(
    `${cellSelector(cell)} .cell-figure [class*="curve-"]`,
    (groups, names) =>
      Object.fromEntries(
        names
          .map((m) => [m, groups.filter((g) => g.classList.contains(`curve-${m}`))] as const)
          .filter(([, gs]) => gs.length > 0)
          .map(([m, gs]) => [m, gs.flatMap((g) => [...g.querySelectorAll("path")].map((p) => p.getAttribute("d") ?? "")).join(" ")]),
      ),
    models,
  );
}

/** The numeric labels along the y axis, top to bottom as the reader sees them sorted by value. */
export function yTickLabels(page: Page, cell: string): Promise<string[]> {
  return page.$$eval(`${cellSelector(cell)} .cell-figure .axis-y text`, (texts) =>
    texts.map((t) => t.textContent.trim()).filter((s) => /^[\d,.\s]+$/.test(s)),
  );
}

/** A cell's live readouts (`data-output` keys with their numeric `data-value`). */
export function readouts(page: Page, cell: string): Promise<Record<string, number>> {
  return page.$$eval(`${cellSelector(cell)} .cell-readouts [data-output]`, (els) =>
    Object.fromEntries(els.map((e): [string, number] => [e.getAttribute("data-output") ?? "", Number(e.getAttribute("data-value"))])),
  );
}

/** One readout's raw `data-value`. */
export function readout(page: Page, cell: string, key: string): Promise<string | null> {
  return page.getAttribute(`${cellSelector(cell)} [data-output="${key}"]`, "data-value");
}
