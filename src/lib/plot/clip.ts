/**
 * Cuts a polyline to a horizontal band, keeping the geometry inside it exact: a segment that
 * leaves the band is shortened along itself, and the line restarts where it comes back. Curves
 * such as 300 / x near x = 0 would otherwise put coordinates of 10^12 pixels into the SVG, which
 * the figure's clip hides but browsers (and accessibility checkers) still pay for.
 * Returns the runs to draw, each a list of [x, y]; points with a non-finite y break the line.
 */
export function clipToBand(points: readonly (readonly [number, number])[], lo: number, hi: number): [number, number][][] {
  const runs: [number, number][][] = [];
  let run: [number, number][] = [];
  const end = () => {
    if (run.length > 1) runs.push(run);
    run = [];
  };
  for (let i = 0; i + 1 < points.length; i++) {
    const [x0, y0] = points[i]!;
    const [x1, y1] = points[i + 1]!;
    if (!Number.isFinite(y0) || !Number.isFinite(y1)) {
      end();
      continue;
    }
    // Liang-Barsky on y: the part of the segment with lo <= y <= hi, as t in [0, 1].
    let t0 = 0;
    let t1 = 1;
    const dy = y1 - y0;
    for (const [p, q] of [
      [-dy, y0 - lo],
      [dy, hi - y0],
    ] as const) {
      if (p === 0) {
        if (q < 0) t0 = 2; // parallel and outside
      } else if (p < 0) t0 = Math.max(t0, q / p);
      else t1 = Math.min(t1, q / p);
    }
    if (t0 > t1) {
      end();
      continue;
    }
    const a: [number, number] = [x0 + t0 * (x1 - x0), y0 + t0 * dy];
    const b: [number, number] = [x0 + t1 * (x1 - x0), y0 + t1 * dy];
    if (t0 > 0 || run.length === 0) {
      end();
      run.push(a);
    }
    run.push(b);
    if (t1 < 1) end();
  }
  end();
  return runs;
}
