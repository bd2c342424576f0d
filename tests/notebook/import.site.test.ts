import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { splitSections } from "../../src/translation/model/sections.ts";
import { copyProject } from "../helpers/project.ts";
import { runHere } from "../helpers/commands.ts";
import { loadPage } from "../helpers/site.ts";
import { site } from "../helpers/sites.ts";
import { IMPORTED } from "../helpers/notebookSite.ts";
import { md, usualNotebook } from "../fixtures/notebooks/usual.ts";

// Notebooks into chapters: our own export brought back (en, then ja as a translation), and a
// notebook in the course's usual form written for this test, in English and then in Japanese.
let dir: string;
let DIST = "";
beforeAll(async () => {
  DIST = (await site("default")).dist;
  dir = copyProject();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const importNotebook = (file: string, ...args: string[]) => runHere("import-notebook", [file, "--root", dir, ...args]);
const body = (mdx: string) =>
  mdx
    .replace(/^---\n[\s\S]*?\n---\n/, "")
    .replace(/[ \t]+$/gm, "")
    .trim();
const front = (mdx: string) => parse(/^---\n([\s\S]*?)\n---/.exec(mdx)![1]!) as unknown;

describe("importing our own export", () => {
  it("gives back W1D1 Tutorial 1 in English and in Japanese: the same text, ids and cells", async () => {
    for (const locale of ["en", "ja"]) {
      const r = await importNotebook(
        join(DIST, locale, "w1d1/tutorial1/notebook.ipynb"),
        "--chapter",
        "w1d1/tutorial1",
        "--locale",
        locale,
        "--force",
      );
      expect(r.code, r.stderr).toBe(0);
      const original = readFileSync(join("content", locale, "w1d1/tutorial1/index.mdx"), "utf8");
      const imported = readFileSync(join(dir, "content", locale, "w1d1/tutorial1/index.mdx"), "utf8");
      // The one difference: the frontmatter is written in YAML's quoted style (same values).
      expect(body(imported)).toBe(body(original));
      expect(front(imported)).toEqual(front(original));
      expect(r.stdout).not.toMatch(/needs a cell module|scaffolded/); // its widget cell is the page's explorer
    }
    // The Japanese notebook lined up with the English chapter: every section recorded as current.
    expect(readFileSync(join(dir, "content/ja/w1d1/tutorial1/translation.json"), "utf8")).toBe(
      readFileSync("content/ja/w1d1/tutorial1/translation.json", "utf8"),
    );
  });
});

describe("importing a notebook in the course's usual form", () => {
  it("makes a chapter that builds, in English and then in Japanese, reporting the widget demo", async () => {
    const en = join(dir, "usual.ipynb");
    writeFileSync(en, JSON.stringify(usualNotebook(false)));
    const r = await importNotebook(en, "--chapter", "w9d9/tutorial9", "--locale", "en");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /section interactive-demo-1-a-slider: interactive demo \(cell 9\) scaffolded as cell "show" with 1 control\(s\) \(n\)/,
    );
    const mdx = readFileSync(join(dir, "content/en/w9d9/tutorial9/index.mdx"), "utf8");
    expect(mdx).toContain('<Video id="video-1" title="Video 1: Rates" youtube="abcdefghijk" bilibili="BV1xx411c7mD" />');
    expect(mdx).toContain('<Feedback id="Rates_Video" />');
    expect(mdx).toContain('<CodeCell hidden="Helper functions">');
    expect(mdx).toContain("\\{rate}");
    // A <script> in the markdown is not content: dropped, and the report says so.
    expect(mdx).not.toContain("alert(1)");
    expect(r.stdout).toContain("cell 2: <script> dropped");
    expect(mdx).toContain("$r = n / T$");
    expect(mdx).toContain("![A figure](./fig.png)");
    expect(mdx).toContain("[Remote](https://example.org/x.png)");
    expect(existsSync(join(dir, "content/en/w9d9/tutorial9/fig.png"))).toBe(true);
    // Not overwritten without --force.
    const again = await importNotebook(en, "--chapter", "w9d9/tutorial9", "--locale", "en");
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("exists: give --force");
    // Once the author owns the module (the import's mark gone), a re-import leaves it alone and says
    // truly what it lacks: nothing, its cell is there.
    const module = join(dir, "chapters/w9d9/tutorial9/chapter.ts");
    writeFileSync(module, readFileSync(module, "utf8").replace(/Made by import:notebook/g, "Written by hand"));
    const forced = await importNotebook(en, "--chapter", "w9d9/tutorial9", "--locale", "en", "--force");
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toContain('chapters/w9d9/tutorial9/chapter.ts exists and was written by hand: it has the cell(s) "show" already');
    expect(forced.stdout).not.toContain("add the cell(s)");

    const ja = join(dir, "usual-ja.ipynb");
    writeFileSync(ja, JSON.stringify(usualNotebook(true)));
    const t = await importNotebook(ja, "--chapter", "w9d9/tutorial9", "--locale", "ja");
    expect(t.code, t.stderr).toBe(0);
    expect(t.stdout).toContain("recorded as translating the current en text");
    const jaMdx = readFileSync(join(dir, "content/ja/w9d9/tutorial9/index.mdx"), "utf8");
    expect(splitSections(jaMdx).sections.map((s) => s.id)).toEqual(splitSections(mdx).sections.map((s) => s.id));

    // A translated notebook missing a section does not line up: listed, nothing written.
    const short = usualNotebook(true);
    short.cells.splice(7, 2);
    writeFileSync(ja, JSON.stringify(short));
    const bad = await importNotebook(ja, "--chapter", "w9d9/tutorial9", "--locale", "ja", "--force");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /does not line up with content\/en\/w9d9\/tutorial9\/index\.mdx: the notebook has 2 section\(s\), the source chapter 3/,
    );
    expect(readFileSync(join(dir, "content/ja/w9d9/tutorial9/index.mdx"), "utf8")).toBe(jaMdx);

    // The chapter these imports make builds: the notebooks' site is this notebook imported the
    // same way, in both languages, with the corpus beside it and Tutorial 1 left out (the
    // round-tripped Tutorial 1 is its own text again, byte for byte: see above).
    const { dist: built, project } = await site("notebooks");
    expect(readFileSync(join(project, "content/en", IMPORTED.usual, "index.mdx"), "utf8")).toBe(mdx);
    for (const locale of ["en", "ja"]) {
      const page = loadPage(built, `${locale}/${IMPORTED.usual}/`);
      expect(page.querySelector("article")!.getAttribute("lang")).toBe(locale);
      // Text that looked like markup is text: no script came through.
      for (const script of page.querySelectorAll("article script")) {
        expect(script.textContent).not.toContain("alert");
        expect(script.getAttribute("src") ?? script.getAttribute("type")).toBeTruthy(); // our modules and JSON only
      }
      expect(page.querySelector("article")!.textContent).toContain("</script><script>alert(2)</script>");
      expect(page.querySelectorAll("article .video").length).toBe(1);
      expect(page.querySelectorAll("article details.hidden-cell").length).toBe(1); // "Helper functions"
    }
  }, 300_000);
});

