import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { expect } from "vitest";

/**
 * Normalizes Plot's SVG for comparison: numbers rounded to one decimal, generated ids
 * renumbered in order of appearance, so only a real change in the drawing shows as a diff.
 */
export function normalizeSvg(svg: string): string {
  const ids = new Map<string, string>();
  return svg
    .replace(/-?\d+\.\d+(e-?\d+)?/g, (n) => {
      const r = Math.round(Number(n) * 10) / 10;
      return String(Object.is(r, -0) ? 0 : r);
    })
    .replace(/plot-clip-\d+|plot-\w+-\d+/g, (id) => {
      if (!ids.has(id)) ids.set(id, `id-${ids.size + 1}`);
      return ids.get(id)!;
    })
    .replace(/></g, ">\n<");
}

/**
 * Compares with a committed snapshot. A missing or different snapshot fails; it is written
 * only when UPDATE_SNAPSHOTS=1 and never in CI, so a snapshot is never rewritten silently.
 */
export function matchSnapshot(path: string, actual: string): void {
  const update = process.env.UPDATE_SNAPSHOTS === "1" && !process.env.CI;
  if (update) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path))
    throw new Error(`no snapshot at ${path}; review the output and run UPDATE_SNAPSHOTS=1 npx vitest run to create it`);
  expect(actual, `snapshot ${path} (UPDATE_SNAPSHOTS=1 to accept a deliberate change)`).toBe(readFileSync(path, "utf8"));
}
