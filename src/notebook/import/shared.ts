import type { ReadCell } from "../readNotebook.ts";

/** A fence longer than any run of backticks in the text. */
export function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return "`".repeat(longest + 1);
}

/** A heading's text as an id: ASCII words joined by "-", starting with a letter; null when none. */
export function slug(text: string): string | null {
  const s = text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .replace(/^[0-9-]+/, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return s ? s : null;
}

export const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

/** What our own export marked a cell as (metadata.course): a figure, a solution, a timing, … */
export const marksOf = (cell: ReadCell): Record<string, unknown> => (isRecord(cell.metadata.course) ? cell.metadata.course : {});

/** A JSX attribute value, quoted: double quotes unless the text has them and no single ones. */
export const attr = (s: string): string => (s.includes('"') && !s.includes("'") ? `'${s}'` : `"${s.replace(/"/g, "&quot;")}"`);

/** What the import says it did, per cell and once per kind, and what needs a person. */
export class ImportReport {
  readonly lines: string[] = [];

  add(line: string): void {
    if (!this.lines.includes(line)) this.lines.push(line);
  }

  cell(cell: ReadCell, what: string): void {
    this.add(`cell ${cell.index + 1}: ${what}`);
  }
}
