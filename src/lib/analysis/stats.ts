import { mean, type Numbers } from "./numeric.ts";

function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/** `np.percentile(values, q)` with numpy's default "linear" method and its lerp. */
export function percentile(values: ArrayLike<number>, q: number): number {
  return percentileOfSorted(sortedCopy(values), q);
}

function percentileOfSorted(a: Float64Array, q: number): number {
  const n = a.length;
  if (n === 0) return NaN;
  const quantile = q / 100;
  // numpy: n * q + (alpha + q * (1 - alpha - beta)) - 1 with alpha = beta = 1.
  const virtual = n * quantile + (1 + quantile * (1 - 1 - 1)) - 1;
  const prev = Math.min(Math.max(Math.floor(virtual), 0), n - 1);
  const next = Math.min(prev + 1, n - 1);
  const gamma = virtual < 0 ? 0 : virtual > n - 1 ? 0 : virtual - Math.floor(virtual);
  const lo = a[prev]!;
  const hi = a[next]!;
  const diff = hi - lo;
  return gamma >= 0.5 ? hi - diff * (1 - gamma) : lo + diff * gamma;
}

/** `np.median(values)`: the middle value, or the mean of the two middle values. */
export function median(values: ArrayLike<number>): number {
  const a = sortedCopy(values);
  const n = a.length;
  if (n === 0) return NaN;
  const h = Math.floor(n / 2);
  return n % 2 === 1 ? a[h]! : (a[h - 1]! + a[h]!) / 2;
}

/** `np.percentile(values, [25, 50, 75])`, sorting once. */
export function quartiles(values: ArrayLike<number>): [number, number, number] {
  const a = sortedCopy(values);
  return [percentileOfSorted(a, 25), percentileOfSorted(a, 50), percentileOfSorted(a, 75)];
}

/** `(values < np.mean(values)).mean()`: the fraction of values strictly below their mean. */
export function fractionBelowMean(values: Numbers): number {
  const m = mean(values);
  let below = 0;
  for (const v of values) if (v < m) below++;
  return below / values.length;
}
