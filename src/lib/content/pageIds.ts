/**
 * The ids a chapter page gives its own elements. A chapter's headings and videos share the
 * page with them, so none may take one of these (or a name under one of the prefixes): a
 * heading called `main` would take the skip link's target, one called `toc` the contents'.
 */
export const PAGE_ID = {
  main: "main",
  toc: "toc",
  tocHeading: "toc-heading",
  search: "site-search",
  footnotes: "footnote-label",
} as const;

/** A cell's figure. */
export const cellFigureId = (cell: string): string => `cell-${cell}`;
/** A control of a cell (and, with a suffix, its label and number field). */
export const controlId = (cell: string, input: string): string => `${cell}-${input}`;
/** A glossary term's hint. */
export const termHintId = (term: string): string => `term-hint-${term}`;

/**
 * Prefixes only the page may use: figures, glossary hints, footnotes (GFM's), videos (a
 * `<Video>`'s own id must start with it, and no heading may).
 */
export const PAGE_ID_PREFIXES = ["cell-", "term-hint-", "user-content-", "video-"] as const;

/** Why a heading (or anchor) may not have this id on a page with these cells, or null when it may. */
export function reservedIdProblem(id: string, cells: readonly string[]): string | null {
  const lower = id.toLowerCase();
  if ((Object.values(PAGE_ID) as string[]).includes(lower)) return `the page uses the id "${id}" itself`;
  const prefix = PAGE_ID_PREFIXES.find((p) => lower.startsWith(p));
  if (prefix) return `ids starting with "${prefix}" are the page's own`;
  const cell = cells.find((c) => lower === c.toLowerCase() || lower.startsWith(`${c.toLowerCase()}-`));
  if (cell) return `ids starting with "${cell}-" are the controls of cell "${cell}"`;
  return null;
}
