import { normalQuantile, Random } from "#lib/spikes/random.ts";

/** Targets the stand-in's spike counts are calibrated to (published outputs of the tutorial). */
export const COUNT_TARGETS = {
  nNeurons: 734,
  meanCount: 10_000,
  /** Neurons whose counts the tutorial printed: they get exactly these. */
  fixed: { 0: 826, 1: 2818, 2: 3953, 3: 646, 4: 1115, 321: 9723 } as Record<number, number>,
  /** Neuron 283, the tutorial's ISI example, and the most active neuron. */
  isiNeuron: 283,
  isiNeuronCount: 115_000,
  maxCount: 125_000,
  minCount: 10,
  /** 499 of 734 below the mean prints as "68.0% of neurons are below the mean". */
  belowMean: 499,
} as const;

/** Gamma(1/2) quantile: half the square of a normal quantile (a chi-square with one degree). */
function halfGammaQuantile(p: number): number {
  const z = normalQuantile((1 + p) / 2);
  return (z * z) / 2;
}

/**
 * Per-neuron spike counts of the stand-in: a stratified sample of a Gamma(1/2) distribution
 * (68% of it lies below its mean, and its mean is about twice its median, as in the recording),
 * scaled to a mean of 10,000; the published counts placed exactly; then the few values nearest
 * the mean moved so that exactly 499 neurons lie below it. `countScale` shrinks every count
 * (for small test fixtures of the same shape).
 */
export function syntheticCounts(seed: number, countScale = 1): number[] {
  const t = COUNT_TARGETS;
  const rng = new Random(seed, 0x636f756e);
  const random = () => rng.next();
  const n = t.nNeurons;
  // A spike-sorted unit has at least a few spikes: floor the tail near zero.
  const pool = Array.from({ length: n }, (_, j) => t.minCount + Math.round(2 * t.meanCount * halfGammaQuantile((j + random()) / n)));
  pool.sort((a, b) => a - b);
  const counts = new Array<number>(n).fill(-1);
  // Published counts replace the pool values nearest to them, so the shape is kept.
  for (const [neuron, count] of Object.entries(t.fixed)) {
    const k = nearestIndex(pool, count);
    pool.splice(k, 1);
    counts[Number(neuron)] = count;
  }
  pool.splice(pool.length - 2, 2);
  counts[t.isiNeuron] = t.isiNeuronCount + Math.floor(random() * 2000) - 1000;
  const free = counts.map((c, i) => (c < 0 ? i : -1)).filter((i) => i >= 0);
  shuffle(free, random);
  counts[free.pop()!] = t.maxCount + Math.floor(random() * 2000) - 1000;
  free.forEach((neuron, k) => (counts[neuron] = pool[k]!));
  const scaled = countScale === 1 ? counts : counts.map((c) => Math.max(2, Math.round(c * countScale)));
  balanceBelowMean(scaled, new Set([...Object.keys(t.fixed).map(Number), t.isiNeuron]), t.belowMean);
  return scaled;
}

function nearestIndex(sorted: number[], v: number): number {
  let best = 0;
  sorted.forEach((x, i) => {
    if (Math.abs(x - v) < Math.abs(sorted[best]! - v)) best = i;
  });
  return best;
}

function shuffle(a: unknown[], random: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
}

/** Moves the free counts nearest the mean across it until exactly `target` lie below it. */
function balanceBelowMean(counts: number[], pinned: Set<number>, target: number): void {
  const limit = counts.length; // each pass moves one neuron, so this many passes always suffice
  for (let pass = 0; pass < limit; pass++) {
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    const below = counts.filter((c) => c < mean).length;
    if (below === target) return;
    const movable = counts.map((_, i) => i).filter((i) => !pinned.has(i) && (below > target ? counts[i]! < mean : counts[i]! >= mean));
    const i = movable.reduce((a, b) => (Math.abs(counts[b]! - mean) < Math.abs(counts[a]! - mean) ? b : a));
    counts[i] = below > target ? Math.ceil(mean) + 1 : Math.floor(mean) - 1;
  }
  throw new Error("could not place exactly the target number of neurons below the mean");
}
