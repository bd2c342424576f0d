import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { splitSections } from "../../src/translation/model/sections.ts";
import { CORPUS_CONSTRUCTS, corpusNotebook } from "../fixtures/notebooks/corpus.ts";
import { copyProject } from "../helpers/project.ts";
import { runHere } from "../helpers/commands.ts";
import { loadPage } from "../helpers/site.ts";
import { site } from "../helpers/sites.ts";
import { IMPORTED } from "../helpers/notebookSite.ts";

// A notebook in the form of the course's published tutorials (tests/fixtures/notebooks/corpus.ts:
// badges, a sponsor block, solution images, LaTeX without $$, <details>, widget demos, output
// images, attachments ...) imported in English and then in Japanese, and built.
let dir: string;
const CHAPTER = IMPORTED.corpus;
const EN = `content/en/${CHAPTER}/index.mdx`;
const JA = `content/ja/${CHAPTER}/index.mdx`;
const importNotebook = (file: string, ...args: string[]) => runHere("import-notebook", [file, "--root", dir, ...args]);
const cellsText = (nb: Record<string, unknown>) => (nb.cells as { source: string }[]).map((c) => c.source).join("\n");

beforeAll(() => {
  dir = copyProject();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("the corpus", () => {
  it("holds the constructs it says it holds", () => {
    const nb = corpusNotebook("en");
    const text = cellsText(nb);
    const cells = nb.cells as {
      cell_type: string;
      metadata: Record<string, unknown>;
      source: string;
      outputs?: { data?: Record<string, unknown> }[];
      attachments?: unknown;
    }[];
    const count = (re: RegExp) => (text.match(re) ?? []).length;
    expect({
      badges: count(/alt="Open [Ii]n (Colab|Kaggle)"/g),
      sponsorBlocks: count(/<p align='center'><img/g),
      solutionImages: count(/<img alt='Solution hint'/g),
      hiddenCells: cells.filter((c) => c.metadata.cellView === "form").length,
      videoCells: count(/YouTubeVideo\(id=|video_ids = \[/g),
      feedbackCells: count(/content_review\(/g),
      widgetDemos: count(/@widgets\.interact\(/g),
      widgetControls: count(/^\s+\w+=widgets\.\w+\(/gm),
      latexEnvironments: count(/^\\begin\{/gm),
      displayMaths: count(/^\$\$$/gm) / 2,
      detailsBlocks: count(/<details>/g),
      inlineTags: count(/<sub>|<sup>|<br>/g),
      htmlLinks: count(/<a href="https:\/\/example\.org/g),
      htmlComments: count(/<!--/g),
      outputsWithImages: cells.filter((c) => c.outputs?.some((o) => o.data && "image/png" in o.data)).length,
      printedOutputs: cells.filter((c) => c.outputs?.some((o) => (o as { output_type?: string }).output_type === "stream")).length,
      attachments: cells.filter((c) => c.attachments).length,
    }).toEqual(CORPUS_CONSTRUCTS);
  });
});

describe("a notebook in the course's published form", () => {
  it("imports in English: every construct becomes what it means, and the report says what changed, per cell", async () => {
    const file = join(dir, "corpus-en.ipynb");
    writeFileSync(file, JSON.stringify(corpusNotebook("en")));
    const r = await importNotebook(file, "--chapter", CHAPTER, "--locale", "en");
    expect(r.code, r.stderr).toBe(0);
    for (const line of [
      "cell 1: a Colab/Kaggle badge dropped (the site links to its own notebook)",
      "cell 3: <p align> unwrapped",
      "cell 10: a LaTeX environment without $$ made a display formula",
      "cell 10: an HTML comment dropped",
      "cell 13: a remote image as a link to it",
      "cell 18: <details> as a fold readers open (<Fold>)",
      "cell 20: its output image kept as cell-20-output.png",
    ])
      expect(r.stdout).toContain(line);
    expect(r.stdout).toMatch(
      /interactive demo \(cell 15\) scaffolded as cell "plot-toy-neuron" with 4 control\(s\) \(gain, rate, leak, show_mean\)/,
    );
    expect(r.stdout).toContain("kind: Dropdown has no control kind yet");
    expect(r.stdout).toContain("cell 15: a form cell (# @markdown, no # @title) folded as Colab shows it");
    expect(r.stdout).toContain("the notebook's headings are one level lower on the page");
    const mdx = readFileSync(join(dir, EN), "utf8");
    // The form cell's code is folded under its @markdown text, as Colab shows it.
    expect(mdx).toContain('<CodeCell hidden="Run this cell to get the sliders.">');
    expect(mdx).toMatch(/^## Section 1: The toy neuron \\\{#/m);
    const front = parse(/^---\n([\s\S]*?)\n---/.exec(mdx)![1]!) as Record<string, unknown>;
    expect(front).toMatchObject({
      title: "Tutorial 1: Toy neurons",
      course: "Week 9, Day 9: Test Models",
      byline: "By the Test Course",
      credits: { creators: ["Ada Example", "Ben Sample"], reviewers: ["Cy Check"], editors: ["Di Edit"] },
      slides: "abcde",
    });
    expect(mdx).not.toMatch(/Colab|Kaggle|\\<img|<img|<details|<font|<!--/);
    expect(mdx).toMatch(
      /<Fold summary="Click here for a text recap of the video">\s+The leak pulls the potential back to rest between inputs\.\s+<\/Fold>/,
    );
    expect(mdx).toContain("$$\n\\begin{equation}\ndV_m = {\\alpha}I\n\\end{equation}\n$$");
    expect(mdx).toContain("$$\n\\begin{align}");
    expect(mdx).toContain("H<sub>2</sub>O and x<sup>2</sup>");
    expect(mdx).toContain("[a link written in HTML](https://example.org/notes)");
    expect(mdx).toContain("\\{like this} and a comparison t \\<5 s");
    expect(mdx).toContain(
      "[Solution hint](https://raw.githubusercontent.com/example/course/main/tutorials/W9D9/static/W9D9_Tutorial1_Solution_0a1b2c3d_0.png)",
    );
    expect(mdx).toContain("[image: sponsors.png](https://github.com/example/widgets/blob/master/sponsors.png?raw=True)");
    expect(mdx).toContain('<Video id="video-1" title=\'Video 1: "Toy" models\' youtube="abcdefghijk" bilibili="BV1xx411c7mD" />');
    expect(mdx).toContain('<Video id="video-2" title="Video 2: Leaks" youtube="lmnopqrstuv" bilibili="BV1yy411c7mE" />');
    expect(mdx).toContain('<Video id="video-3" title="Video 3: Recap" youtube="wxyzabcdefg" />');
    expect(mdx).toContain("at threshold it resets:\n\n$$\n\\begin{eqnarray}\n");
    expect(r.stdout).not.toContain("KaTeX cannot draw");
    expect(mdx).toContain('<Feedback id="Toy_Neuron_Demo" />');
    expect(mdx).toContain('<Cell id="plot-toy-neuron" />');
    expect(mdx).toContain("![A diagram](./diagram.png)");
    expect(mdx).toContain("![Output of cell 20](./cell-20-output.png)");
    for (const f of ["diagram.png", "cell-20-output.png"]) expect(existsSync(join(dir, `content/en/${CHAPTER}`, f))).toBe(true);
    // The widget demo's module: the notebook's ranges, steps and defaults; only the computation is left.
    const cell = readFileSync(join(dir, `chapters/${CHAPTER}/plot-toy-neuron.cell.ts`), "utf8");
    expect(cell).toContain('{ kind: "range", name: "rate", label: "control.rate", code: "rate", min: 5, max: 20, step: 1, value: 10 }');
    expect(cell).toContain(
      '{ kind: "range", name: "leak", label: "control.leak", code: "leak", min: 0, max: 0.5, step: 0.05, value: 0.1 }',
    );
    expect(cell).toContain('{ kind: "range", name: "gain", label: "control.gain", code: "gain", min: 0.01, max: 0.1,');
    expect(cell).toContain('{ kind: "toggle", name: "show_mean", label: "control.show_mean", value: true }');
    expect(JSON.parse(readFileSync(join(dir, `chapters/${CHAPTER}/strings/en.json`), "utf8"))).toMatchObject({
      "control.show_mean": "Show the mean",
    });
  });

  it("imports the Japanese notebook as its translation, section for section", async () => {
    const file = join(dir, "corpus-ja.ipynb");
    writeFileSync(file, JSON.stringify(corpusNotebook("ja")));
    const r = await importNotebook(file, "--chapter", CHAPTER, "--locale", "ja");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("recorded as translating the current en text");
    const ja = readFileSync(join(dir, JA), "utf8");
    expect(splitSections(ja).sections.map((s) => s.id)).toEqual(
      splitSections(readFileSync(join(dir, EN), "utf8")).sections.map((s) => s.id),
    );
    expect(ja).toContain('<Cell id="plot-toy-neuron" />');
    expect(ja).toContain("H<sub>2</sub>O");
  });

  it("builds in both languages: maths rendered, videos, the demo's controls waiting for their computation", async () => {
    // The notebooks' site is this corpus imported the same way, in both languages (tests/helpers/notebookSite.ts).
    const { dist: built, project, report } = await site("notebooks");
    // The demo not computed yet is published, and the build says so, naming its file.
    expect(report.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: expect.stringMatching(/\.cell\.ts$/) as string,
          message: 'cell "plot-toy-neuron" is not computed yet: readers see "Not computed yet"',
        }),
      ]),
    );
    expect(readFileSync(join(project, JA), "utf8")).toBe(readFileSync(join(dir, JA), "utf8"));
    for (const locale of ["en", "ja"]) {
      const page = loadPage(built, `${locale}/${CHAPTER}/`);
      const article = page.querySelector("article")!;
      expect(article.getAttribute("lang")).toBe(locale);
      // Every display formula drawn, the eqnarray too (KaTeX draws it as darray), none shown as TeX source.
      expect(article.querySelectorAll(".katex-display").length).toBe(4);
      expect(article.querySelectorAll(".formula-source").length).toBe(0);
      // A video with only a YouTube id: its one service, no tabs to choose between.
      const youtubeOnly = article.querySelector("#video-3")!;
      expect(youtubeOnly.querySelector(".video-tabs")).toBeNull();
      expect([...youtubeOnly.querySelectorAll(".video-panel")].map((p) => p.getAttribute("data-source"))).toEqual(["youtube"]);
      expect(article.querySelectorAll("[data-video], .video").length).toBeGreaterThanOrEqual(2);
      expect(article.querySelectorAll("sub").length).toBe(1);
      expect(article.textContent).not.toMatch(/Open [Ii]n Colab|<img/);
      const demo = article.querySelector('figure[data-cell="plot-toy-neuron"]')!;
      expect([...demo.querySelectorAll("input[name]")].map((i) => i.getAttribute("name"))).toEqual(
        expect.arrayContaining(["gain", "rate", "leak", "show_mean"]),
      );
      // Said in the page's language (the site's own strings), naming the file to write.
      expect(demo.querySelector(".cell-figure")!.textContent).toContain(
        locale === "en" ? "Not computed yet" : "この図はまだ計算されていません",
      );
      expect(article.querySelectorAll("img").length).toBeGreaterThanOrEqual(2);
      // In the exported notebook the demo's figure is an output of the demo's own code cell (the widget code).
      const nb = JSON.parse(readFileSync(join(built, locale, CHAPTER, "notebook.ipynb"), "utf8")) as {
        cells: { cell_type: string; source: string[] | string; outputs?: { metadata?: { course?: { cell?: string } } }[] }[];
      };
      const holder = nb.cells.find((c) => c.outputs?.some((o) => o.metadata?.course?.cell === "plot-toy-neuron"));
      expect([holder?.source ?? ""].flat().join("")).toContain("widgets.interact");
      // The notebook's <details> is a fold readers open, closed at first, its summary in the page's language.
      const fold = article.querySelector("details.fold")!;
      expect(fold.hasAttribute("open")).toBe(false);
      expect(fold.querySelector("summary")!.textContent).toBe(
        locale === "en" ? "Click here for a text recap of the video" : "動画の要約はこちら",
      );
      // The notebook's "# Section 1" is a section of the page: one h1 (the title), every section in the contents.
      expect(page.querySelectorAll("h1").length).toBe(1);
      const contents = [...page.querySelectorAll(".toc a")].map((a) => a.textContent.trim());
      expect(contents.some((t) => /Section 1|セクション 1/.test(t))).toBe(true);
      const linked = new Set([...page.querySelectorAll(".toc a")].map((a) => a.getAttribute("href")!.replace(/^.*#/, "")));
      for (const h of article.querySelectorAll("h2[id], h3[id]")) expect(linked.has(h.id), h.id).toBe(true);
    }
  }, 300_000);

  it("drops what a notebook must not bring: scripts, iframes, images from outside its folder", async () => {
    const nb = corpusNotebook("en");
    (nb.cells as unknown[]).push({
      cell_type: "markdown",
      metadata: {},
      source:
        '<p><img src="../../secret.png" alt="x"></p><script>alert(1)</script><iframe src="https://example.org"></iframe>\n\nText after.',
    });
    const file = join(dir, "corpus-bad.ipynb");
    writeFileSync(file, JSON.stringify(nb));
    const r = await importNotebook(file, "--chapter", "w9d9/tutorial9", "--locale", "en");
    expect(r.code, r.stderr).toBe(0);
    const mdx = readFileSync(join(dir, "content/en/w9d9/tutorial9/index.mdx"), "utf8");
    expect(mdx).toContain("*\\[x: ../../secret.png is outside the notebook's folder]*");
    expect(mdx).not.toMatch(/alert|iframe|<script/);
    expect(r.stdout).toMatch(/<script> dropped/);
  });
});
