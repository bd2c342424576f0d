import { peakBinMs } from "./isiHistogram.ts";
import { neuronCount, neuronSpikes, spikeCounts } from "../../lib/spikes/dataset.ts";
import { numpyArrayStr, pyIntList, pyPercent, pyShape } from "../../lib/python/format.ts";
import { pydocHelp } from "../../lib/python/pydoc.ts";
import type { CellInput } from "../types.ts";

/** A computed value shown on the page: `data-output` key, raw value, and the text a reader sees. */
export interface Computed {
  readonly key: string;
  readonly value: unknown;
  readonly text: string;
}

/** What a code cell printed: plain text interleaved with computed values. */
export type PythonOutput = readonly (string | Computed)[];

/** The docstring of the tutorial's helper, as written in the chapter's code cell. */
export const RESTRICT_DOCSTRING = `Given a spike_time dataset, restrict to spikes within given interval.

  Args:
    spike_times (sequence of np.ndarray): List or array of arrays,
      each inner array has spike times for a single neuron.
    interval (tuple): Min, max time values; keep min <= t < max.

  Returns:
    np.ndarray: like \`spike_times\`, but only within \`interval\`
  `;

const value = (key: string, raw: unknown, text: string): Computed => ({ key, value: raw, text });

function entry(input: CellInput, idx: number): PythonOutput {
  const n = neuronCount(input.dataset);
  if (idx >= n) return [`IndexError: index ${idx} is out of bounds for axis 0 with size ${n}`];
  const count = spikeCounts(input.dataset)[idx]!;
  return ["<class 'numpy.ndarray'>\n", value(`shape_neuron_${idx}`, [count], pyShape([count]))];
}

function dtypeAndFirstValues({ dataset, summary }: CellInput): PythonOutput {
  return [0, 321].flatMap((i): (string | Computed)[] => {
    if (i >= neuronCount(dataset)) return [`IndexError: index ${i} is out of bounds for axis 0 with size ${neuronCount(dataset)}`];
    const first = Array.from(neuronSpikes(dataset, i).subarray(0, 5));
    return [
      `Neuron ${i}:\n`,
      value("dtype", summary.dtype, summary.dtype),
      "\n",
      value(`first5_neuron_${i}`, first, numpyArrayStr(first, summary.dtype)),
      "\n\n\n",
    ];
  });
}

/** Every code cell's printed output, keyed by the cell's id in the chapter. */
export function pythonOutputs(input: CellInput): Record<string, PythonOutput> {
  const s = input.summary;
  return {
    "type-spike-times": [value("type_spike_times", "numpy.ndarray", "numpy.ndarray")],
    "shape-spike-times": [value("n_neurons", s.n_neurons, pyShape([s.n_neurons]))],
    "entry-0": entry(input, 0),
    "entry-321": entry(input, 321),
    "dtype-first-values": dtypeAndFirstValues(input),
    "neuron-counts": [
      "Number of neurons: ",
      value("n_neurons", s.n_neurons, String(s.n_neurons)),
      "\nNumber of spikes for first five neurons: ",
      value("counts_first5", s.counts_first5, pyIntList(s.counts_first5)),
    ],
    "frac-below-mean": [value("frac_below_mean", s.frac_below_mean, pyPercent(s.frac_below_mean, 1)), " of neurons are below the mean"],
    "help-restrict": [pydocHelp("restrict_spike_times", "spike_times, interval", RESTRICT_DOCSTRING)],
    "frac-interval-spikes": [
      value("frac_interval_spikes", s.frac_interval_spikes, pyPercent(s.frac_interval_spikes, 2)),
      " of the total spikes are in the interval",
    ],
    "frac-interval-time": [
      value("frac_interval_time", s.frac_interval_time, pyPercent(s.frac_interval_time, 2)),
      " of the total time is in the interval",
    ],
  };
}

/** Numbers the prose quotes, keyed as `<Value k="...">` names them. */
export function proseValues(input: CellInput, locale: string): Record<string, Computed> {
  const s = input.summary;
  const counts = spikeCounts(input.dataset);
  const range = s.isi_hist ? peakBinMs(s.isi_hist).map(Math.round) : [NaN, NaN];
  const dash = locale === "ja" ? "~" : "–";
  return {
    n_neurons: value("n_neurons", s.n_neurons, String(s.n_neurons)),
    count_neuron_0: value("count_neuron_0", counts[0] ?? 0, String(counts[0] ?? 0)),
    frac_below_mean: value("frac_below_mean", s.frac_below_mean, pyPercent(s.frac_below_mean, 0)),
    isi_peak_ms: value("isi_peak_ms", range, `${range[0]}${dash}${range[1]}`),
  };
}
