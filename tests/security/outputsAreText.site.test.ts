import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Nodes } from "mdast";
import { toString } from "mdast-util-to-string";
import { po } from "gettext-parser";
import { DOMParser, parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { readNotebookMarkdown } from "../helpers/markdown.ts";
import { videoCellCode } from "../../src/notebook/videoCell.ts";
import { browserSuite } from "../helpers/browser.ts";
import { runHere } from "../helpers/commands.ts";
import { HOSTILE, HOSTILE_CHAPTER, HOSTILE_LOCALE, HOSTILE_UI } from "../helpers/hostileSite.ts";
import { pythonWithScience } from "../helpers/python.ts";
import { loadPage, searchFragments } from "../helpers/site.ts";
import { site } from "../helpers/sites.ts";
import COURSE from "../../course.config.ts";

// Contributed text followed into every output the site publishes (tests/helpers/hostileSite.ts):
// the page and its <head>, the search index and its results, the sitemap, the exported
// notebook's markdown and code, the translators' exchange files. In each it is text: shown as
// written, never an element, an attribute, a link that runs script, or a line of code.
const env = browserSuite("hostile");
const LOCALES = ["en", HOSTILE_LOCALE] as const;

/** What a reader sees of the chapter's prose (a character reference shows as its character). */
const PROSE_SEEN = HOSTILE.prose.map((p) => p.replace("&lt;b&gt;", "<b>"));
const SEEN = [HOSTILE.title, HOSTILE.course, HOSTILE.byline, HOSTILE.thanks, ...HOSTILE.creators, HOSTILE.heading, ...PROSE_SEEN];

/** Elements and attributes that would mean contributed markup became markup. */
function activeMarkup(document: Document): string[] {
  const found: string[] = [];
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.getAttributeNames())
      if (/^on/i.test(attr) || /^\s*javascript:/i.test(el.getAttribute(attr) ?? "")) found.push(`<${el.localName} ${attr}>`);
    if (el.localName === "iframe" || (el.localName === "img" && el.getAttribute("src") === "x")) found.push(`<${el.localName}>`);
    if (el.localName === "script" && el.textContent.includes("alert(")) found.push("<script>alert");
  }
  return found;
}

const notebookOf = (dist: string, locale: string) =>
  JSON.parse(readFileSync(join(dist, locale, HOSTILE_CHAPTER, "notebook.ipynb"), "utf8")) as {
    cells: { cell_type: string; source: string[]; metadata: { course?: Record<string, unknown> } }[];
  };

