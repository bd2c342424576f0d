import * as Plot from "@observablehq/plot";
import { fitOnGrid, type Fit, type ParamGrid } from "#lib/analysis/fit.ts";
import { binCenters, MODEL_NAMES, MODELS, sumSquaredErrors, type ModelName } from "#lib/analysis/models.ts";
import { formatNumber } from "#lib/format/number.ts";
import { clipToBand } from "#lib/plot/clip.ts";
import { lineLabelsMark } from "#lib/plot/labels.ts";
import { polylineMark, stepAreaMark } from "#lib/plot/paths.ts";
import { BASE, DASHES } from "#lib/plot/theme.ts";
import { COLORS } from "./colors.ts";
import type { CellView, InputSpec, InputValues, PlotContext, ReadoutSpec } from "#course";
import { ISI_NEURON, type IsiPayload } from "./isiData.ts";
import { describeIsis, loadIsis } from "./isi-histogram.cell.ts";

export type ExplorerParam = "exp_scale" | "exp_rate" | "exp_x0" | "inv_scale" | "inv_x0" | "lin_slope" | "lin_y0";

/** A slider of Interactive Demo 4, named, ranged and stepped exactly as in the notebook. */
export interface SliderSpec extends ParamGrid {
  readonly name: ExplorerParam;
  readonly model: ModelName;
  readonly value: number;
  /** Its unit's UI string key, where the parameter has a plain one (the curves are in spikes per bin against seconds). */
  readonly unit?: string;
}

/**
 * The notebook's sliders. `inv_scale` defaults to 1000 there, outside its 0..300 range;
 * ipywidgets clamps it to 300, and so do we (the page says so under the explorer).
 */
export const SLIDERS: readonly SliderSpec[] = [
  { name: "exp_scale", model: "exponential", min: 0, max: 20000, step: 250, value: 1000, unit: "unit.spikes" },
  { name: "exp_rate", model: "exponential", min: -200, max: 50, step: 1, value: -10, unit: "unit.perSecond" },
  { name: "exp_x0", model: "exponential", min: -0.5, max: 0.5, step: 0.005, value: 0.1, unit: "unit.seconds" },
  { name: "inv_scale", model: "inverse", min: 0, max: 300, step: 10, value: 300, unit: "unit.spikeSeconds" },
  { name: "inv_x0", model: "inverse", min: -0.2, max: 0.2, step: 0.01, value: 0, unit: "unit.seconds" },
  { name: "lin_slope", model: "linear", min: -600000, max: 100000, step: 10000, value: -100000, unit: "unit.spikesPerSecond" },
  { name: "lin_y0", model: "linear", min: 0, max: 40000, step: 1000, value: 10000, unit: "unit.spikes" },
];

export interface ExplorerPayload extends IsiPayload {
  /** Least squares among the sliders' values: what "best fit" sets. */
  readonly bestOnGrid: Record<ModelName, Fit>;
}

/** A family's parameters from the inputs, in the model function's order. */
export function paramsOf(model: ModelName, inputs: InputValues): number[] {
  return SLIDERS.filter((s) => s.model === model).map((s) => inputs[s.name] as number);
}

/** Sum of squared errors of one curve against the histogram counts, at the bin centres. */
export function curveError(p: IsiPayload, model: ModelName, inputs: InputValues): number {
  return sumSquaredErrors(model, paramsOf(model, inputs), binCenters(p.hist.edges), p.hist.counts);
}

/** `np.linspace(1e-10, edges.max())`: where the notebook evaluates the curves (50 points). */
export function curveXs(edges: readonly number[]): number[] {
  const stop = edges[edges.length - 1]!;
  return Array.from({ length: 50 }, (_, i) => (i === 49 ? stop : 1e-10 + (i * (stop - 1e-10)) / 49));
}

/** Adds the least-squares fits to a neuron's ISI summary (the grid search takes ~50 ms). */
export function withFits(base: IsiPayload): ExplorerPayload {
  const xs = binCenters(base.hist.edges);
  const fit = (f: (m: ModelName) => Fit) => Object.fromEntries(MODEL_NAMES.map((m) => [m, f(m)])) as Record<ModelName, Fit>;
  return {
    neuron: base.neuron,
    nNeurons: base.nNeurons,
    count: base.count,
    mean: base.mean,
    max: base.max,
    hist: base.hist,
    bestOnGrid: fit((m) =>
      fitOnGrid(
        m,
        SLIDERS.filter((s) => s.model === m),
        xs,
        base.hist.counts,
      ),
    ),
  };
}

