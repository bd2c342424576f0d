import katex from "katex";
import type { Nodes, Root } from "mdast";
import { CONTENT_LIMITS } from "./limits.ts";

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

/**
 * Formulas KaTeX cannot render as the build renders them (`strict: "error"`, `trust: false`,
 * display or inline), or whose drawing nests deeper than the page's compiler can walk (200
 * nested `\underbrace`s render, then overflow the compiler's stack): each with its line and
 * the reason, so a bad formula is a content error naming the file and line instead of a
 * failed build.
 */
export function formulaProblems(tree: Root): { line: number; message: string }[] {
  const problems: { line: number; message: string }[] = [];
  const visit = (node: Nodes) => {
    if (node.type === "math" || node.type === "inlineMath") {
      const line = node.position?.start.line ?? 1;
      try {
        const html = katex.renderToString(node.value, {
          displayMode: node.type === "math",
          strict: "error",
          trust: false,
          throwOnError: true,
        });
        const depth = nesting(html);
        if (depth > CONTENT_LIMITS.formulaDepth)
          problems.push({
            line,
            message: `formula nests too deeply (${depth} levels when drawn, at most ${CONTENT_LIMITS.formulaDepth}): split it into several formulas`,
          });
      } catch (err) {
        const reason = (err instanceof Error ? err.message : String(err))
          .replace(/^KaTeX parse error:\s*/, "")
          .replace(/\s+/g, " ")
          .slice(0, 160);
        problems.push({ line, message: `formula does not render: ${reason}` });
      }
      return;
    }
    if ("children" in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return problems;
}
