/**
 * The TeX a notebook writes for MathJax, as KaTeX draws it: environments MathJax knows and KaTeX
 * does not are drawn with KaTeX's nearest equivalent, and `\label{…}` (a target for `\ref`, which
 * a page cannot resolve) is dropped. Only the drawing changes: the chapter's text, its
 * translation units and its exported notebook keep what the author wrote.
 *
 * - `eqnarray`, `eqnarray*`: three columns, right, centred, left (`a &=& b`): KaTeX's display array
 *   `darray{rcl}`, which sets its cells in display style as eqnarray does.
 * - `multline`, `multline*`: lines of one long formula: `gather*` (each line centred).
 */
const ENVIRONMENTS: Readonly<Record<string, { readonly begin: string; readonly end: string }>> = {
  eqnarray: { begin: "\\begin{darray}{rcl}", end: "\\end{darray}" },
  multline: { begin: "\\begin{gather*}", end: "\\end{gather*}" },
};

export function katexDialect(tex: string): string {
  return tex
    .replace(/\\(begin|end)\{(eqnarray|multline)\*?\}/g, (_all, edge: string, name: string) =>
      edge === "begin" ? ENVIRONMENTS[name]!.begin : ENVIRONMENTS[name]!.end,
    )
    .replace(/\\label\{[^{}]*\}/g, "");
}
