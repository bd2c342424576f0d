import { PALETTE } from "#lib/plot/theme.ts";

/**
 * The tutorial's series in the colours its matplotlib figures use: C0 blue bars, an orange
 * mean, a green median, the model curves in C1, C2 and C4, black spikes.
 */
export const COLORS = {
  bars: PALETTE.c0,
  mean: PALETTE.c1,
  median: PALETTE.c2,
  band: PALETTE.band,
  spikes: PALETTE.ink,
  exponential: PALETTE.c1,
  inverse: PALETTE.c2,
  linear: PALETTE.c3,
} as const;