describe("a formula only MathJax draws", () => {
  it("does not stop the import: kept as written, reported with its cell, shown as TeX source", async () => {
    const file = join(dir, "mathjax.ipynb");
    writeFileSync(
      file,
      JSON.stringify({
        nbformat: 4,
        nbformat_minor: 5,
        metadata: {},
        cells: [
          md("# Tutorial 2: Counting\n**Week 9**"),
          md(
            "## Section 1\n\nThe binomial coefficient\n\\begin{equation}\n\\binom{n}{k}\n\\end{equation}\n\n$$\\begin{array} \\\\n \\\\ k\\end{array}$$",
          ),
          // IPython.display.Audio's output: a sound the page cannot play.
          {
            cell_type: "code",
            metadata: {},
            execution_count: 1,
            source: "import IPython.display as ipd\nipd.Audio(data, rate=8000)",
            outputs: [
              {
                output_type: "execute_result",
                execution_count: 1,
                metadata: {},
                data: {
                  "text/html": ['<audio controls="controls"><source src="data:audio/wav;base64,UklGRg==" /></audio>'],
                  "text/plain": ["<IPython.lib.display.Audio object>"],
                },
              },
            ],
          },
        ],
      }),
    );
    const r = await importNotebook(file, "--chapter", "w9d9/mathjax", "--locale", "en");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/cell 2: a formula KaTeX cannot draw kept as written \(readers see its TeX source\): /);
    expect(r.stdout).toContain("cell 2: a LaTeX environment without $$ made a display formula");
    expect(r.stdout).toContain("cell 3: its output, a sound, left out: a page cannot play it (the code that makes it stays)");
    const mdx = readFileSync(join(dir, "content/en/w9d9/mathjax/index.mdx"), "utf8");
    // Written on one line as $$…$$, which Jupyter draws as display maths: a display formula of its own.
    expect(r.stdout).toContain("cell 2: a $$…$$ on one line made a display formula (Jupyter draws $$ as display)");
    expect(mdx).toContain("$$\n\\begin{array} \\\\n \\\\ k\\end{array}\n$$");
    rmSync(join(dir, "content/en/w9d9"), { recursive: true });
  });
});

