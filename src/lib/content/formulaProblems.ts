import katex from "katex";
import type { Nodes, Root } from "mdast";

/**
 * Formulas KaTeX cannot render as the build renders them (`strict: "error"`, `trust: false`,
 * display or inline): each with its line and KaTeX's reason, so a bad formula is a content
 * error naming the file and line instead of a failed build.
 */
export function formulaProblems(tree: Root): { line: number; message: string }[] {
  const problems: { line: number; message: string }[] = [];
  const visit = (node: Nodes) => {
    if (node.type === "math" || node.type === "inlineMath") {
      try {
        katex.renderToString(node.value, { displayMode: node.type === "math", strict: "error", trust: false, throwOnError: true });
      } catch (err) {
        const reason = (err as Error).message
          .replace(/^KaTeX parse error:\s*/, "")
          .replace(/\s+/g, " ")
          .slice(0, 160);
        problems.push({ line: node.position?.start.line ?? 1, message: `formula does not render: ${reason}` });
      }
      return;
    }
    if ("children" in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return problems;
}