/** Scales shared by both layers, so the redrawn curves sit exactly on the histogram. */
function frame(p: IsiPayload, t: PlotContext["t"], axes: boolean): Plot.PlotOptions {
  const { counts, edges } = p.hist;
  return {
    ...BASE,
    x: { domain: [edges[0]!, edges[edges.length - 1]!], ...(axes ? { label: t("axis.isi"), labelArrow: "none" } : { axis: null }) },
    y: {
      domain: [0, Math.max(...counts) * 1.1],
      ...(axes ? { label: t("axis.numberOfSpikes"), labelArrow: "none", grid: true } : { axis: null }),
    },
  };
}

const shownModels = (inputs: InputValues) => MODEL_NAMES.filter((m) => inputs[`show_${m}`] !== false);

function base(p: IsiPayload, inputs: InputValues, { t }: PlotContext): Plot.PlotOptions {
  const { counts, edges } = p.hist;
  const shown = shownModels(inputs);
  return {
    ...frame(p, t, true),
    // The legend names the curves that are drawn, and only those.
    ...(shown.length ? { color: { legend: true, domain: shown.map((m) => t(`model.${m}`)), range: shown.map((m) => COLORS[m]) } } : {}),
    marks: [
      // fill_between(edges[:-1], counts, step="post", alpha=.5)
      stepAreaMark(edges.slice(0, -1), counts, { fill: COLORS.bars, fillOpacity: 0.5, className: "mark-bars" }),
      Plot.ruleY([0]),
    ],
  };
}

function overlay(p: IsiPayload, inputs: InputValues, { t }: PlotContext): Plot.PlotOptions {
  const xs = curveXs(p.hist.edges);
  const top = Math.max(...p.hist.counts) * 1.1;
  const curves = MODEL_NAMES.filter((m) => inputs[`show_${m}`]).map((m) => {
    const params = paramsOf(m, inputs);
    // Cut exactly at the plot's edges (ylim = (0, counts.max() * 1.1)): an inverse near its
    // pole reaches ~10^12, which would otherwise be drawn (or clipped) far off the figure.
    const runs = clipToBand(
      xs.map((x) => [x, MODELS[m].f(x, params)] as const),
      0,
      top,
    );
    return { m, runs };
  });
  // The bars' tops, which no curve's name may cover.
  const { counts, edges } = p.hist;
  const bars = counts.flatMap((c, i) => [[edges[i]!, c] as const, [edges[i + 1]!, c] as const]);
  return {
    ...frame(p, t, false),
    marks: [
      ...curves.map(({ m, runs }) =>
        polylineMark(runs, {
          stroke: COLORS[m],
          strokeWidth: 3,
          strokeDasharray: DASHES[MODEL_NAMES.indexOf(m)] ?? "",
          className: `curve-${m}`,
        }),
      ),
      // Each curve named on the line itself (as well as in the legend), so no reader needs its
      // colour: where its name collides with nothing, near its usual place along the axis.
      lineLabelsMark(
        curves.map(({ m, runs }) => ({ runs, text: t(`model.${m}`), className: `curve-label-${m}`, fill: COLORS[m], at: LABEL_AT[m] })),
        bars,
      ),
    ],
  };
}

/** Where along the x axis each curve is best named: apart from each other, where each curve usually is (the inverse runs furthest). */
const LABEL_AT: Record<ModelName, number> = { exponential: 0.25, inverse: 0.8, linear: 0.5 };

const fmtParam = (v: number, locale: string) => formatNumber(v, locale, { maximumFractionDigits: 3 });

function alt(p: ExplorerPayload, inputs: InputValues, ctx: PlotContext): string {
  const shown = shownModels(inputs);
  if (shown.length === 0) return ctx.t("alt.explorerNoCurves", { neuron: p.neuron });
  const curves = shown.map((m) => {
    const params = SLIDERS.filter((s) => s.model === m)
      .map((s) => `${s.name} = ${fmtParam(inputs[s.name] as number, ctx.locale)}`)
      .join(", ");
    return ctx.t("alt.curve", { model: ctx.t(`model.${m}`), params });
  });
  return ctx.t("alt.explorer", { neuron: p.neuron, curves: curves.join(ctx.t("list.separator")) });
}

function state(p: ExplorerPayload, inputs: InputValues, ctx: PlotContext): string {
  const shown = shownModels(inputs);
  return ctx.t("state.explorer", {
    neuron: p.neuron,
    curves: shown.length ? shown.map((m) => ctx.t(`model.${m}`)).join(ctx.t("list.separator")) : ctx.t("state.noCurves"),
  });
}

