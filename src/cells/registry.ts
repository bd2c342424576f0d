import type { AnyCell, CellInput } from "./types.ts";
import type { Computed, PythonOutput } from "./w1d1-tutorial1/outputs.ts";
import * as w1d1Tutorial1 from "./w1d1-tutorial1/index.ts";

/** What a chapter computes: its figures, its code cells' printed outputs, its numbers in prose. */
export interface ChapterCells {
  readonly cells: readonly AnyCell[];
  readonly pythonOutputs: (input: CellInput) => Record<string, PythonOutput>;
  readonly proseValues: (input: CellInput, locale: string) => Record<string, Computed>;
  /** Files the browser fetches on demand, by path under data/<chapter>/. */
  readonly dataFiles?: (input: CellInput) => Map<string, Uint8Array>;
}

/** Chapters by their path under content/<locale>/ (the same in every locale). */
export const CHAPTERS: Readonly<Record<string, ChapterCells>> = {
  "w1d1/tutorial1": w1d1Tutorial1,
};

/** The chapter's cells, or an error naming the chapter when it has none registered. */
export function chapterCells(slug: string): ChapterCells {
  const chapter = CHAPTERS[slug];
  if (!chapter) throw new Error(`content/*/${slug}/index.mdx: no cells are registered for chapter "${slug}" in src/cells/registry.ts`);
  return chapter;
}

/** A cell of a chapter by id, or an error listing the ids that exist. */
export function findCell(slug: string, id: string): AnyCell {
  const cells = chapterCells(slug).cells;
  const cell = cells.find((c) => c.id === id);
  if (!cell) throw new Error(`chapter ${slug}: no cell "${id}" (cells: ${cells.map((c) => c.id).join(", ")})`);
  return cell;
}
