/**
 * Figure colours as CSS custom properties (defined for light and dark in the site's CSS), so
 * one SVG reads well in both colour schemes. The series colours follow matplotlib's defaults
 * the tutorial uses: C0 blue bars, orange means, limegreen medians, C1/C2/C4 model curves.
 */
export const COLORS = {
  bars: "var(--plot-bars)",
  mean: "var(--plot-mean)",
  median: "var(--plot-median)",
  band: "var(--plot-band)",
  spikes: "var(--plot-spikes)",
  exponential: "var(--plot-exponential)",
  inverse: "var(--plot-inverse)",
  linear: "var(--plot-linear)",
} as const;

/**
 * Line patterns for series that colour alone would tell apart (WCAG 1.4.1, and forced colours):
 * solid, long dashes, dots (dots need round caps and a width of about 3 px).
 */
export const DASHES = ["", "10 6", "0.5 7"] as const;

/**
 * Options every figure shares: size, font from the page, and all four margins fixed, so that
 * layers drawn with and without axes share the same plotting area pixel for pixel.
 */
export const BASE = {
  width: 640,
  height: 340,
  marginTop: 32,
  marginRight: 20,
  marginLeft: 56,
  marginBottom: 42,
  style: { fontFamily: "inherit", fontSize: "12px", background: "transparent", overflow: "visible" },
} as const;
