import { sumSquaredErrors, type ModelName } from "./models.ts";

export interface Fit {
  readonly params: number[];
  readonly sse: number;
}

/** A slider's reachable values: min, min + step, ..., max. */
export interface ParamGrid {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

// Every family is linear in one parameter given the others: f = p * g(x) + h(x).
const LINEAR_PARAM: Record<ModelName, number> = { exponential: 0, inverse: 0, linear: 1 };

function basis(model: ModelName, p: readonly number[], x: number): [g: number, h: number] {
  if (model === "exponential") return [Math.exp(p[1]! * (x - p[2]!)), 0];
  if (model === "inverse") return [1 / (x - p[1]!), 0];
  return [1, p[0]! * x];
}

/** The least-squares value of the family's linear parameter, the others held at `p`. */
function bestLinearParam(model: ModelName, p: readonly number[], xs: readonly number[], ys: readonly number[]): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    const [g, h] = basis(model, p, xs[i]!);
    num += g * (ys[i]! - h);
    den += g * g;
  }
  return den > 0 && Number.isFinite(num / den) ? num / den : 0;
}

/** Minimises a function of one variable on [lo, hi]: a scan, then golden-section refinement. */
function minimize1d(f: (v: number) => number, lo: number, hi: number, scan = 400): number {
  let best = lo;
  let bestV = Infinity;
  const h = (hi - lo) / scan;
  for (let k = 0; k <= scan; k++) {
    const v = f(lo + k * h);
    if (v < bestV) [best, bestV] = [lo + k * h, v];
  }
  let a = Math.max(lo, best - h);
  let b = Math.min(hi, best + h);
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let it = 0; it < 100 && b - a > 1e-12 * (1 + Math.abs(a)); it++) {
    const c = b - phi * (b - a);
    const d = a + phi * (b - a);
    if (f(c) < f(d)) b = d;
    else a = c;
  }
  return (a + b) / 2;
}

/**
 * Least-squares fit of a family to points (xs, ys), over all real parameters: linear by the
 * normal equations; exponential (x0 = 0, since scale and x0 are redundant) and inverse (x0
 * left of every x, so no pole falls among the points) by a 1-D search with the linear
 * parameter solved exactly at each step.
 */
export function fitLeastSquares(model: ModelName, xs: readonly number[], ys: readonly number[]): Fit {
  const xmin = Math.min(...xs);
  const span = Math.max(...xs) - xmin || 1;
  const withBest = (p: number[]): number[] => {
    p[LINEAR_PARAM[model]] = bestLinearParam(model, p, xs, ys);
    return p;
  };
  let params: number[];
  if (model === "linear") {
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    let sxy = 0;
    let sxx = 0;
    xs.forEach((x, i) => {
      sxy += (x - mx) * (ys[i]! - my);
      sxx += (x - mx) * (x - mx);
    });
    const slope = sxx > 0 ? sxy / sxx : 0;
    params = [slope, my - slope * mx];
  } else if (model === "exponential") {
    const sse = (r: number) => sumSquaredErrors(model, withBest([0, r, 0]), xs, ys);
    params = withBest([0, minimize1d(sse, -60 / span, 60 / span), 0]);
  } else {
    const sse = (x0: number) => sumSquaredErrors(model, withBest([0, x0]), xs, ys);
    params = withBest([0, minimize1d(sse, xmin - 20 * span, xmin - 1e-6 * span)]);
  }
  return { params, sse: sumSquaredErrors(model, params, xs, ys) };
}

function gridValues({ min, max, step }: ParamGrid): number[] {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  const n = Math.round((max - min) / step);
  return Array.from({ length: n + 1 }, (_, k) => Number((min + k * step).toFixed(decimals)));
}

/** The grid values on either side of v (one value when v is on the grid or outside it). */
function snapper(grid: ParamGrid): (v: number) => number[] {
  const values = gridValues(grid);
  return (v) => {
    const k = Math.min(Math.max((v - grid.min) / grid.step, 0), values.length - 1);
    const lo = values[Math.floor(k)]!;
    const hi = values[Math.ceil(k)]!;
    return lo === hi ? [lo] : [lo, hi];
  };
}

/**
 * The least-squares fit among the values a reader can reach with the sliders: every grid
 * combination of the non-linear parameters, the linear one solved exactly then snapped to its
 * two neighbouring grid values (the error is a parabola in it, so one of them is best).
 */
export function fitOnGrid(model: ModelName, grids: readonly ParamGrid[], xs: readonly number[], ys: readonly number[]): Fit {
  const lin = LINEAR_PARAM[model];
  const others = grids.map((g, i) => (i === lin ? [NaN] : gridValues(g)));
  const snap = snapper(grids[lin]!);
  let best: Fit = { params: grids.map((g) => g.min), sse: Infinity };
  const p = new Array<number>(grids.length).fill(0);
  const visit = (d: number): void => {
    if (d === grids.length) {
      for (const v of snap(bestLinearParam(model, p, xs, ys))) {
        p[lin] = v;
        const sse = sumSquaredErrors(model, p, xs, ys);
        if (sse < best.sse) best = { params: [...p], sse };
      }
      return;
    }
    for (const v of others[d]!) {
      p[d] = v;
      visit(d + 1);
    }
  };
  visit(0);
  return best;
}
