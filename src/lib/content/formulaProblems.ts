import katex from "katex";
import type { Nodes, Root } from "mdast";
import { CONTENT_LIMITS } from "./limits.ts";
import { katexDialect } from "./katexDialect.ts";

/** How deeply the elements of KaTeX's HTML nest (a linear scan of its tags). */
function nesting(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const m of html.matchAll(/<(\/?)[a-z][^>]*?(\/?)>/g)) {
    if (m[1]) depth--;
    else if (!m[2]) deepest = Math.max(deepest, ++depth);
  }
  return deepest;
}

/** What KaTeX says of a formula it cannot draw as the build draws it (`strict: "error"`, `trust: false`, MathJax's environments as src/lib/content/katexDialect.ts maps them), or null when it draws it. */
export function formulaFailure(tex: string, display: boolean): string | null {
  try {
    katex.renderToString(katexDialect(tex), { displayMode: display, strict: "error", trust: false, throwOnError: true });
    return null;
  } catch (err) {
    return (err instanceof Error ? err.message : String(err))
      .replace(/^KaTeX parse error:\s*/, "")
      .replace(/\s+/g, " ")
      .slice(0, 160);
  }
}

/**
 * Formulas KaTeX cannot render as the build renders them (`strict: "error"`, `trust: false`,
 * display or inline), and formulas whose drawing nests deeper than the page's compiler can walk
 * (200 nested `\underbrace`s render, then overflow the compiler's stack): each with its line and
 * the reason. One KaTeX cannot draw (`render`) is shown to readers as its TeX source
 * (src/integration/remarkFormulaSource.ts), a warning; one too deep (`depth`) is a content error.
 */
export function formulaProblems(tree: Root): { line: number; message: string; kind: "render" | "depth" }[] {
  const problems: { line: number; message: string; kind: "render" | "depth" }[] = [];
  const visit = (node: Nodes) => {
    if (node.type === "math" || node.type === "inlineMath") {
      const line = node.position?.start.line ?? 1;
      const failure = formulaFailure(node.value, node.type === "math");
      if (failure !== null) {
        problems.push({ line, kind: "render", message: `formula KaTeX cannot draw, shown to readers as its TeX source: ${failure}` });
        return;
      }
      const html = katex.renderToString(katexDialect(node.value), {
        displayMode: node.type === "math",
        strict: "error",
        trust: false,
        throwOnError: true,
      });
      const depth = nesting(html);
      if (depth > CONTENT_LIMITS.formulaDepth)
        problems.push({
          line,
          kind: "depth",
          message: `formula nests too deeply (${depth} levels when drawn, at most ${CONTENT_LIMITS.formulaDepth}): split it into several formulas`,
        });
      return;
    }
    if ("children" in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return problems;
}
