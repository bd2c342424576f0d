import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadPage } from "../helpers/site.ts";
import { site } from "../helpers/sites.ts";

// A chapter page and its notebook agree, for every chapter page the build made (whatever the
// course holds): the same headings in the same order, the same code, the same printed outputs
// byte for byte, and under the code each figure the page draws, as the page draws it.
interface Output {
  output_type: string;
  text?: string[];
  data?: Record<string, string[]>;
  metadata?: { course?: { cell?: string }; alt?: string };
}
interface Cell {
  cell_type: string;
  source: string[];
  metadata: { course?: { output?: string; addedLines?: number; cell?: string; video?: string; feedback?: string; figureOf?: string } };
  outputs?: Output[];
}
const joined = (lines: string[] | undefined) => (lines ?? []).join("");
/** Text compared as a reader reads it: formatting marks and escapes dropped, spaces collapsed. */
const plain = (text: string) =>
  text
    .replace(/[*_`\\]/g, "")
    .replace(/\s+/g, " ")
    .trim();
/** What the page adds around the chapter's prose (not in its notebook as prose). */
const FURNITURE =
  ".code-cell, figure, .video, [data-video], .feedback, nav, .toc, .stale-notice, .source-notice, .translation-notice, .data-notice, .output, .notebook-links, .chapter-header, header, footer, .solution > summary, .elapsed";

let DIST = "";
let pages: string[] = [];
beforeAll(async () => {
  DIST = (await site("default")).dist;
  // Every page with a notebook beside it: <locale>/<chapter>/.
  pages = readdirSync(DIST, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith("/notebook.ipynb"))
    .map((f) => f.slice(0, -"notebook.ipynb".length))
    .filter((dir) => existsSync(join(DIST, dir, "index.html")))
    .sort();
});

describe("a chapter page and its notebook", () => {
  it("are found for every chapter page", () => {
    expect(pages.length).toBeGreaterThanOrEqual(2);
  });

  it("show the same prose, code, outputs and figures, in the same order", () => {
    for (const dir of pages) {
      const page = loadPage(DIST, dir);
      const article = page.querySelector("article")!;
      const nb = JSON.parse(readFileSync(join(DIST, dir, "notebook.ipynb"), "utf8")) as { cells: Cell[] };
      // The notebook's code cells, less those that are the page's videos and feedback widgets.
      const code = nb.cells.filter(
        (c) => c.cell_type === "code" && !c.metadata.course?.video && !c.metadata.course?.feedback && !c.metadata.course?.figureOf,
      );
      // With the cells that hold only a figure no code comes before (an empty cell, its output the page's drawing).
      const withFigures = nb.cells.filter((c) => c.cell_type === "code" && (code.includes(c) || c.metadata.course?.figureOf));

      // Code: the page's code cells, in order, are the notebook's (less the lines the export adds for the stand-in).
      const pageCode = [...article.querySelectorAll(".code-cell pre code")].map((c) => c.textContent.replace(/\n$/, ""));
      const nbCode = code.map((c) => {
        const lines = joined(c.source).split("\n");
        const added = c.metadata.course?.addedLines ?? 0;
        return (added ? lines.slice(0, -(added + 1)) : lines).join("\n").replace(/\n+$/, "");
      });
      expect(nbCode, dir).toEqual(pageCode);

      // Printed outputs: byte for byte, under the same code.
      const pageOutputs = [...article.querySelectorAll(".code-cell")].map((c) => c.querySelector(".output samp")?.textContent ?? null);
      const nbOutputs = code.map((c) => {
        const stream = c.outputs?.filter((o) => o.output_type === "stream") ?? [];
        return stream.length ? stream.map((o) => joined(o.text)).join("") : null;
      });
      expect(nbOutputs, dir).toEqual(pageOutputs);

      // Figures: each page figure is a display output in the notebook, the page's own drawing, its alt in the metadata.
      const figures = [...article.querySelectorAll("figure[data-cell]")].map((f) => ({
        id: f.getAttribute("data-cell")!,
        drawing: f.querySelector(".figure-wide")!.innerHTML,
        alt: f.querySelector(".cell-figure")!.getAttribute("aria-label"),
      }));
      const drawn = withFigures.flatMap((c) => (c.outputs ?? []).filter((o) => o.output_type === "display_data"));
      expect(
        drawn.map((o) => o.metadata?.course?.cell),
        dir,
      ).toEqual(figures.map((f) => f.id));
      for (const [i, f] of figures.entries()) {
        const data = drawn[i]!.data!;
        const svg = joined(data["image/svg+xml"]);
        expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'), `${dir} ${f.id}`).toBe(true);
        // The same drawing: everything after the opening tag is the page's (a figure with a
        // legend comes as HTML too, the legend with it).
        const body = (s: string) => s.slice(s.indexOf(">") + 1);
        const shown = f.drawing.startsWith("<svg") ? svg : joined(data["text/html"]);
        expect(body(shown), `${dir} ${f.id}`).toBe(body(f.drawing));
        expect(drawn[i]!.metadata?.alt).toBe(f.alt);
        expect(joined(data["text/plain"])).toBe(f.alt);
      }

      // Prose: every paragraph of the page's text is in the notebook's markdown, in the same order
      // (compared as plain text: formatting marks, link addresses and anchors set aside, each
      // formula by its TeX, glossary hints and page furniture left out).
      const notebookText = plain(
        nb.cells
          .filter((c) => c.cell_type === "markdown")
          .map((c) => joined(c.source))
          .join("\n")
          .replace(/<a name="[^"]*"><\/a>/g, "")
          .replace(/<span data-value="[^"]*">([^<]*)<\/span>/g, "$1")
          .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
          .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
          .replace(/<\/?[a-z]+(?:\s[^>]*)?>/g, "")
          .replace(/\$/g, ""),
      );
      let from = 0;
      let compared = 0;
      for (const para of article.querySelectorAll("p")) {
        if (para.closest(FURNITURE) || para.className) continue;
        const copy = para.cloneNode(true) as Element;
        for (const hint of copy.querySelectorAll(".term-hint")) hint.remove();
        for (const formula of copy.querySelectorAll(".katex"))
          formula.replaceWith(formula.querySelector('annotation[encoding="application/x-tex"]')?.textContent ?? "");
        const text = plain(copy.textContent);
        if (!text) continue;
        const at = notebookText.indexOf(text, from);
        expect(at, `${dir}: a paragraph of the page is not in its notebook, in order: "${text.slice(0, 120)}"`).toBeGreaterThanOrEqual(0);
        from = at + text.length;
        compared++;
      }
      expect(compared, `${dir}: paragraphs compared`).toBeGreaterThan(0);

      // Headings: the page's section headings, in order, each an anchor in the notebook's markdown.
      const markdown = nb.cells
        .filter((c) => c.cell_type === "markdown")
        .map((c) => joined(c.source))
        .join("\n");
      const ids = [...article.querySelectorAll("h2[id], h3[id]")].map((h) => h.getAttribute("id")!);
      const at = ids.map((id) => markdown.indexOf(`<a name="${id}"></a>`));
      expect(
        at.every((n) => n >= 0),
        dir,
      ).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
    }
  });
});
