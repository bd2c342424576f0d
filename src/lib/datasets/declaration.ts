/** What a dataset is to the generator: how it loads, what it says about itself, the files made from it. */

/** Where a dataset's numbers came from, as every page built from it says. */
export interface DatasetInfo {
  /** The declaration's id (datasets/<id>/index.ts). */
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
 * A dataset a chapter reads (datasets/<id>/index.ts): how to load it (a file named by an
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

/**
 * Files the browser fetches on demand (a neuron's ISIs, a block of the recording), computed
 * from one of the chapter's datasets. Written once under /data/<key>/ where the key is a hash
 * of the files' names and bytes: chapters on the same data share them, and a change to what
 * `build` makes is a new address (no cache serves the old bytes).
 */
export interface FileSet<T> {
  /** Names the encoding, the same in every chapter that uses it: "spikes/isi-counts". */
  readonly id: string;
  readonly build: (data: T) => Map<string, Uint8Array>;
}

/** A file set over a dataset, typed by the dataset's value. */
export function fileSet<T>(set: FileSet<T>): FileSet<never> {
  return set;
}
