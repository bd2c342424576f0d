import type { DatasetInfo } from "../api/course.ts";
import type { Computed, PythonOutput } from "../api/outputs.ts";
import type { DataTable, InputSpec } from "../api/types.ts";

/** A control as the page draws it: its spec, its label and its value as text, in the page's language. */
export interface RenderedControl {
  readonly spec: InputSpec;
  readonly label: string;
  readonly valueText: string;
  /** The accessible name of the number field beside a slider. */
  readonly numberName: string;
  /** The label's language when it fell back to the source's strings (in a cell that has some of its own). */
  readonly lang?: string;
}

/** An interactive cell's parts that the page draws before any script runs. */
export interface RenderedInteraction {
  readonly controls: readonly RenderedControl[];
  readonly readouts: readonly {
    readonly key: string;
    readonly label: string;
    readonly value: number;
    readonly text: string;
    /** The value as words for assistive technology, where the written form would be misread. */
    readonly spoken: string | undefined;
    readonly hidden: boolean;
    readonly best: boolean;
    /** The label's language when it fell back to the source's strings. */
    readonly lang?: string;
  }[];
  readonly actions: readonly { readonly name: string; readonly label: string; readonly lang?: string }[];
  readonly notes: readonly string[];
  /** What the browser needs to bring the cell to life (JSON, `<` escaped). */
  readonly config: string;
}

/** A cell drawn for one locale at its default inputs: the static figure and its accessible twins. */
export interface RenderedCell {
  /** The figure at the page's full width (640 px), and drawn again for phones (320 px). */
  readonly svg: string;
  readonly narrowSvg: string;
  readonly alt: string;
  readonly table: DataTable;
  /** What the figure shows now, in words (interactive cells). */
  readonly state?: string;
  readonly interactive?: RenderedInteraction;
  /** The language of its labels when it is not the page's: every chapter string it used fell back to the source's. */
  readonly lang?: string;
}

/** A dataset as a page describes it, in the page's language. */
export interface RenderedDataset extends DatasetInfo {
  /** What the data is ("the real recording (Steinmetz et al. 2019)"). */
  readonly title: string;
  /** How to build the page from the real data, when it has a stand-in. */
  readonly howToReal: string | null;
}

/** What a chapter's pages show in one locale. */
export interface ChapterLocale {
  readonly cells: Readonly<Record<string, RenderedCell>>;
  readonly values: Readonly<Record<string, Computed>>;
  readonly datasets: readonly RenderedDataset[];
  /** UI strings the chapter's interactive cells use in the browser (JSON, `<` escaped). */
  readonly clientStrings: string;
}

/**
 * Everything the build computed for a chapter, by locale: written once by the course
 * integration, read by the chapter's pages. Pages compute nothing from the data themselves.
 */
export interface ChapterStore {
  readonly slug: string;
  /** What the chapter's notebook needs to load the data the page was built from (null: no notebook data cell). */
  readonly notebookData: { readonly match: string; readonly standIn: { readonly load: string; readonly url: string } | null } | null;
  readonly outputs: Readonly<Record<string, PythonOutput>>;
  /** Outputs that do not depend on the data (declared with fixedOutput): they carry no stand-in mark. */
  readonly fixedOutputs: readonly string[];
  readonly locales: Readonly<Record<string, ChapterLocale>>;
  /** The folders of the chapter's file sets (`/data/<key>/`, each with its list of files): what its figures can fetch. */
  readonly dataFolders: readonly string[];
}
