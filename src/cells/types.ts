import type { PlotOptions } from "@observablehq/plot";
import type { Summary } from "../lib/analysis/summary.ts";
import type { SpikeDataset } from "../lib/spikes/dataset.ts";
import type { UiKey } from "../i18n/schema.ts";

/** What a cell's `data()` gets at build time: the dataset and the tutorial's summary of it. */
export interface CellInput {
  readonly dataset: SpikeDataset;
  readonly summary: Summary;
}

/** Translation and locale for drawing: labels and legends come from the page's language. */
export interface PlotContext {
  readonly locale: string;
  readonly t: (key: UiKey, params?: Record<string, string | number>) => string;
}

/** A figure's data as a table: the accessible alternative to the drawing. */
export interface DataTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

export type InputValue = number | boolean;
export type InputValues = Record<string, InputValue>;

/** A control of an interactive cell; `label` is a UI string key, `code` the notebook's name. */
export type InputSpec =
  | { kind: "range"; name: string; label: UiKey; code?: string; min: number; max: number; step: number; value: number }
  | { kind: "toggle"; name: string; label: UiKey; value: boolean }
  | { kind: "neuron"; name: string; label: UiKey; value: number; max: number };

/** A live number under an interactive figure (`data-output=key`), recomputed from its inputs only. */
export interface ReadoutSpec<P> {
  readonly key: string;
  readonly label: UiKey;
  readonly labelParams?: Record<string, UiKey>;
  /** The inputs it depends on: only a change of one of these recomputes it. */
  readonly inputs: readonly string[];
  readonly compute: (payload: P, inputs: InputValues) => number;
  readonly format: (value: number, locale: string) => string;
}

/** A figure split into a base redrawn only when `baseInputs` change and an overlay redrawn on every change. */
export interface Layers<P, I> {
  readonly baseInputs: readonly string[];
  readonly base: (payload: P, inputs: I, ctx: PlotContext) => PlotOptions;
  readonly overlay: (payload: P, inputs: I, ctx: PlotContext) => PlotOptions;
}

/** Fetches a file written by the build for this chapter (path relative to its data folder). */
export type FetchBytes = (path: string) => Promise<ArrayBuffer>;

/** A button of an interactive cell: the input values it sets (given the current view). */
export interface ActionSpec<P> {
  readonly name: string;
  readonly label: UiKey;
  readonly apply: (payload: P, inputs: InputValues, defaults: InputValues) => InputValues;
}

/** The interactive part of a cell: its controls, readouts, buttons and notes. */
export interface Interaction<P> {
  readonly inputs: (payload: P) => readonly InputSpec[];
  /** A new payload from files when these inputs change (e.g. another neuron). */
  readonly load?: {
    readonly inputs: readonly string[];
    readonly run: (inputs: InputValues, fetchBytes: FetchBytes, initial: P) => Promise<P>;
  };
  /** Inputs whose non-default values need the loaded payload: the build's holds the default view only. */
  readonly needsLoadFor?: readonly string[];
  /** Recomputes the view from the payload when these inputs change (e.g. a histogram's bins). */
  readonly prepare?: { readonly inputs: readonly string[]; readonly run: (payload: P, inputs: InputValues) => P };
  readonly readouts?: readonly ReadoutSpec<P>[];
  readonly actions?: readonly ActionSpec<P>[];
  readonly notes?: readonly UiKey[];
  /** The payload as inlined in the page, without what the build's SVG already shows. */
  readonly slim?: (payload: P) => P;
  /** UI strings the browser needs to draw (axis labels, legends, alt text). */
  readonly strings: readonly UiKey[];
  /** Name of the browser module in src/client/cells/ that runs this cell. */
  readonly client: string;
}

/**
 * One figure or explorer of a chapter. `data` runs at build time and returns a small JSON
 * payload; `plot` turns payload and input values into Plot options, the same function on the
 * server (static SVG) and in the browser; `describe` gives the text alternative and table.
 */
export interface CellDefinition<P = unknown, I extends InputValues = InputValues> {
  readonly id: string;
  readonly data: (input: CellInput) => P;
  readonly defaults: I;
  readonly plot: (payload: P, inputs: I, ctx: PlotContext) => PlotOptions;
  readonly describe: (payload: P, inputs: I, ctx: PlotContext) => { alt: string; table: DataTable };
  /** The text alternative alone, when it is much cheaper than `describe` (redone on every input). */
  readonly alt?: (payload: P, inputs: I, ctx: PlotContext) => string;
  readonly layers?: Layers<P, I>;
  readonly interaction?: Interaction<P>;
}

/** A cell with its payload and input types erased, as a chapter's list holds it. */
export type AnyCell = CellDefinition<never, never>;

/**
 * A chapter's cells, in the order they appear. Each cell is type-checked where it is defined;
 * the list forgets their payload types (a list cannot hold them all).
 */
export function cellList(
  ...cells: readonly { id: string; data: unknown; plot: unknown; describe: unknown; defaults: unknown }[]
): readonly AnyCell[] {
  return cells as unknown as readonly AnyCell[];
}
