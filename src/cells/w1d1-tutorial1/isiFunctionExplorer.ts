import * as Plot from "@observablehq/plot";
import { fitLeastSquares, fitOnGrid, type Fit, type ParamGrid } from "../../lib/analysis/fit.ts";
import { binCenters, MODEL_NAMES, MODELS, sumSquaredErrors, type ModelName } from "../../lib/analysis/models.ts";
import { BASE, COLORS } from "../../lib/plot/theme.ts";
import type { CellDefinition, PlotContext } from "../types.ts";
import { isiHistogram, type IsiPayload } from "./isiHistogram.ts";

/** A slider of Interactive Demo 4, named, ranged and stepped exactly as in the notebook. */
export interface SliderSpec extends ParamGrid {
  readonly name: ExplorerParam;
  readonly model: ModelName;
  readonly value: number;
}

export type ExplorerParam = "exp_scale" | "exp_rate" | "exp_x0" | "inv_scale" | "inv_x0" | "lin_slope" | "lin_y0";

/**
 * The notebook's sliders. `inv_scale` defaults to 1000 there, outside its 0..300 range;
 * ipywidgets clamps it to 300, and so do we (the page says so under the explorer).
 */
export const SLIDERS: readonly SliderSpec[] = [
  { name: "exp_scale", model: "exponential", min: 0, max: 20000, step: 250, value: 1000 },
  { name: "exp_rate", model: "exponential", min: -200, max: 50, step: 1, value: -10 },
  { name: "exp_x0", model: "exponential", min: -0.5, max: 0.5, step: 0.005, value: 0.1 },
  { name: "inv_scale", model: "inverse", min: 0, max: 300, step: 10, value: 300 },
  { name: "inv_x0", model: "inverse", min: -0.2, max: 0.2, step: 0.01, value: 0 },
  { name: "lin_slope", model: "linear", min: -600000, max: 100000, step: 10000, value: -100000 },
  { name: "lin_y0", model: "linear", min: 0, max: 40000, step: 1000, value: 10000 },
];

/** The notebook's own default for inv_scale, before clamping. */
export const NOTEBOOK_INV_SCALE = 1000;

export type ExplorerInputs = Record<ExplorerParam, number> & Record<`show_${ModelName}`, boolean>;

export interface ExplorerPayload extends IsiPayload {
  /** Least squares over the sliders' values (what "best fit" sets) and over all reals. */
  readonly bestOnGrid: Record<ModelName, Fit>;
  readonly bestExact: Record<ModelName, Fit>;
}

/** A family's parameters from the inputs, in the model function's order. */
export function paramsOf(model: ModelName, inputs: Record<ExplorerParam, number>): number[] {
  return SLIDERS.filter((s) => s.model === model).map((s) => inputs[s.name]);
}

/** Sum of squared errors of each curve against the histogram, at the bin centres. */
export function explorerErrors(p: IsiPayload, inputs: Record<ExplorerParam, number>): Record<ModelName, number> {
  const xs = binCenters(p.hist.edges);
  return Object.fromEntries(MODEL_NAMES.map((m) => [m, sumSquaredErrors(m, paramsOf(m, inputs), xs, p.hist.counts)])) as Record<ModelName, number>;
}

/** `np.linspace(1e-10, edges.max())`: where the notebook evaluates the curves (50 points). */
export function curveXs(edges: readonly number[]): number[] {
  const stop = edges[edges.length - 1]!;
  return Array.from({ length: 50 }, (_, i) => (i === 49 ? stop : 1e-10 + (i * (stop - 1e-10)) / 49));
}

const defaults = {
  ...(Object.fromEntries(SLIDERS.map((s) => [s.name, s.value])) as Record<ExplorerParam, number>),
  show_exponential: true,
  show_inverse: true,
  show_linear: true,
};

function plot(p: ExplorerPayload, inputs: ExplorerInputs, { t }: PlotContext): Plot.PlotOptions {
  const { counts, edges } = p.hist;
  const steps = counts.map((count, i) => ({ x: edges[i]!, count }));
  const xs = curveXs(edges);
  const shown = MODEL_NAMES.filter((m) => inputs[`show_${m}`]);
  const curves = shown.flatMap((m) => xs.map((x) => ({ model: t(`model.${m}`), x, y: MODELS[m].f(x, paramsOf(m, inputs)) })));
  const yMax = Math.max(...counts) * 1.1;
  return {
    ...BASE,
    x: { domain: [edges[0]!, edges[edges.length - 1]!], label: t("axis.isi"), labelArrow: "none" },
    y: { domain: [0, yMax], label: t("axis.numberOfSpikes"), labelArrow: "none", grid: true },
    color: { legend: true, domain: MODEL_NAMES.map((m) => t(`model.${m}`)), range: MODEL_NAMES.map((m) => COLORS[m]) },
    clip: true,
    marks: [
      // fill_between(edges[:-1], counts, step="post", alpha=.5)
      Plot.areaY(steps, { x: "x", y: "count", curve: "step-after", fill: COLORS.bars, fillOpacity: 0.5 }),
      Plot.line(curves, { x: "x", y: "y", z: "model", stroke: "model", strokeWidth: 3 }),
      Plot.ruleY([0]),
    ],
  };
}

function describe(p: ExplorerPayload, inputs: ExplorerInputs, { t, locale }: PlotContext) {
  const params = SLIDERS.map((s) => `${s.name} = ${inputs[s.name].toLocaleString(locale === "ja" ? "ja-JP" : "en-US")}`).join(", ");
  return { alt: t("alt.explorer", { neuron: p.neuron, params }), table: isiHistogram.describe(p, {}, { t, locale }).table };
}

/** Section 4's Interactive Demo: the ISI histogram of neuron 283 and three model curves. */
export const isiFunctionExplorer: CellDefinition<ExplorerPayload, ExplorerInputs> = {
  id: "isi-function-explorer",
  data: (input) => {
    const base = isiHistogram.data(input);
    const xs = binCenters(base.hist.edges);
    const fit = (f: (m: ModelName) => Fit) => Object.fromEntries(MODEL_NAMES.map((m) => [m, f(m)])) as Record<ModelName, Fit>;
    return {
      ...base,
      bestOnGrid: fit((m) => fitOnGrid(m, SLIDERS.filter((s) => s.model === m), xs, base.hist.counts)),
      bestExact: fit((m) => fitLeastSquares(m, xs, base.hist.counts)),
    };
  },
  defaults,
  plot,
  describe,
};
