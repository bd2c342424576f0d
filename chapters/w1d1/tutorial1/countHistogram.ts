import * as Plot from "@observablehq/plot";
import { histogram, type Histogram } from "#lib/analysis/histogram.ts";
import { quartiles } from "#lib/analysis/stats.ts";
import { formatNumber } from "#lib/format/number.ts";
import { BASE } from "#lib/plot/theme.ts";
import { COLORS } from "./colors.ts";
import { spikeCounts } from "#lib/spikes/dataset.ts";
import { cell, type CellView, type PlotContext } from "#course";
import type { Tutorial1 } from "./context.ts";

export interface CountPayload {
  readonly hist: Histogram;
  readonly mean: number;
  readonly median: number;
  readonly q1: number;
  readonly q3: number;
  readonly n: number;
}

const BINS = 50;

/** Spike counts per neuron in 50 bins, with the mean, the median and the quartiles. */
function countData({ data, summary }: Tutorial1): CountPayload {
  const [q1, , q3] = quartiles(spikeCounts(data.spikes));
  return {
    hist: histogram(spikeCounts(data.spikes), BINS),
    mean: summary.mean_count,
    median: summary.median_count,
    q1,
    q3,
    n: summary.n_neurons,
  };
}

const fmt = (x: number, locale: string) => formatNumber(x, locale, { maximumFractionDigits: 1 });

/** Which reference lines a variant of the spike-count histogram draws. */
interface Variant {
  readonly mean: boolean;
  readonly median: boolean;
  readonly iqr: boolean;
}

function plotWith(variant: Variant) {
  return (p: CountPayload, _inputs: unknown, { t }: PlotContext): Plot.PlotOptions => {
    const bins = p.hist.counts.map((count, i) => ({ x1: p.hist.edges[i]!, x2: p.hist.edges[i + 1]!, count }));
    const lines: { label: string; value: number; color: string; name: string }[] = [];
    if (variant.median) lines.push({ label: t("legend.medianNeuron"), value: p.median, color: COLORS.median, name: "median" });
    if (variant.mean) lines.push({ label: t("legend.meanNeuron"), value: p.mean, color: COLORS.mean, name: "mean" });
    const legend = [...lines, ...(variant.iqr ? [{ label: t("legend.iqr"), value: 0, color: COLORS.band }] : [])];
    return {
      ...BASE,
      x: { label: t("axis.totalSpikesPerNeuron"), labelArrow: "none" },
      y: { label: t("axis.numberOfNeurons"), labelArrow: "none", grid: true },
      ...(legend.length ? { color: { legend: true, domain: legend.map((l) => l.label), range: legend.map((l) => l.color) } } : {}),
      marks: [
        variant.iqr ? Plot.rectX([p], { x1: "q1", x2: "q3", fill: COLORS.band, className: "mark-iqr" }) : null,
        Plot.rectY(bins, { x1: "x1", x2: "x2", y: "count", fill: COLORS.bars, insetLeft: 0.5, insetRight: 0.5, className: "mark-bars" }),
        ...lines.map((l) => Plot.ruleX([l.value], { stroke: l.color, strokeWidth: 2, className: `mark-${l.name}` })),
        Plot.ruleY([0]),
      ],
    };
  };
}

function table(p: CountPayload, { t, locale }: PlotContext) {
  return {
    columns: [t("table.binFrom"), t("table.binTo"), t("table.count")],
    rows: p.hist.counts.map((c, i) => [fmt(p.hist.edges[i]!, locale), fmt(p.hist.edges[i + 1]!, locale), c]),
  };
}

function describe(p: CountPayload, _inputs: unknown, ctx: PlotContext) {
  const alt = ctx.t("alt.countHistogram", {
    n: p.n,
    bins: BINS,
    min: fmt(p.hist.edges[0]!, ctx.locale),
    max: fmt(p.hist.edges[BINS]!, ctx.locale),
    mean: fmt(p.mean, ctx.locale),
  });
  return { alt, table: table(p, ctx) };
}

function describeMedian(p: CountPayload, _inputs: unknown, ctx: PlotContext) {
  const f = (x: number) => fmt(x, ctx.locale);
  return { alt: ctx.t("alt.countMedian", { median: f(p.median), mean: f(p.mean) }), table: table(p, ctx) };
}

function describeQuartiles(p: CountPayload, _inputs: unknown, ctx: PlotContext) {
  const f = (x: number) => fmt(x, ctx.locale);
  return { alt: ctx.t("alt.countQuartiles", { median: f(p.median), mean: f(p.mean), q1: f(p.q1), q3: f(p.q3) }), table: table(p, ctx) };
}

const view = (id: string, variant: Variant, describeFn: CellView<CountPayload>["describe"]): CellView<CountPayload> => ({
  id,
  plot: plotWith(variant),
  describe: describeFn,
});

/** Section 1.2's first histogram: spike counts per neuron, 50 bins. */
export const spikeCountDistribution = cell(
  view("spike-count-distribution", { mean: false, median: false, iqr: false }, describe),
  countData,
);

/** The same histogram with the mean neuron marked. */
export const spikeCountHistogram = cell(view("spike-count-histogram", { mean: true, median: false, iqr: false }, describe), countData);

/** Exercise 1.2's example output: the median and the mean neuron. */
export const spikeCountMedian = cell(view("spike-count-median", { mean: true, median: true, iqr: false }, describeMedian), countData);

/** Exercise 1.2's bonus: the same with the interquartile range shaded. */
export const spikeCountQuartiles = cell(
  view("spike-count-quartiles", { mean: true, median: true, iqr: true }, describeQuartiles),
  countData,
);
