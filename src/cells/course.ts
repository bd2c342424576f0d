import type { CellDefinition, CellView, PlotContext } from "./types.ts";
import type { Computed, PythonOutput } from "./outputs.ts";

/** Where a dataset's numbers came from, as every page built from it says. */
export interface DatasetInfo {
  /** The declaration's id (src/datasets/<id>.ts). */
  readonly id: string;
  /** The real recording, a synthetic stand-in, or another file given to the build. */
  readonly source: "real" | "synthetic" | "file";
  /** The file's name, or a description of the generator. */
  readonly origin: string;
  /** SHA-256 of the file (or of the stand-in's export), hex. */
  readonly sha256: string | null;
  /** For a stand-in: the generator's version and seed. */
  readonly generator?: { readonly version: number; readonly seed: number };
  /** A short hash of the content: files written from this dataset for the browser are addressed by it. */
  readonly key: string;
  readonly citation?: { readonly text: string; readonly url: string };
}

/** A dataset as loaded and validated: its value for the chapter's code, and what it is. */
export interface LoadedDataset<T> {
  readonly value: T;
  readonly info: DatasetInfo;
}

/** What the environment of a build offers a dataset loader: variables and the project root. */
export interface LoadEnvironment {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly root: string;
}

/**
 * A dataset a chapter reads (src/datasets/<id>.ts): how to load it (a file named by an
 * environment variable or a default path, or a stand-in), once per build however many
 * chapters and locales use it. A bad file throws one line naming the file and the problem.
 */
export interface DatasetDeclaration<T> {
  readonly id: string;
  /** The work to cite for the data (bibliographic, the same in every language). */
  readonly citation?: { readonly text: string; readonly url: string };
  /** One line for the build log: which data this is and why (file given, default file, stand-in). */
  readonly describe: (environment: LoadEnvironment) => string;
  readonly load: (environment: LoadEnvironment) => LoadedDataset<T>;
}

/** The datasets a chapter's code sees, by the names the chapter gave them. */
export type DatasetValues<D> = { readonly [K in keyof D]: D[K] extends DatasetDeclaration<infer T> ? T : never };

/** What a chapter's cells, outputs and values compute from: its datasets and its own summary of them. */
export interface ChapterContext<V, S> {
  readonly data: V;
  readonly summary: S;
}

/**
 * Files the browser fetches on demand (a neuron's ISIs, a block of the recording), computed
 * from one of the chapter's datasets. Written once under /data/<key>/ where the key is a hash
 * of the files' names and bytes: chapters on the same data share them, and a change to what
 * `build` makes is a new address (no cache serves the old bytes).
 */
export interface FileSet<T> {
  /** Names the encoding, the same in every chapter that uses it: "spikes/isi-f32". */
  readonly id: string;
  readonly build: (data: T) => Map<string, Uint8Array>;
}

/** A file set of a chapter, over one of its datasets (by the chapter's name for it). */
export interface ChapterFiles<D> {
  readonly set: FileSet<never>;
  readonly dataset: keyof D & string;
}

/**
 * A chapter's module, src/cells/<chapter>/chapter.ts (default export): the datasets it
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
  readonly outputs?: Readonly<Record<string, (ctx: ChapterContext<DatasetValues<D>, S>) => PythonOutput>>;
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

/** A file set over a dataset, typed by the dataset's value. */
export function fileSet<T>(set: FileSet<T>): FileSet<never> {
  return set;
}
