import * as Plot from "@observablehq/plot";
import type { Histogram } from "../../lib/analysis/histogram.ts";
import { BASE, COLORS } from "../../lib/plot/theme.ts";
import type { CellDefinition, PlotContext } from "../types.ts";

/** The tutorial's example neuron for ISIs (exercise 3 and the function explorer). */
export const ISI_NEURON = 283;

export interface IsiPayload {
  readonly neuron: number;
  readonly count: number;
  readonly mean: number;
  readonly hist: Histogram;
}

const fmt = (x: number, digits: number, locale: string) => x.toLocaleString(locale === "ja" ? "ja-JP" : "en-US", { maximumFractionDigits: digits });

/** The bin holding the most ISIs, as [from, to] in milliseconds. */
export function peakBinMs(hist: Histogram): [number, number] {
  const k = hist.counts.indexOf(Math.max(...hist.counts));
  return [hist.edges[k]! * 1000, hist.edges[k + 1]! * 1000];
}

function plot(p: IsiPayload, _inputs: Record<string, never>, { t }: PlotContext): Plot.PlotOptions {
  const bins = p.hist.counts.map((count, i) => ({ x1: p.hist.edges[i]!, x2: p.hist.edges[i + 1]!, count }));
  return {
    ...BASE,
    x: { label: t("axis.isiDuration"), labelArrow: "none" },
    y: { label: t("axis.numberOfSpikes"), labelArrow: "none", grid: true },
    color: { legend: true, domain: [t("legend.meanIsi")], range: [COLORS.mean] },
    marks: [
      Plot.rectY(bins, { x1: "x1", x2: "x2", y: "count", fill: COLORS.bars }),
      Plot.ruleX([p.mean], { stroke: COLORS.mean, strokeWidth: 2 }),
      Plot.ruleY([0]),
    ],
  };
}

function describe(p: IsiPayload, _inputs: Record<string, never>, { t, locale }: PlotContext) {
  const [from, to] = peakBinMs(p.hist);
  const bins = p.hist.counts.length;
  const alt = t("alt.isiHistogram", {
    neuron: p.neuron,
    count: p.count,
    bins,
    max: fmt(p.hist.edges[bins]!, 3, locale),
    peakFrom: fmt(from, 1, locale),
    peakTo: fmt(to, 1, locale),
    mean: fmt(p.mean, 4, locale),
  });
  const table = {
    columns: [t("table.binFrom"), t("table.binTo"), t("table.count")],
    rows: p.hist.counts.map((c, i) => [fmt(p.hist.edges[i]!, 4, locale), fmt(p.hist.edges[i + 1]!, 4, locale), c]),
  };
  return { alt, table };
}

/** Exercise 3's solution: neuron 283's ISI histogram, 50 bins, with the mean ISI. */
export const isiHistogram: CellDefinition<IsiPayload> = {
  id: "isi-histogram",
  data: ({ summary }) => {
    if (summary.isi_neuron !== ISI_NEURON || !summary.isi_hist || summary.isi_mean == null) {
      throw new Error(`the ISI figures need neuron ${ISI_NEURON} with at least two spikes; this dataset has ${summary.n_neurons} neurons`);
    }
    return { neuron: ISI_NEURON, count: summary.isi_count!, mean: summary.isi_mean, hist: summary.isi_hist };
  },
  defaults: {},
  plot,
  describe,
};
