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
    const drawnAsSource = expect.stringMatching(/^formula KaTeX cannot draw, shown to readers as its TeX source: /) as string;
    expect(checked.warnings).toEqual([
      { file: "content/en/x/index.mdx", line: 11, message: drawnAsSource },
      { file: "content/en/x/index.mdx", line: 13, message: drawnAsSource },
    ]);
  });
});

// As published notebooks write them for MathJax (an eqnarray right after a line of text, with
// `&:&` columns; a multline; a \label): KaTeX draws them in its own dialect, the text keeps them.
const MATHJAX = String.raw`\begin{eqnarray}
\mathrm{if}\quad V(t_{\text{sp}})\geq V_{\rm th}&:& V(t)=V_{\rm reset} \text{  for } t\in(t_{\text{sp}}, t_{\text{sp}} + \tau_{\text{ref}}] \\
C_m\frac{dV}{dt} &=& -g_L(V-E_L) + I \label{eq:lif}
\end{eqnarray}`;
const MULTLINE = String.raw`\begin{multline*} a + b \\ + c \end{multline*}`;

describe("a formula written for MathJax", () => {
  // (A function gives the replacement: in a string, `$$` would be read as one `$`.)
  const mdx = MDX.replace(`$$\n${BAD}\n$$`, () => `$$\n${MATHJAX}\n$$\n\n$$\n${MULTLINE}\n$$`).replace(" and odd $\\badmacro{y}$", "");

  it("is drawn by KaTeX (eqnarray's three columns, a fraction in display style), with no source box", () => {
    const html = render(mdx);
    expect(html).not.toContain("formula-source");
    expect(html).not.toContain("katex-error");
    expect(html.match(/class="katex-display"/g)).toHaveLength(2);
    // The MathML KaTeX writes beside its drawing: a table of two rows of three cells, the fraction's numerator dV.
    const table = /<mtable[\s\S]*?<\/mtable>/.exec(html)![0];
    expect(table.match(/<mtr>/g)).toHaveLength(2);
    expect(table.match(/<mtd>/g)).toHaveLength(6);
    expect(table).toContain('<mo lspace="0em" rspace="0em">:</mo>');
    // The TeX annotation is what KaTeX drew (darray), the label gone.
    expect(html).toContain("\\begin{darray}{rcl}");
    expect(html).not.toContain("\\label");
  });

  it("passes the content check, and the chapter's text keeps what the author wrote", () => {
    const checked = checkChapterText(ROOT, "content/en/x/index.mdx", mdx, null, null);
    expect(checked.problems).toEqual([]);
    expect(checked.warnings ?? []).toEqual([]);
    const tree = parseMdx(mdx);
    expect(JSON.stringify(tree)).toContain("eqnarray");
  });
});
