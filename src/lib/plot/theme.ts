/**
 * Figure colours as CSS custom properties (defined for light and dark, and for forced colours,
 * in the site's CSS), so one SVG reads well in every scheme: a categorical palette in
 * matplotlib's default order (c0 blue, c1 orange, c2 green, c3 purple, its C4), an ink for
 * marks that are data themselves (a raster's ticks), and a translucent band. A chapter names
 * its series after them (chapters/<chapter>/colors.ts).
 */
export const PALETTE = {
  c0: "var(--plot-c0)",
  c1: "var(--plot-c1)",
  c2: "var(--plot-c2)",
  c3: "var(--plot-c3)",
  ink: "var(--plot-ink)",
  band: "var(--plot-band)",
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
