import { numpyArrayStr, pyIntList, pyPercent, pyShape } from "#lib/python/format.ts";
import { pydocHelp } from "#lib/python/pydoc.ts";
import { neuronCount, neuronSpikes, spikeCounts } from "#lib/spikes/dataset.ts";
import { computed as value, fixedOutput, type Computed, type FixedOutput, type PythonOutput } from "#course";
import type { PlotContext } from "#course";
import type { Tutorial1 } from "./context.ts";
import { peakBinMs } from "./isiData.ts";

/** The docstring of the tutorial's helper, as written in the chapter's code cell. */
export const RESTRICT_DOCSTRING = `Given a spike_time dataset, restrict to spikes within given interval.

  Args:
    spike_times (sequence of np.ndarray): List or array of arrays,
      each inner array has spike times for a single neuron.
    interval (tuple): Min, max time values; keep min <= t < max.

  Returns:
    np.ndarray: like \`spike_times\`, but only within \`interval\`
  `;

function entry({ data }: Tutorial1, idx: number): PythonOutput {
  const n = neuronCount(data.spikes);
  if (idx >= n) return [`IndexError: index ${idx} is out of bounds for axis 0 with size ${n}`];
  const count = spikeCounts(data.spikes)[idx]!;
  return ["<class 'numpy.ndarray'>\n", value(`shape_neuron_${idx}`, [count], pyShape([count]))];
}

function dtypeAndFirstValues({ data, summary }: Tutorial1): PythonOutput {
  const dataset = data.spikes;
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

/** Every code cell's printed output, by the `output` key its `<CodeCell>` names. */
export const pythonOutputs: Readonly<Record<string, ((ctx: Tutorial1) => PythonOutput) | FixedOutput>> = {
  "type-spike-times": fixedOutput([value("type_spike_times", "numpy.ndarray", "numpy.ndarray")]),
  "shape-spike-times": ({ summary: s }) => [value("n_neurons", s.n_neurons, pyShape([s.n_neurons]))],
  "entry-0": (ctx) => entry(ctx, 0),
  "entry-321": (ctx) => entry(ctx, 321),
  "dtype-first-values": dtypeAndFirstValues,
  "neuron-counts": ({ summary: s }) => [
    "Number of neurons: ",
    value("n_neurons", s.n_neurons, String(s.n_neurons)),
    "\nNumber of spikes for first five neurons: ",
    value("counts_first5", s.counts_first5, pyIntList(s.counts_first5)),
  ],
  "frac-below-mean": ({ summary: s }) => [
    value("frac_below_mean", s.frac_below_mean, pyPercent(s.frac_below_mean, 1)),
    " of neurons are below the mean",
  ],
  "help-restrict": fixedOutput([pydocHelp("restrict_spike_times", "spike_times, interval", RESTRICT_DOCSTRING)]),
  "frac-interval-spikes": ({ summary: s }) => [
    value("frac_interval_spikes", s.frac_interval_spikes, pyPercent(s.frac_interval_spikes, 2)),
    " of the total spikes are in the interval",
  ],
  "frac-interval-time": ({ summary: s }) => [
    value("frac_interval_time", s.frac_interval_time, pyPercent(s.frac_interval_time, 2)),
    " of the total time is in the interval",
  ],
};

/** Numbers the prose quotes, by the key `<Value k="...">` names. */
export const proseValues: Readonly<Record<string, (ctx: Tutorial1, text: PlotContext) => Computed>> = {
  n_neurons: ({ summary: s }) => value("n_neurons", s.n_neurons, String(s.n_neurons)),
  count_neuron_0: ({ data }) => {
    const count = spikeCounts(data.spikes)[0] ?? 0;
    return value("count_neuron_0", count, String(count));
  },
  frac_below_mean: ({ summary: s }) => value("frac_below_mean", s.frac_below_mean, pyPercent(s.frac_below_mean, 0)),
  isi_peak_ms: ({ summary: s }, { t }) => {
    const range = s.isi_hist ? peakBinMs(s.isi_hist).map(Math.round) : [NaN, NaN];
    return value("isi_peak_ms", range, t("value.msRange", { from: range[0]!, to: range[1]! }));
  },
};
