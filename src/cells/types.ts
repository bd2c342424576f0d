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

/**
 * One figure or explorer of a chapter. `data` runs at build time and returns a small JSON
 * payload; `plot` turns payload and input values into Plot options, the same function on the
 * server (static SVG) and in the browser; `describe` gives the text alternative and table.
 */
export interface CellDefinition<P = unknown, I extends Record<string, number | string | boolean> = Record<string, never>> {
  readonly id: string;
  readonly data: (input: CellInput) => P;
  readonly defaults: I;
  readonly plot: (payload: P, inputs: I, ctx: PlotContext) => PlotOptions;
  readonly describe: (payload: P, inputs: I, ctx: PlotContext) => { alt: string; table: DataTable };
}
