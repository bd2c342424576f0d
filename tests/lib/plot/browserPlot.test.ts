import * as Plot from "@observablehq/plot";
import { describe, expect, it } from "vitest";
import { renderPlot } from "../../../src/lib/plot/ssr.ts";

// The browser's Plot leaves out projections, named colour schemes and the calendar (src/lib/plot/browserPlot.ts):
// a figure the browser redraws may not need them, and the build says so; a figure drawn only at
// build time may.
const bars = Plot.barY([1, 2, 3], { x: (_: number, i: number) => i, y: (d: number) => d, fill: (_: number, i: number) => `g${i}` });

describe("a figure the browser redraws", () => {
  it("may colour by its own range", () => {
    expect(renderPlot({ marks: [bars], color: { range: ["#111", "#222", "#333"] } }, true)).toMatch(/^<svg/);
  });

  it("may not take a named colour scheme (Plot's default for a colour scale without a range)", () => {
    expect(() => renderPlot({ marks: [bars] }, true)).toThrow(
      /colour scale takes its colours from a scheme \(Plot's default\): give the scale its colours/,
    );
    expect(() => renderPlot({ marks: [bars], color: { scheme: "blues" } }, true)).toThrow(/a scheme \("blues"\)/);
    expect(renderPlot({ marks: [bars], color: { type: "identity" } }, true)).toMatch(/^<svg/);
    expect(renderPlot({ marks: [bars] }, false)).toMatch(/^<svg/);
  });

  it("may not use a projection or a mark that draws with one", () => {
    const land = { type: "Feature", geometry: { type: "Point", coordinates: [0, 0] }, properties: {} };
    expect(() => renderPlot({ projection: "equal-earth", marks: [Plot.graticule()] }, true)).toThrow(/projections/);
    expect(() => renderPlot({ marks: [Plot.geo([land])] }, true)).toThrow(/projections/);
    expect(renderPlot({ projection: "equal-earth", marks: [Plot.graticule()] }, false)).toMatch(/^<svg/);
  });

  it("may not put time on a time scale (the calendar is left out)", () => {
    const day = (i: number) => new Date(Date.UTC(2026, 0, 1 + i));
    const line = (x: (i: number) => Date | number) => Plot.lineY([3, 1, 2], { x: (_: number, i: number) => x(i), y: (d: number) => d });
    expect(() => renderPlot({ marks: [line(day)] }, true)).toThrow(/its x scale is a time scale .*give times as numbers/);
    expect(() => renderPlot({ marks: [line((i) => i)], x: { type: "time" } }, true)).toThrow(/its x scale is a time scale/);
    expect(() => renderPlot({ marks: [Plot.dot([day(0)], { y: (d: Date) => d })] }, true)).toThrow(/its y scale is a time scale/);
    expect(renderPlot({ marks: [line((i) => i * 0.5)] }, true)).toMatch(/^<svg/);
    expect(renderPlot({ marks: [line(day)] }, false)).toMatch(/^<svg/);
  });
});
