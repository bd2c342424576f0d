import type { PlotOptions } from "@observablehq/plot";

/**
 * A UI string by key, with `{name}` parameters filled in: the chapter's own strings first
 * (chapters/<chapter>/strings/<locale>.json), then the site's (src/translation/ui/<locale>.json).
 */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Translation and locale for drawing: labels and legends come from the page's language. */
export interface PlotContext {
  readonly locale: string;
  readonly t: Translate;
}

/** A figure's data as a table: the accessible alternative to the drawing. */
export interface DataTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

export type InputValue = number | boolean;
export type InputValues = Readonly<Record<string, InputValue>>;

/**
 * A control of an interactive cell. `label` is a UI string key; `code` the notebook's name for
 * it, shown beside the label; `value` is the default (the only place a default is written).
 * A `range` is a slider, an `integer` a number field taken when complete (Enter or leaving it),
 * a `toggle` a checkbox.
 */
export type InputSpec =
  | {
      readonly kind: "range";
      readonly name: string;
      readonly label: string;
      readonly code?: string;
      readonly min: number;
      readonly max: number;
      readonly step: number;
      readonly value: number;
      /** UI string key of the value's unit, spelt out ("seconds"): said with the value to assistive technology. */
      readonly unit?: string;
    }
  | {
      readonly kind: "integer";
      readonly name: string;
      readonly label: string;
      readonly code?: string;
      readonly min: number;
      readonly max: number;
      readonly value: number;
      /** UI string key of the value's unit, spelt out. */
      readonly unit?: string;
    }
  | { readonly kind: "toggle"; readonly name: string; readonly label: string; readonly value: boolean };

/** A live number under an interactive figure (`data-output=key`), recomputed from its declared inputs only. */
export interface ReadoutSpec<P> {
  readonly key: string;
  readonly label: string;
  /** Parameters of the label that are themselves UI string keys. */
  readonly labelParams?: Readonly<Record<string, string>>;
  /** The inputs it reads: it receives these and no others, and only their change recomputes it. */
  readonly inputs: readonly string[];
  readonly compute: (payload: P, inputs: InputValues) => number;
  readonly format: (value: number, locale: string) => string;
  /** How the value is said when the written form would be misread aloud (superscript exponents): words in the reader's language. */
  readonly spoken?: (value: number, ctx: PlotContext) => string;
  /** A toggle input that shows this readout's curve: the readout is hidden while it is off. */
  readonly shownBy?: string;
  /** Readouts marked "min" compete: the smallest of those shown is marked as the lowest. */
  readonly best?: "min";
}

/** One layer of a figure drawn in two: the inputs it reads and its drawing. */
export interface LayerSpec<P> {
  readonly inputs: readonly string[];
  readonly plot: (payload: P, inputs: InputValues, ctx: PlotContext) => PlotOptions;
}

/** A figure split into a base redrawn only when its inputs change and an overlay redrawn on its own. */
export interface Layers<P> {
  readonly base: LayerSpec<P>;
  readonly overlay: LayerSpec<P>;
}

/** Fetches a file the build wrote for one of the chapter's file sets (`files` in chapter.ts). */
export type FetchFile = (set: string, path: string) => Promise<ArrayBuffer>;

/** A new payload from the chapter's files when some inputs change (another neuron, another window). */
export interface LoadSpec<P> {
  readonly inputs: readonly string[];
  /** Inputs whose non-default values also need the loaded payload (the build's holds the default view only). */
  readonly alsoFor?: readonly string[];
  /** What is being loaded, for the status line: "neuron 12", "5–15 s". */
  readonly describe: (inputs: InputValues, ctx: PlotContext) => string;
  readonly run: (inputs: InputValues, fetchFile: FetchFile, initial: P) => Promise<P>;
}

/** A button of an interactive cell: the input values it sets, given the current view. */
export interface ActionSpec<P> {
  readonly name: string;
  readonly label: string;
  readonly apply: (payload: P, inputs: InputValues, defaults: InputValues) => Record<string, InputValue>;
}

/** The interactive part of a cell: its controls and what they drive. */
export interface Interaction<P> {
  /** The controls, in order; their `value`s are the defaults. */
  readonly inputs: (payload: P) => readonly InputSpec[];
  readonly load?: LoadSpec<P>;
  /** Recomputes the view from the payload when these inputs change (a histogram's bins). */
  readonly prepare?: { readonly inputs: readonly string[]; readonly run: (payload: P, inputs: InputValues) => P };
  readonly readouts?: readonly ReadoutSpec<P>[];
  readonly actions?: readonly ActionSpec<P>[];
  /**
   * Keeps inputs within what the data has when one depends on another (a window that may not
   * run past the recording): given every value, returns the ones to change.
   */
  readonly constrain?: (payload: P, inputs: InputValues) => Record<string, InputValue>;
  /** UI string keys of notes shown under the controls. */
  readonly notes?: readonly string[];
  /** The payload as inlined in the page, without what the build's SVG already shows. */
  readonly slim?: (payload: P) => P;
}

/**
 * What a figure looks like, the same code on the server (static SVG) and in the browser:
 * `plot` turns a payload and input values into Plot options, `describe` gives the text
 * alternative and the data table. An interactive cell's view lives in `<cell-id>.cell.ts`
 * (its default export), which the browser loads on demand.
 */
export interface CellView<P = never> {
  readonly id: string;
  readonly plot: (payload: P, inputs: InputValues, ctx: PlotContext) => PlotOptions;
  readonly describe: (payload: P, inputs: InputValues, ctx: PlotContext) => { alt: string; table: DataTable };
  /** One visible line under the caption saying what the figure shows now (neuron, bins, window). */
  readonly state?: (payload: P, inputs: InputValues, ctx: PlotContext) => string;
  readonly layers?: Layers<P>;
  readonly interaction?: Interaction<P>;
}

/** A view with its payload type erased, as lists and the browser runtime hold it. */
export type AnyView = CellView;

/** A cell of a chapter: its view, and the build-time computation of its payload from the chapter's data. */
export interface CellDefinition<P, C> {
  readonly view: CellView<P>;
  readonly data: (ctx: C) => P;
}

/** Pairs a view with the computation of its payload (each type-checked against the other). */
export function cell<P, C>(view: CellView<P>, data: (ctx: C) => P): CellDefinition<unknown, C> {
  return { view, data } as unknown as CellDefinition<unknown, C>;
}

/** The default input values of a view for a payload: the `value` of each of its controls. */
export function defaultInputs<P>(view: CellView<P>, payload: P): Record<string, InputValue> {
  return Object.fromEntries((view.interaction?.inputs(payload) ?? []).map((s) => [s.name, s.value]));
}
