import type { RenderFunction } from "@observablehq/plot";

const SVG = "http://www.w3.org/2000/svg";

/** A box in pixels: left, top, right, bottom. */
export type Box = readonly [number, number, number, number];
/** A segment in pixels: x1, y1, x2, y2. */
export type Segment = readonly [number, number, number, number];

/** A label to place: its text's box size, and the points (in pixels) it may name, best first. */
export interface LabelRequest {
  readonly width: number;
  readonly height: number;
  readonly points: readonly (readonly [number, number])[];
}

const inside = (x: number, y: number, [l, t, r, b]: Box) => x >= l && x <= r && y >= t && y <= b;

/** Whether a segment touches a box (an end inside it, or a crossing of one of its sides). */
export function crosses([x1, y1, x2, y2]: Segment, box: Box): boolean {
  if (inside(x1, y1, box) || inside(x2, y2, box)) return true;
  // Liang–Barsky: clip the segment to the box; anything left means it crosses.
  const [l, t, r, b] = box;
  const dx = x2 - x1;
  const dy = y2 - y1;
  let from = 0;
  let to = 1;
  for (const [p, q] of [
    [-dx, x1 - l],
    [dx, r - x1],
    [-dy, y1 - t],
    [dy, b - y1],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const u = q / p;
      if (p < 0) from = Math.max(from, u);
      else to = Math.min(to, u);
      if (from > to) return false;
    }
  }
  return true;
}

const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/**
 * Places labels one after another where none collides: each takes the first of its points where
 * its box (just above the point, else below it, to its right or left, or at a corner) stays inside
 * `frame`, clear of the labels placed before it and of every segment drawn (`obstacles`: the
 * lines and the bars' outline).
 * A label with no such place is left out (null): the legend still names what it named.
 */
export function placeLabels(requests: readonly LabelRequest[], obstacles: readonly Segment[], frame: Box, gap = 4): (Box | null)[] {
  const placed: Box[] = [];
  const around = (x: number, y: number, width: number, height: number): Box[] => [
    [x - width / 2, y - gap - height, x + width / 2, y - gap],
    [x - width / 2, y + gap, x + width / 2, y + gap + height],
    [x + gap, y - height / 2, x + gap + width, y + height / 2],
    [x - gap - width, y - height / 2, x - gap, y + height / 2],
    [x + gap, y - gap - height, x + gap + width, y - gap],
    [x - gap - width, y - gap - height, x - gap, y - gap],
    [x + gap, y + gap, x + gap + width, y + gap + height],
    [x - gap - width, y + gap, x - gap, y + gap + height],
  ];
  const free = (box: Box) =>
    box[0] >= frame[0] && box[1] >= frame[1] && box[2] <= frame[2] && box[3] <= frame[3] && !placed.some((p) => overlaps(p, box));
  return requests.map(({ width, height, points }) => {
    for (const [x, y] of points)
      for (const box of around(x, y, width, height)) {
        if (!free(box) || obstacles.some((s) => crosses(s, box))) continue;
        placed.push(box);
        return box;
      }
    return null;
  });
}

/** The width of a text in a bold sans-serif face, estimated: a wide character (CJK) an em, others six tenths. */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const ch of text) ems += /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 1 : 0.62;
  return ems * fontSize;
}

/**
 * The points of a run in pixels, with points added along any segment longer than `spacing`, so
 * that a long straight stretch (a steep line has only its two ends) offers places in between.
 */
export function alongRun(run: readonly (readonly [number, number])[], spacing: number): (readonly [number, number])[] {
  const out: (readonly [number, number])[] = [];
  run.forEach(([x, y], i) => {
    const prev = run[i - 1];
    if (prev) {
      const steps = Math.min(200, Math.floor(Math.hypot(x - prev[0], y - prev[1]) / spacing));
      for (let k = 1; k < steps; k++) out.push([prev[0] + ((x - prev[0]) * k) / steps, prev[1] + ((y - prev[1]) * k) / steps]);
    }
    out.push([x, y]);
  });
  return out;
}

/** A line to name: its points in data coordinates (runs of them), its name, its class and colour, and where along x it is best named (0 to 1). */
export interface NamedLine {
  readonly runs: readonly (readonly (readonly [number, number])[])[];
  readonly text: string;
  readonly className: string;
  readonly fill: string;
  readonly at: number;
}

/**
 * A Plot render function naming lines on the figure without any collision (placeLabels): each
 * name tried at the line's points nearest its preferred place first, clear of every line and of
 * the outline `also` (the bars' tops, in data coordinates), of the frame's edges and of each other.
 */
export function lineLabelsMark(lines: readonly NamedLine[], also: readonly (readonly [number, number])[], fontSize = 12): RenderFunction {
  return (_index, scales, _values, dimensions, context) => {
    const x = scales.x as (v: number) => number;
    const y = scales.y as (v: number) => number;
    const px = (run: readonly (readonly [number, number])[]) => run.map(([a, b]) => [x(a), y(b)] as const);
    const segments = (points: readonly (readonly [number, number])[]): Segment[] =>
      points.slice(1).map((p, i) => [points[i]![0], points[i]![1], p[0], p[1]] as const);
    const obstacles = [...lines.flatMap((l) => l.runs.map(px).flatMap(segments)), ...segments(px(also))];
    const frame: Box = [
      dimensions.marginLeft,
      dimensions.marginTop,
      dimensions.width - dimensions.marginRight,
      dimensions.height - dimensions.marginBottom,
    ];
    const requests = lines.map((l) => {
      const points = l.runs.map(px).flatMap((run) => alongRun(run, fontSize));
      const target = frame[0] + l.at * (frame[2] - frame[0]);
      return {
        width: textWidth(l.text, fontSize) + 6,
        height: fontSize + 2,
        points: [...points].sort((a, b) => Math.abs(a[0] - target) - Math.abs(b[0] - target)),
      };
    });
    const boxes = placeLabels(requests, obstacles, frame);
    const g = context.document.createElementNS(SVG, "g");
    g.setAttribute("font-size", String(fontSize));
    g.setAttribute("font-weight", "700");
    g.setAttribute("text-anchor", "middle");
    lines.forEach((line, i) => {
      const box = boxes[i];
      if (!box) return;
      const text = context.document.createElementNS(SVG, "text");
      text.setAttribute("class", line.className);
      text.setAttribute("x", String(Math.round((box[0] + box[2]) / 2)));
      text.setAttribute("y", String(Math.round(box[3] - 3)));
      text.setAttribute("fill", line.fill);
      text.setAttribute("stroke", "var(--bg)");
      text.setAttribute("stroke-width", "4");
      text.setAttribute("paint-order", "stroke");
      text.textContent = line.text;
      g.appendChild(text);
    });
    return g;
  };
}
