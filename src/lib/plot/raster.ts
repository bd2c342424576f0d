import type { RenderFunction } from "@observablehq/plot";

/** One row of a raster: a neuron's index and its spike times. */
export interface RasterRow {
  readonly neuron: number;
  readonly times: readonly number[];
}

/**
 * A raster (matplotlib's eventplot) as a Plot render function: one <path> of vertical ticks per
 * row, row i centred at y = i, so thousands of spikes cost one element per neuron, not one each.
 */
export function rasterMark(rows: readonly RasterRow[], color: string, tickHeight = 0.8): RenderFunction {
  return (_index, scales, _values, _dimensions, context) => {
    const x = scales.x as (t: number) => number;
    const y = scales.y as (row: number) => number;
    const g = context.document.createElementNS("http://www.w3.org/2000/svg", "g");
    g.setAttribute("aria-hidden", "true");
    g.setAttribute("class", "mark-raster");
    g.setAttribute("stroke", color);
    g.setAttribute("stroke-width", "1");
    rows.forEach((row, i) => {
      if (row.times.length === 0) return;
      const top = y(i + tickHeight / 2);
      const length = y(i - tickHeight / 2) - top;
      const d = row.times.map((t) => `M${x(t).toFixed(1)},${top.toFixed(1)}v${length.toFixed(1)}`).join("");
      const path = context.document.createElementNS("http://www.w3.org/2000/svg", "path");
      path.setAttribute("d", d);
      path.setAttribute("data-neuron", String(row.neuron));
      g.appendChild(path);
    });
    return g;
  };
}
