import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { toString } from "mdast-util-to-string";
import { splitSections } from "../../src/translation/model/sections.ts";
import { readNotebookMarkdown } from "../helpers/markdown.ts";
import { pythonWithScience } from "../helpers/python.ts";
import { ROOT } from "../helpers/run.ts";
import { loadPage } from "../helpers/site.ts";
import { site } from "../helpers/sites.ts";

// The notebook every chapter page offers, checked with Jupyter's own validator and run with
// numpy and matplotlib: it must print what the page prints.
const { python, reason } = pythonWithScience();
if (!python) console.warn(`skipping the notebook run: ${reason}`);

interface Notebook {
  nbformat: number;
  nbformat_minor: number;
  cells: { id: string; cell_type: string; source: string[]; metadata: Record<string, unknown> }[];
}
const read = (locale: string) => JSON.parse(readFileSync(join(DIST, locale, "w1d1/tutorial1/notebook.ipynb"), "utf8")) as Notebook;
const text = (cell: Notebook["cells"][number]) => cell.source.join("");

let DIST = "";
beforeAll(async () => {
  DIST = (await site("default")).dist;
});

describe.each(["en", "ja"])("the %s notebook", (locale) => {
  it("is nbformat 4.5 with the page's prose in its language and the chapter's code as the page shows it", () => {
    const nb = read(locale);
    expect([nb.nbformat, nb.nbformat_minor]).toEqual([4, 5]);
    const markdown = nb.cells
      .filter((c) => c.cell_type === "markdown")
      .map(text)
      .join("\n");
    const code = nb.cells.filter((c) => c.cell_type === "code").map(text);
    const mdx = readFileSync(join(ROOT, "content", locale, "w1d1/tutorial1/index.mdx"), "utf8");
    // Every section heading, with its id as an anchor.
    for (const s of splitSections(mdx).sections) expect(markdown).toContain(`<a name="${s.id}"></a>`);
    // No MDX left: numbers are the page's, components are cells.
    expect(markdown).not.toMatch(/<(Value|Cell|CodeCell|Solution|Video|Feedback)\b|\\\{#/);
    const page = loadPage(DIST, `${locale}/w1d1/tutorial1/`);
    // As Jupyter shows the markdown (its escapes undone).
    const shown = toString(readNotebookMarkdown(markdown));
    for (const value of page.querySelectorAll("article p .value[data-output]")) expect(shown).toContain(value.textContent);
    // Code exactly as the page shows it, hidden cells folded by their @title line.
    const pageCode = [...page.querySelectorAll("article .code-cell pre code")].map((c) => c.textContent.trimEnd());
    expect(pageCode.length).toBeGreaterThanOrEqual(20);
    for (const block of pageCode)
      expect(
        code.some((c) => c.includes(block)),
        block.slice(0, 80),
      ).toBe(true);
    // Every form line is the seed's own, in every language (videos keep the English titles, and
    // no line is added to a cell that has none).
    const seedTitles = new Set(
      readFileSync(join(ROOT, "tests/fixtures/seed/000_a3c91acbd026e212.txt"), "utf8")
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => /^#\s*@title/.test(l)),
    );
    const formLines = code.flatMap((c) => c.split("\n").filter((l) => /^\s*#\s*@title/.test(l)));
    expect(formLines.length).toBeGreaterThanOrEqual(15);
    for (const line of formLines) expect(seedTitles.has(line.trim()), line).toBe(true);
    // Videos are the course's video cells; the exercise's blank stays, its solution follows folded.
    expect(code.some((c) => c.includes("video_ids = [('Youtube', 'KgqR_jbjMQg'), ('Bilibili', 'BV1mz4y1X7ot')]"))).toBe(true);
    const exercise = nb.cells.findIndex((c) => text(c).includes("raise NotImplementedError"));
    const solution = nb.cells.findIndex(
      (c, i) => i > exercise && c.cell_type === "code" && (c.metadata.jupyter as { source_hidden?: boolean } | undefined)?.source_hidden,
    );
    expect(exercise).toBeGreaterThan(0);
    expect(nb.cells[solution - 1]!.cell_type).toBe("markdown");
    expect(text(nb.cells[solution]!)).toContain("median_spike_count = np.median(total_spikes_per_neuron)");
  });

  it("loads the recording by default, and names the stand-in the page was built from", () => {
    const data = read(locale)
      .cells.map(text)
      .find((c) => c.includes("https://osf.io/sy5xt/download"))!;
    expect(data).toContain("r = requests.get('https://osf.io/sy5xt/download')");
    // Built without SITE_URL: the lines take the site's address as a variable (requests cannot fetch a bare path).
    expect(data).toMatch(/^# SITE_URL = "https:\/\/" {2}# \S/m);
    const standIn = /^# r = requests\.get\(SITE_URL \+ "(\/data\/[0-9a-f]{16}\/spike_times\.npz)"\)$/m.exec(data);
    expect(standIn, data).not.toBeNull();
    // The header names the page by its path, as text (no address to link to).
    const header = text(read(locale).cells[0]!);
    expect(header).toContain(`\`/${locale}/w1d1/tutorial1/\``);
    expect(header).not.toMatch(/<\/[a-z]/);
    expect(readFileSync(join(DIST, standIn![1]!)).subarray(0, 4)).toEqual(Buffer.from("PK\u0003\u0004", "latin1"));
  });

  it.skipIf(!python)("is valid for nbformat, and its cells run with numpy and matplotlib, printing what the page prints", () => {
    const out = execFileSync(
      python!,
      [join(ROOT, "tests/notebook/run_notebook.py"), join(DIST, locale, "w1d1/tutorial1/notebook.ipynb"), DIST, "/"],
      {
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, MPLBACKEND: "Agg" },
      },
    );
    const result = JSON.parse(out) as { cells: Record<string, { text: string; output: string | null }>; neurons: number };
    const page = loadPage(DIST, `${locale}/w1d1/tutorial1/`);
    const outputs = [...page.querySelectorAll("[data-output-id]")];
    expect(outputs.length).toBeGreaterThanOrEqual(10);
    const clean = (s: string) =>
      s
        .split("\n")
        .map((l) => l.trimEnd())
        .join("\n")
        .trim();
    for (const o of outputs) {
      const id = o.getAttribute("data-output-id")!;
      const cell = Object.values(result.cells).find((c) => c.output === id);
      expect(cell, `no notebook cell printed output ${id}`).toBeDefined();
      expect(clean(cell!.text), id).toBe(clean(o.querySelector("samp")!.textContent));
    }
    expect(result.neurons).toBe(Number(page.querySelector('.value[data-output="n_neurons"]')!.getAttribute("data-value")));
  });
});

describe("the chapter page", () => {
  it("offers its notebook for download, in its language; Colab only with a repository and branch", () => {
    for (const locale of ["en", "ja"]) {
      const link = loadPage(DIST, `${locale}/w1d1/tutorial1/`).querySelector(".notebook-links a[download]")!;
      expect(link.getAttribute("href")).toBe(`/${locale}/w1d1/tutorial1/notebook.ipynb`);
      expect(link.textContent).toBe(locale === "ja" ? "ノートブックをダウンロード（.ipynb）" : "Download notebook (.ipynb)");
    }
    expect(loadPage(DIST, "en/w1d1/tutorial1/").querySelector('.notebook-links a[href*="colab"]')).toBeNull();
  });
});
