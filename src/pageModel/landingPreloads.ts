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
 * For each anchor a reader may open the page at (a figure's own, `cell-…`, or a heading whose
 * section holds it, subsections included, as the page's own script finds them), what that
 * figure's first move needs: its code (module and the chunks it imports), the files of its
 * default view and the code every figure runs on (`loader`, with its chunks; none under the
 * development server). The head's script reads it at once, while the page is still arriving, so that a
 * figure opened by a link answers its first move without waiting for the page's scripts.
 */
export function landingPreloads(
  figures: readonly LandingFigure[],
  /** Each figure's innermost section (the heading id it follows), in page order. */
  sections: readonly { readonly section: string; readonly cell: string }[],
  /** The page's headings in order, with their levels. */
  headings: readonly { readonly slug: string; readonly depth: number }[],
  loader: LandingFigure["code"] | null = null,
): Record<string, LandingPreload[]> {
  const shared = loader ? [loader.src, ...loader.deps] : [];
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
        // Its own code and data first (what decides its drawing), then the loader's code.
        [
          ...[f.code.src, ...f.code.deps].map((u): LandingPreload => ["module", u]),
          ...files.map((u): LandingPreload => ["data", u]),
          ...shared.filter((u) => u !== f.code.src && !f.code.deps.includes(u)).map((u): LandingPreload => ["module", u]),
        ],
      ];
    }),
  );
  const preloads: Record<string, LandingPreload[]> = Object.create(null) as Record<string, LandingPreload[]>;
  const add = (anchor: string, list: readonly LandingPreload[]) => {
    const known = new Set((preloads[anchor] ?? []).map((p) => p[1]));
    preloads[anchor] = [...(preloads[anchor] ?? []), ...list.filter((p) => !known.has(p[1]))];
  };
  for (const [cell, list] of byCell) add(cellFigureId(cell), list);
  for (const { section, cell } of sections) {
    const list = byCell.get(cell);
    const at = headings.findIndex((h) => h.slug === section);
    if (!list || at < 0) continue;
    // The figure's heading, and each heading above it whose section runs on to it.
    let depth = Infinity;
    for (let i = at; i >= 0; i--) {
      const heading = headings[i]!;
      if (heading.depth >= depth) continue;
      depth = heading.depth;
      add(heading.slug, list);
    }
  }
  return preloads;
}
