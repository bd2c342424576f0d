import type { FloatDtype } from "../spikes/dataset.ts";
import { dtypeOf, roundFor, type Numbers, type Round } from "./numeric.ts";

export interface Histogram {
  readonly counts: number[];
  /** bins + 1 edges; the last bin includes its right edge. */
  readonly edges: number[];
}

/**
 * `np.linspace(start, stop, num)` computed in the precision `round` stands for, step by step
 * as numpy does (delta, step = delta / div, i * step + start, last value set to stop).
 */
export function linspace(start: number, stop: number, num: number, round: Round = (x) => x): number[] {
  const div = num - 1;
  const delta = round(stop - start);
  const step = round(delta / div);
  const out = new Array<number>(num);
  for (let i = 0; i < num; i++) {
    const y = step === 0 ? round(round(i / div) * delta) : round(i * step);
    out[i] = round(y + start);
  }
  if (num > 1) out[num - 1] = stop;
  return out;
}

export interface HistogramOptions {
  /** np.histogram's `range`; by default the data's min and max. */
  readonly range?: readonly [number, number];
  /**
   * The dtype of the range endpoints. numpy computes edges in float32 only when an endpoint is
   * a float32 scalar, as `(0, isis.max())` is; plain Python floats make it compute in float64.
   * Defaults to the data's dtype (endpoints taken from the data).
   */
  readonly rangeDtype?: FloatDtype;
}

/**
 * `np.histogram(values, bins, range)` with numpy's exact edges and counts: edges in float32 for
 * float32 data (else float64), values outside the range ignored, the last bin closed.
 */
export function histogram(values: Numbers, bins: number, options: HistogramOptions = {}): Histogram {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins must be a positive integer, not ${bins}`);
  const dataDtype = dtypeOf(values);
  const edgeRound = roundFor(dataDtype);
  const computeRound = roundFor(options.range ? (options.rangeDtype ?? dataDtype) : dataDtype);
  let [first, last] = options.range ?? minMax(values);
  if (!(first <= last)) throw new RangeError("max must be larger than min in range parameter.");
  if (!Number.isFinite(first) || !Number.isFinite(last)) throw new RangeError(`range [${first}, ${last}] is not finite`);
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  const edges = linspace(first, last, bins + 1, computeRound).map(edgeRound);
  for (let i = 0; i < bins; i++) {
    if (!(edges[i]! < edges[i + 1]!)) throw new RangeError("Too many bins for data range. Cannot create bins.");
  }
  const counts = new Array<number>(bins).fill(0);
  const lo = edgeRound(first);
  const hi = edgeRound(last);
  const denom = computeRound(last - first);
  for (const x of values) {
    if (!(x >= lo && x <= hi)) continue;
    let i = Math.trunc(computeRound(computeRound(computeRound(x - first) / denom) * bins));
    if (i === bins) i -= 1;
    // numpy's correction: the division can land one bin off within an ulp of an edge.
    if (x < edges[i]!) i -= 1;
    else if (x >= edges[i + 1]! && i !== bins - 1) i += 1;
    counts[i]! += 1;
  }
  return { counts, edges };
}

function minMax(values: Numbers): [number, number] {
  if (values.length === 0) return [0, 1];
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of values) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return [lo, hi];
}
