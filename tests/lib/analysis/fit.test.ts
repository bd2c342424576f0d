import { describe, expect, it } from "vitest";
import { fitLeastSquares, fitOnGrid } from "../../../src/lib/analysis/fit.ts";
import { exponential, inverse, linear, sumSquaredErrors } from "../../../src/lib/analysis/models.ts";

const xs = Array.from({ length: 50 }, (_, i) => 0.002 + i * 0.004);

describe("least-squares fits recover the parameters that made noiseless data", () => {
  it("linear", () => {
    const ys = xs.map((x) => linear(x, -40_000, 9_000));
    const fit = fitLeastSquares("linear", xs, ys);
    expect(fit.params[0]).toBeCloseTo(-40_000, 6);
    expect(fit.params[1]).toBeCloseTo(9_000, 6);
  });

  it("exponential (x0 = 0: scale and x0 are one amplitude)", () => {
    const ys = xs.map((x) => exponential(x, 12_000, -35, 0));
    const fit = fitLeastSquares("exponential", xs, ys);
    expect(fit.params[1]).toBeCloseTo(-35, 5);
    expect(fit.params[0]).toBeCloseTo(12_000, 2);
    expect(fit.sse).toBeLessThan(1e-6);
  });

  it("inverse, with the pole left of the data", () => {
    const ys = xs.map((x) => inverse(x, 150, -0.01));
    const fit = fitLeastSquares("inverse", xs, ys);
    expect(fit.params[1]).toBeCloseTo(-0.01, 6);
    expect(fit.params[0]).toBeCloseTo(150, 3);
  });
});

describe("fit on the sliders' grid", () => {
  const ys = xs.map((x) => exponential(x, 9_000, -30, 0) + 300 * Math.sin(x * 400));
  const grids = [
    { min: 0, max: 20_000, step: 250 },
    { min: -200, max: 50, step: 1 },
    { min: -0.5, max: 0.5, step: 0.005 },
  ];

  it("lands on grid values and beats every neighbouring grid point", () => {
    const fit = fitOnGrid("exponential", grids, xs, ys);
    fit.params.forEach((v, i) => {
      const k = (v - grids[i]!.min) / grids[i]!.step;
      expect(Math.abs(k - Math.round(k)), `parameter ${i} on the grid`).toBeLessThan(1e-6);
    });
    for (let i = 0; i < 3; i++) {
      for (const d of [-1, 1]) {
        const p = [...fit.params];
        p[i] = p[i]! + d * grids[i]!.step;
        expect(sumSquaredErrors("exponential", p, xs, ys)).toBeGreaterThanOrEqual(fit.sse);
      }
    }
  });

  it("is no better than the unconstrained least squares", () => {
    expect(fitOnGrid("exponential", grids, xs, ys).sse).toBeGreaterThanOrEqual(fitLeastSquares("exponential", xs, ys).sse);
  });

  it("finds the linear family's grid optimum, which an exhaustive search confirms", () => {
    const lg = [
      { min: -600_000, max: 100_000, step: 10_000 },
      { min: 0, max: 40_000, step: 1000 },
    ];
    let best = Infinity;
    for (let m = -600_000; m <= 100_000; m += 10_000) {
      for (let b = 0; b <= 40_000; b += 1000) best = Math.min(best, sumSquaredErrors("linear", [m, b], xs, ys));
    }
    expect(fitOnGrid("linear", lg, xs, ys).sse).toBe(best);
  });
});
