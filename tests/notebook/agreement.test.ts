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
  metadata: { course?: { output?: string; addedLines?: number; cell?: string; video?: string; feedback?: string } };
  outputs?: Output[];
}
const joined = (lines: string[] | undefined) => (lines ?? []).join("");

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

  it("show the same code, outputs and figures, and the same headings in order", () => {
    for (const dir of pages) {
      const page = loadPage(DIST, dir);
      const article = page.querySelector("article")!;
      const nb = JSON.parse(readFileSync(join(DIST, dir, "notebook.ipynb"), "utf8")) as { cells: Cell[] };
      // The notebook's code cells, less those that are the page's videos and feedback widgets.
      const code = nb.cells.filter((c) => c.cell_type === "code" && !c.metadata.course?.video && !c.metadata.course?.feedback);

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
      const drawn = code.flatMap((c) => (c.outputs ?? []).filter((o) => o.output_type === "display_data"));
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
