import katex from "katex";
import type { Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { mathFromMarkdown } from "mdast-util-math";
import { math } from "micromark-extension-math";
import { describe, expect, it } from "vitest";
import { separateDisplayDollars, separateLatexEnvironments } from "../../../src/notebook/import/markdownBlocks.ts";

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

// `$$…$$` on one line, as 2020-21 notebooks write it: MathJax draws it as display maths wherever it
// stands; CommonMark's maths reads one line of it as inline maths.
const DOLLAR_SHAPES: [string, string, string[]][] = [
  [
    "alone on its line",
    "We then have\n\n$$\\tau_\\eta \\frac{d}{dt}\\eta(t) = \\mu-\\eta(t).$$\n\nwhich we check.",
    ["\\tau_\\eta \\frac{d}{dt}\\eta(t) = \\mu-\\eta(t)."],
  ],
  ["right under a line of text", "An OU process has\n$$E[\\eta(t)]=\\mu$$ \nand more.", ["E[\\eta(t)]=\\mu"]],
  ["twice inside a line of text", "Both $$a=1$$ and $$b=2$$ hold.", ["a=1", "b=2"]],
  ["in a list item", "- the rate $$r = n/T$$\n- the next item", ["r = n/T"]],
];

describe("a $$ formula on one line in a notebook's markdown", () => {
  for (const [shape, source, formulas] of DOLLAR_SHAPES)
    it(`is a display formula when it stands ${shape}, the text around it kept`, () => {
      const plain = fromMarkdown(source, { extensions: [math()], mdastExtensions: [mathFromMarkdown()] });
      expect(mathNodes(plain), "one line of $$ is inline maths to CommonMark").toEqual([]);
      const { source: separated, count } = separateDisplayDollars(source);
      expect(count).toBe(formulas.length);
      const tree = fromMarkdown(separated, { extensions: [math()], mdastExtensions: [mathFromMarkdown()] });
      expect(mathNodes(tree).map((n) => n.value)).toEqual(formulas);
      for (const word of source
        .replace(/\$\$[^$]*\$\$/g, " ")
        .split(/\s+/)
        .filter(Boolean))
        expect(separated).toContain(word);
      if (shape === "in a list item") {
        const list = tree.children[0]!;
        expect(list.type).toBe("list");
        expect(mathNodes({ type: "root", children: [list] })).toHaveLength(1);
      }
    });

  it("is left alone when $$ already opens a block, and inside code", () => {
    for (const source of ["$$\nx\n$$", "Code `$$x$$` stays.", "```\n$$x$$\n```"])
      expect(separateDisplayDollars(source)).toEqual({ source, count: 0 });
  });
});
