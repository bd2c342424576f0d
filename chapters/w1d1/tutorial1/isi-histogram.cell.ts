import * as Plot from "@observablehq/plot";
import { formatNumber } from "#lib/format/number.ts";
import { BASE } from "#lib/plot/theme.ts";
import { COLORS } from "./colors.ts";
import { decodeIsiFile, isiFilePath, type IsiFile } from "#lib/spikes/isiFile.ts";
import type { CellView, FetchFile, InputValues, PlotContext } from "#course";
import { ISI_NEURON, isiPayload, peakBinMs, type IsiPayload } from "./isiData.ts";

/** A payload that may carry the neuron's ISIs (ascending) and their mean, once the browser has fetched them. */
export interface IsiViewPayload extends IsiPayload {
  readonly isis?: IsiFile;
}

const fmt = (x: number, digits: number, locale: string) => formatNumber(x, locale, { maximumFractionDigits: digits });

/** 0, 1, 10, 100, ... up to the largest count: readable ticks for a symlog axis. */
function powersOfTen(max: number): number[] {
  const ticks = [0];
  for (let v = 1; v <= Math.max(1, max); v *= 10) ticks.push(v);
  return ticks;
}

function plot(p: IsiPayload, inputs: InputValues, { t }: PlotContext): Plot.PlotOptions {
  const bins = p.hist.counts.map((count, i) => ({ x1: p.hist.edges[i]!, x2: p.hist.edges[i + 1]!, count }));
  const yTicks = inputs.log_counts ? { ticks: powersOfTen(Math.max(...p.hist.counts)) } : {};
  return {
    ...BASE,
    x: { label: t("axis.isiDuration"), labelArrow: "none" },
    y: inputs.log_counts ? { type: "symlog" as const } : {},
    ...(inputs.show_mean ? { color: { legend: true, domain: [t("legend.meanIsi")], range: [COLORS.mean] } } : {}),
    marks: [
      // An explicit axis (our class on it) instead of the implicit one: the same drawing.
      Plot.gridY({ ...yTicks }),
      Plot.axisY({ label: t("axis.numberOfSpikes"), labelArrow: "none", className: "axis-y", ...yTicks }),
      Plot.rectY(bins, { x1: "x1", x2: "x2", y: "count", fill: COLORS.bars, className: "mark-bars" }),
      inputs.show_mean ? Plot.ruleX([p.mean], { stroke: COLORS.mean, strokeWidth: 2, className: "mark-mean" }) : null,
      Plot.ruleY([0]),
    ],
  };
}

/** The ISI histogram's text alternative and table (used by the function explorer too). */
export function describeIsis(p: IsiPayload, _inputs: unknown, { t, locale }: PlotContext) {
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

/** Loads a neuron's ISIs (one small file of the chapter's "isi" set) and summarises them as the tutorial does. */
export async function loadIsis(neuron: number, nNeurons: number, fetchFile: FetchFile): Promise<IsiViewPayload> {
  const isis = decodeIsiFile(await fetchFile("isi", isiFilePath(neuron)));
  return { ...isiPayload(neuron, nNeurons, isis.values, 50, undefined, isis.mean), isis };
}

/** Exercise 3's example output, and the section's explorer: any neuron, bins, range, mean line, log counts. */
const isiHistogram: CellView<IsiViewPayload> = {
  id: "isi-histogram",
  plot,
  describe: describeIsis,
  state: (p, inputs, { t }) =>
    t("state.isiHistogram", { neuron: p.neuron, bins: p.hist.counts.length, range: inputs.range_pct as number }) +
    (inputs.log_counts ? t("state.logCounts") : ""),
  interaction: {
    inputs: (p) => [
      { kind: "integer", name: "neuron", label: "control.neuron", code: "neuron_idx", min: 0, max: p.nNeurons - 1, value: ISI_NEURON },
      { kind: "range", name: "bins", label: "control.bins", code: "bins", min: 10, max: 200, step: 1, value: 50 },
      {
        kind: "range",
        name: "range_pct",
        label: "control.rangePct",
        code: "range",
        min: 1,
        max: 100,
        step: 1,
        value: 100,
        unit: "unit.percent",
      },
      { kind: "toggle", name: "show_mean", label: "control.showMean", value: true },
      { kind: "toggle", name: "log_counts", label: "control.logCounts", value: false },
    ],
    load: {
      inputs: ["neuron"],
      alsoFor: ["bins", "range_pct"],
      describe: (inputs, { t }) => t("load.neuron", { neuron: inputs.neuron as number }),
      run: (inputs, fetchFile, initial) => loadIsis(inputs.neuron as number, initial.nNeurons, fetchFile),
    },
    prepare: {
      inputs: ["bins", "range_pct"],
      run: (p, inputs) => {
        if (!p.isis) return p; // the build's payload: default bins and range
        const upper = inputs.range_pct === 100 ? undefined : (p.max * (inputs.range_pct as number)) / 100;
        return { ...isiPayload(p.neuron, p.nNeurons, p.isis.values, inputs.bins as number, upper, p.isis.mean), isis: p.isis };
      },
    },
  },
};

export default isiHistogram;
