import type { CellDefinition } from "../cells/types.ts";

type AnyCell = CellDefinition;

/**
 * The browser code of each interactive cell, loaded on demand: each import becomes its own
 * chunk (sharing Plot's), fetched only when its figure comes near the viewport or gets focus.
 */
export const CELL_MODULES: Record<string, () => Promise<AnyCell>> = {
  "isi-function-explorer": () =>
    import("../cells/w1d1-tutorial1/isiFunctionExplorer.ts").then((m) => m.isiFunctionExplorer as unknown as AnyCell),
  "isi-histogram": () => import("../cells/w1d1-tutorial1/isiHistogram.ts").then((m) => m.isiHistogram as unknown as AnyCell),
  "raster-population": () => import("../cells/w1d1-tutorial1/rasters.ts").then((m) => m.rasterPopulation as unknown as AnyCell),
};
