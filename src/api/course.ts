import type { CellDefinition, CellView, PlotContext } from "./types.ts";
import type { Computed, FixedOutput, PythonOutput } from "./outputs.ts";
import type { DatasetDeclaration, FileSet } from "../lib/datasets/declaration.ts";

export type { DatasetDeclaration, DatasetInfo, FileSet, LoadedDataset, LoadEnvironment } from "../lib/datasets/declaration.ts";
export { fileSet } from "../lib/datasets/declaration.ts";
export type { CourseInput } from "../lib/courseConfig.ts";
import type { CourseInput } from "../lib/courseConfig.ts";

/** Declares the course file, course.config.ts (identity, for type checking; the build validates it). */
export function defineCourse(course: CourseInput): CourseInput {
  return course;
}

/** The datasets a chapter's code sees, by the names the chapter gave them. */
export type DatasetValues<D> = { readonly [K in keyof D]: D[K] extends DatasetDeclaration<infer T> ? T : never };

/** What a chapter's cells, outputs and values compute from: its datasets and its own summary of them. */
export interface ChapterContext<V, S> {
  readonly data: V;
  readonly summary: S;
}

/** A file set of a chapter, over one of its datasets (by the chapter's name for it). */
export interface ChapterFiles<D> {
  readonly set: FileSet<never>;
  readonly dataset: keyof D & string;
}

/**
 * A chapter's module, chapters/<chapter>/chapter.ts (default export): the datasets it
 * reads, the summary it computes once, its cells (in the order the MDX uses them), the printed
 * outputs of its code cells and the numbers its prose quotes (keys fixed here, values from
 * the data), and the file sets its interactive cells fetch.
 */
export interface ChapterDefinition<D extends Record<string, DatasetDeclaration<unknown>>, S> {
  readonly datasets: D;
  readonly summarize: (data: DatasetValues<D>) => S;
  /** The cells, or a function that pairs views with their data given a `cell` typed for this chapter. */
  readonly cells:
    | readonly CellDefinition<unknown, ChapterContext<DatasetValues<D>, S>>[]
    | ((cell: CellFactory<ChapterContext<DatasetValues<D>, S>>) => readonly CellDefinition<unknown, ChapterContext<DatasetValues<D>, S>>[]);
  /** What its code cells print, by `<CodeCell output>` key: computed from the data, or `fixedOutput(...)` when it does not depend on it. */
  readonly outputs?: Readonly<Record<string, ((ctx: ChapterContext<DatasetValues<D>, S>) => PythonOutput) | FixedOutput>>;
  /** Each number the prose quotes, formatted for a locale (`text.t` reads the chapter's strings). */
  readonly values?: Readonly<Record<string, (ctx: ChapterContext<DatasetValues<D>, S>, text: PlotContext) => Computed>>;
  readonly files?: Readonly<Record<string, ChapterFiles<D>>>;
  /** How the chapter's notebook (/<locale>/<chapter>/notebook.ipynb) loads its data. */
  readonly notebook?: ChapterNotebook;
}

/**
 * The notebook's data: the code cell that loads the data holds `dataCell` (the real
 * recording's address); when the page was built from a stand-in, that cell gets commented lines
 * loading the stand-in instead, from a file of one of the chapter's file sets (`standIn.files`,
 * the file `standIn.path`); `load` is Python, `{url}` standing for the file's address.
 */
export interface ChapterNotebook {
  readonly dataCell: string;
  readonly standIn?: { readonly files: string; readonly path: string; readonly load: string };
}

/** Pairs a view with the computation of its payload from a chapter's context. */
export type CellFactory<C> = <P>(view: CellView<P>, data: (ctx: C) => P) => CellDefinition<unknown, C>;

/** A chapter's cells as a list, whichever way the chapter wrote them. */
export function chapterCells<C>(
  cells: readonly CellDefinition<unknown, C>[] | ((cell: CellFactory<C>) => readonly CellDefinition<unknown, C>[]),
): readonly CellDefinition<unknown, C>[] {
  return typeof cells === "function" ? cells((view, data) => ({ view, data }) as unknown as CellDefinition<unknown, C>) : cells;
}

/** Declares a chapter (identity, for type inference). */
export function defineChapter<D extends Record<string, DatasetDeclaration<unknown>>, S>(
  chapter: ChapterDefinition<D, S>,
): ChapterDefinition<D, S> {
  return chapter;
}

/** A chapter with its types erased, as the generator holds it. */
export type AnyChapter = ChapterDefinition<Record<string, DatasetDeclaration<unknown>>, unknown>;
