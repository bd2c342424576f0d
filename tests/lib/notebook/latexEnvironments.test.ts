import katex from "katex";
import type { Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { mathFromMarkdown } from "mdast-util-math";
import { math } from "micromark-extension-math";
import { describe, expect, it } from "vitest";
import { separateLatexEnvironments } from "../../../src/notebook/import/markdownBlocks.ts";

// LaTeX environments as published notebooks write them: Jupyter (MathJax) draws each as maths
// wherever it stands; plain CommonMark reads most of these shapes as text.
const SHAPES: [string, string][] = [
  [
    "after a line of text, no blank line",
    "We fit the line as follows:\n\\begin{align}\n\\hat{y} &= \\theta x \\\\\n\\text{MSE} &= \\frac{1}{N}\\sum_i (y_i - \\hat{y}_i)^2\n\\end{align}\nwhere $\\theta$ is the slope.",
  ],
  ["starred, glued on both sides", "Hence\n\\begin{align*}\na &= b \\\\\nc &= d\n\\end{align*}\nand so on."],
  ["in a list item", "1. The update:\n   \\begin{equation}\n   v_{t+1} = v_t + \\Delta t\\, f(v_t)\n   \\end{equation}\n2. The reset."],
  ["on one line after text", "It reads \\begin{equation} E = mc^2 \\end{equation} as expected."],
];

const mathNodes = (tree: Root) =>
  tree.children.flatMap(function walk(n): { value: string }[] {
    return n.type === "math" ? [n] : "children" in n ? (n.children as Root["children"]).flatMap(walk) : [];
  });

describe("a LaTeX environment in a notebook's markdown", () => {
  for (const [shape, source] of SHAPES)
    it(`is a display formula when it stands ${shape}, its lines kept and drawn by KaTeX`, () => {
      const plain = fromMarkdown(source, { extensions: [math()], mdastExtensions: [mathFromMarkdown()] });
      expect(mathNodes(plain), "CommonMark alone reads it as text").toEqual([]);
      const { source: separated, count } = separateLatexEnvironments(source);
      expect(count).toBe(1);
      const tree = fromMarkdown(separated, { extensions: [math()], mdastExtensions: [mathFromMarkdown()] });
      const [formula] = mathNodes(tree);
      expect(formula).toBeDefined();
      const env = /\\begin\{[a-z*]+\}[\s\S]*\\end\{[a-z*]+\}/.exec(source)![0];
      // Every line of the environment, `\\` and `&` as written (indentation aside).
      expect(formula!.value.replace(/^\s+/gm, "")).toBe(env.replace(/^\s+/gm, ""));
      expect(() => katex.renderToString(formula!.value, { displayMode: true, throwOnError: true })).not.toThrow();
      // The text around it stays text.
      expect(separated).toContain(source.split("\n")[0]!.replace(/\s*\\begin.*$/, ""));
    });

  it("is left alone inside $$, inside an inline formula and inside code", () => {
    for (const source of [
      "$$\n\\begin{align}\nx\n\\end{align}\n$$",
      "Inline $\\begin{aligned} x \\end{aligned}$.",
      "```\n\\begin{align}\n```",
    ])
      expect(separateLatexEnvironments(source)).toEqual({ source, count: 0 });
  });
});
