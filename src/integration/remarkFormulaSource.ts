import type { ElementContent } from "hast";
import type { InlineMath, Math } from "mdast-util-math";
import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import { formulaFailure } from "../lib/content/formulaProblems.ts";
import { katexDialect } from "../lib/content/katexDialect.ts";

/** Gives a formula node the TeX KaTeX is to draw (the parser wrote its text into the node's HTML children too). */
function drawnAs(node: InlineMath | Math, tex: string): void {
  if (tex === node.value) return;
  node.value = tex;
  const setText = (children: readonly ElementContent[] | undefined) => {
    for (const child of children ?? []) {
      if (child.type === "text") child.value = tex;
      else if (child.type === "element") setText(child.children);
    }
  };
  setText(node.data?.hChildren);
}

/**
 * A formula KaTeX cannot draw (one MathJax draws, as a published notebook may have it) is shown
 * as the author wrote it: its TeX source in a marked box (`.formula-source`), KaTeX's reason as
 * its title, instead of stopping the build. The content check says so, as a warning with the
 * file and line (an error with STRICT=1). Runs after the source's sections are merged in, so a
 * formula shown from the source is treated the same. A formula KaTeX draws is handed to it in
 * KaTeX's dialect (src/lib/content/katexDialect.ts: `eqnarray` as `darray{rcl}`, say).
 */
export default function remarkFormulaSource() {
  return (tree: Root): void => {
    visit(tree, (node, index, parent) => {
      if ((node.type !== "math" && node.type !== "inlineMath") || !parent || index === undefined) return;
      const failure = formulaFailure(node.value, node.type === "math");
      if (failure === null) {
        drawnAs(node, katexDialect(node.value));
        return;
      }
      const properties = { className: ["formula-source"], title: failure, dataFormulaError: "" };
      parent.children[index] =
        node.type === "math"
          ? {
              type: "paragraph",
              children: [],
              data: {
                hName: "div",
                hProperties: properties,
                hChildren: [
                  { type: "element", tagName: "code", properties: { translate: "no" }, children: [{ type: "text", value: node.value }] },
                ],
              },
            }
          : { type: "inlineCode", value: node.value, data: { hProperties: properties } };
    });
  };
}