function describe(p: ExplorerPayload, inputs: InputValues, ctx: PlotContext) {
  return { alt: alt(p, inputs, ctx), table: describeIsis(p, inputs, ctx).table };
}

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";

/** A finite, non-zero number as mantissa (two decimals at most, in the locale's digits) and power of ten. */
function scientific(v: number, locale: string): { mantissa: string; exponent: number } {
  const exponent = Math.floor(Math.log10(Math.abs(v)));
  return { mantissa: formatNumber(v / 10 ** exponent, locale, { maximumFractionDigits: 2 }), exponent };
}

/** An error in scientific notation as people write it: 3.06 × 10⁸. */
export function sseFormat(v: number, locale: string): string {
  if (!Number.isFinite(v)) return "∞";
  if (v === 0) return "0";
  const { mantissa, exponent } = scientific(v, locale);
  const sup = String(Math.abs(exponent)).replace(/\d/g, (d) => SUPERSCRIPT[Number(d)]!);
  return `${mantissa} × 10${exponent < 0 ? "⁻" : ""}${sup}`;
}

/** The same number as words a screen reader says as written ("3.06 times 10 to the power 8"): superscripts are read as digits. */
export function sseSpoken(v: number, { locale, t }: PlotContext): string {
  if (!Number.isFinite(v) || v === 0) return sseFormat(v, locale);
  const { mantissa, exponent } = scientific(v, locale);
  return t("number.timesTenTo", { mantissa, exponent: formatNumber(exponent, locale) });
}

const readouts: ReadoutSpec<ExplorerPayload>[] = MODEL_NAMES.map((m) => ({
  key: `sse_${m}`,
  label: "readout.sse",
  labelParams: { model: `model.${m}` },
  inputs: SLIDERS.filter((s) => s.model === m).map((s) => s.name),
  compute: (p, inputs) => curveError(p, m, inputs),
  format: sseFormat,
  spoken: sseSpoken,
  shownBy: `show_${m}`,
  best: "min",
}));

const sliderInputs: InputSpec[] = SLIDERS.map((s) => ({
  kind: "range",
  name: s.name,
  label: `control.${s.name}`,
  code: s.name,
  min: s.min,
  max: s.max,
  step: s.step,
  value: s.value,
  ...(s.unit ? { unit: s.unit } : {}),
}));

const curveInputs = [...SLIDERS.map((s) => s.name), ...MODEL_NAMES.map((m) => `show_${m}`)];

/** Section 4's Interactive Demo: a neuron's ISI histogram and three model curves to fit by hand. */
const isiFunctionExplorer: CellView<ExplorerPayload> = {
  id: "isi-function-explorer",
  plot: (p, inputs, ctx) => {
    const b = base(p, inputs, ctx);
    return { ...b, marks: [...(b.marks ?? []), ...(overlay(p, inputs, ctx).marks ?? [])] };
  },
  // The histogram (and its legend) is redrawn for a neuron or a curve shown or hidden; a slider redraws only the curves.
  layers: { base: { inputs: MODEL_NAMES.map((m) => `show_${m}`), plot: base }, overlay: { inputs: curveInputs, plot: overlay } },
  describe,
  state,
  interaction: {
    inputs: (p) => [
      {
        kind: "integer",
        name: "neuron",
        label: "control.neuron",
        code: "single_neuron_idx",
        min: 0,
        max: p.nNeurons - 1,
        value: ISI_NEURON,
      },
      ...sliderInputs,
      ...MODEL_NAMES.map((m): InputSpec => ({ kind: "toggle", name: `show_${m}`, label: `control.show_${m}`, value: true })),
    ],
    load: {
      inputs: ["neuron"],
      describe: (inputs, { t }) => t("load.neuron", { neuron: inputs.neuron as number }),
      run: async (inputs, fetchFile, initial) => withFits(await loadIsis(inputs.neuron as number, initial.nNeurons, fetchFile)),
    },
    readouts,
    actions: [
      {
        name: "best-fit",
        label: "action.bestFit",
        apply: (p) =>
          Object.fromEntries(
            MODEL_NAMES.flatMap((m) => SLIDERS.filter((s) => s.model === m).map((s, i) => [s.name, p.bestOnGrid[m].params[i]!])),
          ),
      },
      { name: "reset", label: "action.reset", apply: (_p, inputs, defaults) => ({ ...defaults, neuron: inputs.neuron as number }) },
    ],
    notes: ["note.invScaleClamped", "note.fitting"],
  },
};

export default isiFunctionExplorer;
