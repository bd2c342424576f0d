/** Three function families a histogram can be fitted with (exponential, inverse, linear), applied to one x. */
export type ModelName = "exponential" | "inverse" | "linear";

/** `scale * exp(rate * (x - x0))`. */
export function exponential(x: number, scale: number, rate: number, x0: number): number {
  return scale * Math.exp(rate * (x - x0));
}

/** `scale / (x - x0)`. */
export function inverse(x: number, scale: number, x0: number): number {
  return scale / (x - x0);
}

/** `slope * x + y0`. */
export function linear(x: number, slope: number, y0: number): number {
  return slope * x + y0;
}

/** Each family's parameter names in the tutorial's order, and its function of x and them. */
export const MODELS: Record<ModelName, { params: readonly string[]; f: (x: number, p: readonly number[]) => number }> = {
  exponential: { params: ["scale", "rate", "x0"], f: (x, p) => exponential(x, p[0]!, p[1]!, p[2]!) },
  inverse: { params: ["scale", "x0"], f: (x, p) => inverse(x, p[0]!, p[1]!) },
  linear: { params: ["slope", "y0"], f: (x, p) => linear(x, p[0]!, p[1]!) },
};

export const MODEL_NAMES: readonly ModelName[] = ["exponential", "inverse", "linear"];

/** Sum of squared errors of a family with parameters `p` against points (xs, ys). */
export function sumSquaredErrors(model: ModelName, p: readonly number[], xs: readonly number[], ys: readonly number[]): number {
  const f = MODELS[model].f;
  let sse = 0;
  for (let i = 0; i < xs.length; i++) {
    const r = f(xs[i]!, p) - ys[i]!;
    sse += r * r;
  }
  return Number.isNaN(sse) ? Infinity : sse;
}

/** Bin centres of a histogram's edges: where the explorer compares a curve with the counts. */
export function binCenters(edges: readonly number[]): number[] {
  return edges.slice(0, -1).map((e, i) => (e + edges[i + 1]!) / 2);
}
