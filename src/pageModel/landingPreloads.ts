import type { CellConfig } from "../api/cellConfig.ts";
import { cellFigureId } from "../lib/content/pageIds.ts";

/** What the head of a page fetches first when the page is opened at an anchor: modules, and data files. */
export type LandingPreload = readonly ["module" | "data", string];

/** An interactive figure of the page: its id, its code's addresses and its configuration (as the page writes it). */
export interface LandingFigure {
  readonly cell: string;
  readonly code: { readonly src: string; readonly deps: readonly string[] };
  readonly config: string;
}

/**
 * For each anchor a reader may open the page at (a figure's own, `cell-…`, or the section it is
 * in), what that figure's first move needs: its code (module and the chunks it imports) and the
 * files of its default view. The head's script reads it at once, while the page is still
 * arriving, so that a figure opened by a link answers its first move without waiting for the
 * page's scripts to find it.
 */
export function landingPreloads(
  figures: readonly LandingFigure[],
  sections: readonly { readonly section: string; readonly cell: string }[],
): Record<string, LandingPreload[]> {
  const byCell = new Map(
    figures.map((f): [string, LandingPreload[]] => {
      let files: readonly string[];
      try {
        files = (JSON.parse(f.config) as Partial<CellConfig>).firstMove?.atDefault ?? [];
      } catch {
        files = [];
      }
      return [
        f.cell,
        [...[f.code.src, ...f.code.deps].map((u): LandingPreload => ["module", u]), ...files.map((u): LandingPreload => ["data", u])],
      ];
    }),
  );
  const preloads: Record<string, LandingPreload[]> = Object.create(null) as Record<string, LandingPreload[]>;
  for (const [cell, list] of byCell) preloads[cellFigureId(cell)] = list;
  for (const { section, cell } of sections) {
    const list = byCell.get(cell);
    if (!section || !list) continue;
    const known = new Set((preloads[section] ?? []).map((p) => p[1]));
    preloads[section] = [...(preloads[section] ?? []), ...list.filter((p) => !known.has(p[1]))];
  }
  return preloads;
}