/** The raw HTML and links a markdown cell holds, as Jupyter's CommonMark reads it (the export's own anchors set aside). */
function markupIn(node: Nodes): string[] {
  if (node.type === "html") return /^(<a name="[\w-]+">|<\/a>)$/.test(node.value) ? [] : [node.value];
  if ((node.type === "link" || node.type === "image") && !/^https:\/\/(osf\.io|course\.example\.org)\//.test(node.url)) return [node.url];
  return "children" in node ? node.children.flatMap(markupIn) : [];
}

describe("contributed text is text in every output", () => {
  it("on the page and in its <head>, in every language", async () => {
    const { dist } = await site("hostile");
    for (const locale of LOCALES) {
      const page = loadPage(dist, `${locale}/${HOSTILE_CHAPTER}/`);
      expect(activeMarkup(page), locale).toEqual([]);
      const text = page.querySelector("main")!.textContent.replace(/\s+/g, " ");
      for (const seen of SEEN) expect(text, `${locale}: ${seen}`).toContain(seen.replace(/\s+/g, " "));
      expect(page.title, locale).toContain(HOSTILE.title);
      expect(page.querySelector('meta[name="description"]')!.getAttribute("content")).toBe(HOSTILE.description);
    }
    // The locale's UI strings, where its page shows them (its chapter is the source's, with its notice).
    const ko = loadPage(dist, `${HOSTILE_LOCALE}/${HOSTILE_CHAPTER}/`).querySelector("main")!.textContent;
    expect(ko).toContain(HOSTILE_UI["translation.fallbackNotice"]!.replace(" {source}", ""));
  });

  it("in the search index and in the results a reader sees", async () => {
    const { dist } = await site("hostile");
    const content = searchFragments(dist, "en").find((f) => f.url.includes(HOSTILE_CHAPTER))!.content;
    for (const seen of PROSE_SEEN) expect(content).toContain(seen);
    const page = await env.browser.newPage();
    try {
      await page.goto(`${env.server.origin}/en/`);
      await page.fill("#site-search", "alert");
      await page.waitForSelector(".search-results .search-count");
      const results = await page.$eval(".search-results", (r) => r.outerHTML);
      expect(activeMarkup(parseHTML(`<!doctype html><html><body>${results}</body></html>`).document)).toEqual([]);
      expect(await page.textContent(".search-results")).toMatch(/<script>alert\(\d+\)<\/script>|<img src=x onerror=alert\(\d+\)>/);
    } finally {
      await page.close();
    }
  });

  it("in the sitemap: addresses only", async () => {
    const { dist } = await site("hostile");
    const sitemap = readFileSync(join(dist, "sitemap-0.xml"), "utf8");
    expect(sitemap).toContain(`https://course.example.org/en/${HOSTILE_CHAPTER}/`);
    expect(sitemap).not.toMatch(/alert|<script|onerror/);
  });

  it("in the notebook's markdown: every hostile text as text, no HTML or link of its own", async () => {
    const { dist } = await site("hostile");
    for (const locale of LOCALES) {
      const cells = notebookOf(dist, locale).cells.filter((c) => c.cell_type === "markdown");
      const trees = cells.map((c) => readNotebookMarkdown(c.source.join("")));
      expect(trees.flatMap(markupIn), locale).toEqual([]);
      const text = trees.map((t) => toString(t)).join("\n");
      for (const seen of [...SEEN, HOSTILE.dataNote, HOSTILE.solution]) expect(text, `${locale}: ${seen}`).toContain(seen);
    }
    const ko = notebookOf(dist, HOSTILE_LOCALE)
      .cells.filter((c) => c.cell_type === "markdown")
      .map((c) => toString(readNotebookMarkdown(c.source.join(""))))
      .join("\n");
    for (const key of ["credits.creators", "exercise.showSolution", "slides.link", "data.computedHere"])
      expect(ko, key).toContain(HOSTILE_UI[key]);
    expect(ko).toContain(HOSTILE_UI["chapter.estimatedTotal"]!.replace("{minutes}", "10"));
  });

  it("in the notebook's code: a title on the form line changes no statement", async () => {
    const { python, reason } = pythonWithScience();
    if (!python) throw new Error(reason);
    const { dist } = await site("hostile");
    const video = notebookOf(dist, "en")
      .cells.find((c) => c.metadata.course?.video)!
      .source.join("");
    expect(video.split("\n")[0]).toBe(`# @title ${HOSTILE.videoTitle}`);
    // Python's own reading: the cell's statements are the template's with a plain title.
    const plain = videoCellCode(COURSE.notebook.videoCell, "Title", "abcdefghijk", "BV1234567890");
    const dump = (code: string) =>
      execFileSync(python, ["-c", "import ast, sys; print(ast.dump(ast.parse(sys.stdin.read())))"], { input: code, encoding: "utf8" });
    expect(dump(video)).toBe(dump(plain));
  });

  it("in the exchange files (PO, XLIFF 1.2 and 2.0) a translator's tool reads", async () => {
    const { project } = await site("hostile");
    const exported = async (format: string) => {
      const r = await runHere("i18n-export", ["--root", project, "--locale", HOSTILE_LOCALE, "--format", format]);
      expect(r.code, r.stderr).toBe(0);
      return r.stdout;
    };
    const catalog = po.parse(await exported("po"));
    const ids = Object.values(catalog.translations).flatMap((ctx) => Object.keys(ctx));
    for (const seen of PROSE_SEEN.slice(0, 2)) expect(ids.join("\n")).toContain(seen);
    for (const format of ["xliff12", "xliff"]) {
      const xml = await exported(format);
      // An XML parser reads the file; the hostile text is in its text, not its elements.
      const document = new DOMParser().parseFromString(xml, "text/xml") as unknown as Document;
      expect([...document.querySelectorAll("script, img, iframe, svg")].length, format).toBe(0);
      expect(document.querySelectorAll("source").length, format).toBeGreaterThan(3);
      expect(document.documentElement.textContent, format).toContain(PROSE_SEEN[0]);
    }
  });
});
