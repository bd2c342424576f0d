import * as Plot from "@observablehq/plot";
import { histogram, type Histogram } from "../../lib/analysis/histogram.ts";
import { quartiles } from "../../lib/analysis/stats.ts";
import { formatNumber } from "../../lib/format/number.ts";
import { spikeCounts } from "../../lib/spikes/dataset.ts";
import { BASE, COLORS } from "../../lib/plot/theme.ts";
import type { CellDefinition, InputValues, PlotContext } from "../types.ts";

export interface CountPayload {
  readonly hist: Histogram;
  readonly mean: number;
  readonly median: number;
  readonly q1: number;
  readonly q3: number;
  readonly n: number;
}

const BINS = 50;

function data({ dataset, summary }: Parameters<CellDefinition["data"]>[0]): CountPayload {
  const [q1, , q3] = quartiles(spikeCounts(dataset));
  return {
    hist: histogram(spikeCounts(dataset), BINS),
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
  return (p: CountPayload, _inputs: InputValues, { t }: PlotContext): Plot.PlotOptions => {
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

function describe(p: CountPayload, _inputs: InputValues, { t, locale }: PlotContext) {
  const alt = t("alt.countHistogram", {
    n: p.n,
    bins: BINS,
    min: fmt(p.hist.edges[0]!, locale),
    max: fmt(p.hist.edges[BINS]!, locale),
    mean: fmt(p.mean, locale),
  });
  const table = {
    columns: [t("table.binFrom"), t("table.binTo"), t("table.count")],
    rows: p.hist.counts.map((c, i) => [fmt(p.hist.edges[i]!, locale), fmt(p.hist.edges[i + 1]!, locale), c]),
  };
  return { alt, table };
}

function describeMedian(p: CountPayload, inputs: InputValues, ctx: PlotContext) {
  const { table } = describe(p, inputs, ctx);
  const f = (x: number) => fmt(x, ctx.locale);
  return { alt: ctx.t("alt.countMedian", { median: f(p.median), mean: f(p.mean) }), table };
}

function describeQuartiles(p: CountPayload, inputs: InputValues, ctx: PlotContext) {
  const { table } = describe(p, inputs, ctx);
  const f = (x: number) => fmt(x, ctx.locale);
  return { alt: ctx.t("alt.countQuartiles", { median: f(p.median), mean: f(p.mean), q1: f(p.q1), q3: f(p.q3) }), table };
}

/** Section 1.2's first histogram: spike counts per neuron, 50 bins. */
export const spikeCountDistribution: CellDefinition<CountPayload> = {
  id: "spike-count-distribution",
  data,
  defaults: {},
  plot: plotWith({ mean: false, median: false, iqr: false }),
  describe,
};

/** The same histogram with the mean neuron marked. */
export const spikeCountHistogram: CellDefinition<CountPayload> = {
  id: "spike-count-histogram",
  data,
  defaults: {},
  plot: plotWith({ mean: true, median: false, iqr: false }),
  describe,
};

/** Exercise 1.2's example output: the median and the mean neuron. */
export const spikeCountMedian: CellDefinition<CountPayload> = {
  id: "spike-count-median",
  data,
  defaults: {},
  plot: plotWith({ mean: true, median: true, iqr: false }),
  describe: describeMedian,
};

/** Exercise 1.2's bonus: the same with the interquartile range shaded. */
export const spikeCountQuartiles: CellDefinition<CountPayload> = {
  id: "spike-count-quartiles",
  data,
  defaults: {},
  plot: plotWith({ mean: true, median: true, iqr: true }),
  describe: describeQuartiles,
};
