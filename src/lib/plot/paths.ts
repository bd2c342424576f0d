import type { RenderFunction } from "@observablehq/plot";

const SVG = "http://www.w3.org/2000/svg";
const f = (v: number) => Number(v.toFixed(2));

/** Presentation attributes of a drawn path, and the class our tests and styles find it by. */
export interface PathStyle {
  readonly className: string;
  readonly stroke?: string;
  readonly strokeWidth?: number;
  /** A dash pattern (SVG `stroke-dasharray`), so lines differ by more than colour. */
  readonly strokeDasharray?: string;
  readonly fill?: string;
  readonly fillOpacity?: number;
}

function group(context: Parameters<RenderFunction>[4], style: PathStyle, d: readonly string[]): SVGGElement {
  const g = context.document.createElementNS(SVG, "g");
  g.setAttribute("class", style.className);
  g.setAttribute("fill", style.fill ?? "none");
  if (style.fillOpacity !== undefined) g.setAttribute("fill-opacity", String(style.fillOpacity));
  if (style.stroke) {
    g.setAttribute("stroke", style.stroke);
    g.setAttribute("stroke-width", String(style.strokeWidth ?? 1));
    g.setAttribute("stroke-linejoin", "round");
    g.setAttribute("stroke-linecap", "round");
    if (style.strokeDasharray) g.setAttribute("stroke-dasharray", style.strokeDasharray);
  }
  for (const path of d) {
    const el = context.document.createElementNS(SVG, "path");
    el.setAttribute("d", path);
    g.appendChild(el);
  }
  return g;
}

/**
 * Polylines through data points (each run its own path), as a Plot render function: the
 * model curves of the ISI explorer. Points must already lie inside the plot's domain (cut them
 * with clipToBand); nothing else of Plot's line machinery is needed.
 */
export function polylineMark(runs: readonly (readonly (readonly [number, number])[])[], style: PathStyle): RenderFunction {
  return (_index, scales, _values, _dimensions, context) => {
    const x = scales.x as (v: number) => number;
    const y = scales.y as (v: number) => number;
    return group(
      context,
      style,
      runs.map((run) => run.map(([px, py], i) => `${i ? "L" : "M"}${f(x(px))},${f(y(py))}`).join("")),
    );
  };
}

/**
 * A filled step area, as matplotlib's `fill_between(xs, ys, step="post")` draws it: from each
 * x to the next at the height of its y, down to zero, ending at the last x.
 */
export function stepAreaMark(xs: readonly number[], ys: readonly number[], style: PathStyle): RenderFunction {
  return (_index, scales, _values, _dimensions, context) => {
    const x = scales.x as (v: number) => number;
    const y = scales.y as (v: number) => number;
    if (xs.length < 2) return group(context, style, []);
    let d = `M${f(x(xs[0]!))},${f(y(0))}`;
    for (let i = 0; i + 1 < xs.length; i++) d += `V${f(y(ys[i]!))}H${f(x(xs[i + 1]!))}`;
    d += `V${f(y(0))}Z`;
    return group(context, style, [d]);
  };
}