describe("a bad notebook", () => {
  const cases: [string, string | (() => void), RegExp][] = [
    ["not-json.ipynb", "{ nope", /not-json\.ipynb: not valid JSON/],
    ["v3.ipynb", JSON.stringify({ nbformat: 3, worksheets: [] }), /v3\.ipynb: nbformat 3 is not supported/],
    [
      "no-source.ipynb",
      JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: "code", metadata: {} }] }),
      /no-source\.ipynb: cell 1: has no source/,
    ],
    ["huge.ipynb", "", /huge\.ipynb: larger than 32 MB; clear its outputs first/],
    [
      "long.ipynb",
      JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [md("word *x* `y` ".repeat(800_000))] }),
      /long\.ipynb: cell 1: the notebook's text passes 1 MB, more than a chapter may hold/,
    ],
    [
      "script.ipynb",
      JSON.stringify({
        nbformat: 4,
        nbformat_minor: 5,
        metadata: {},
        cells: [
          md("## A \\{#a\\}\n\n![d](attachment:d.svg)", {
            attachments: {
              "d.svg": {
                "image/svg+xml": Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString("base64"),
              },
            },
          }),
        ],
      }),
      /script\.ipynb: cell 1: image attachment:d\.svg is not a safe SVG: <script> is not allowed in a drawing/,
    ],
    [
      // Backtick runs of unequal length: the importer keeps them as text; MDX reads a live image.
      "ticks.ipynb",
      JSON.stringify({
        nbformat: 4,
        nbformat_minor: 5,
        metadata: {},
        cells: [md("## A\n\n``![d](../../../../../proc/self/environ?raw)`")],
      }),
      /ticks\.ipynb: the chapter it makes is not allowed: content\/en\/w8d8\/bad\/index\.mdx:\d+: image ".*": a query/,
    ],
  ];
  for (const [name, content, message] of cases)
    it(`is refused in one line, nothing written: ${name}`, async () => {
      const file = join(dir, name);
      writeFileSync(file, typeof content === "string" ? content : "");
      if (name === "huge.ipynb") truncateSync(file, 200 * 1024 * 1024); // a 200 MB output blob, as far as size goes
      const r = await importNotebook(file, "--chapter", "w8d8/bad", "--locale", "en");
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).not.toMatch(/PATH=|HOME=/);
      expect(existsSync(join(dir, "content/en/w8d8"))).toBe(false);
      rmSync(file);
    });

  it("an image that is a link to a file elsewhere is never copied", async () => {
    const folder = join(dir, "linked");
    mkdirSync(folder);
    symlinkSync("/etc/passwd", join(folder, "secret.png"));
    const file = join(folder, "linked.ipynb");
    writeFileSync(file, JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [md("## A\n\n![s](secret.png)")] }));
    const r = await importNotebook(file, "--chapter", "w8d8/linked", "--locale", "en");
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(dir, "content/en/w8d8/linked"))).toEqual(["index.mdx"]);
    expect(readFileSync(join(dir, "content/en/w8d8/linked/index.mdx"), "utf8")).toContain("secret.png could not be copied");
    rmSync(join(dir, "content/en/w8d8"), { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
  });
});
