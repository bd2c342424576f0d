import type { Root as HastRoot } from "hast";
import { toHtml } from "hast-util-to-html";
import { toHast } from "mdast-util-to-hast";
import rehypeKatex from "rehype-katex";
import { VFile } from "vfile";
import { describe, expect, it } from "vitest";
import remarkFormulaSource from "../../src/integration/remarkFormulaSource.ts";
import { checkChapterText } from "../../src/checks/chapterFile.ts";
import { parseMdx } from "../../src/lib/content/parseMdx.ts";
import { ROOT } from "../helpers/run.ts";

// A formula MathJax draws and KaTeX refuses, as a published notebook has it (and one KaTeX draws).
const BAD = "\\begin{array} \\\\n \\\\ k\\end{array}";
const MDX = `---\ntitle: "T"\ndescription: "D"\ncourse: "C"\norder: 1\nestimatedMinutes: 5\n---\n\n## One \\{#one\\}\n\nFine $x^2$ and odd $\\badmacro{y}$.\n\n$$\n${BAD}\n$$\n`;

/** The page's HTML for a chapter's text: the formula step, then KaTeX as the build runs it. */
function render(mdx: string): string {
  const tree = structuredClone(parseMdx(mdx));
  remarkFormulaSource()(tree);
  const hast = toHast(tree) as HastRoot;
  (rehypeKatex({ trust: false, strict: "error", output: "htmlAndMathml" }) as unknown as (t: HastRoot, f: VFile) => void)(
    hast,
    new VFile(),
  );
  return toHtml(hast);
}

describe("a formula KaTeX cannot draw", () => {
  it("is shown as its TeX source in a marked box, the others drawn; no KaTeX error markup", () => {
    const html = render(MDX);
    expect(html).toContain('<div class="formula-source"');
    expect(html).toContain(`<code translate="no">${BAD.replace(/&/g, "&#x26;")}</code>`);
    expect(html).toContain('<code class="formula-source"');
    expect(html).toContain("\\badmacro{y}");
    expect(html).toMatch(/class="katex"/); // $x^2$ is drawn
    expect(html).not.toContain("katex-error");
  });

  it("is a warning of the content check with its line, not an error", () => {
    const checked = checkChapterText(ROOT, "content/en/x/index.mdx", MDX, null, null);
    expect(checked.problems).toEqual([]);
    expect(checked.warnings).toEqual([
      expect.stringMatching(/^content\/en\/x\/index\.mdx:11: formula KaTeX cannot draw, shown to readers as its TeX source: /),
      expect.stringMatching(/^content\/en\/x\/index\.mdx:13: formula KaTeX cannot draw, shown to readers as its TeX source: /),
    ]);
  });
});
