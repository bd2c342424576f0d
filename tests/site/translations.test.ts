import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadPage, searchFragments } from "../helpers/site.ts";
import { site } from "../helpers/sites.ts";

// The test bed (tests/helpers/sites.ts): a third locale ("de": UI strings only, no chapters), a
// fourth, with a region, started the way TRANSLATING.md says ("pt-BR": the English chapter copied, one section
// translated and marked), a Japanese section deleted, and an English section edited after its
// Japanese translation was made; its other chapters are translated partly or not at all.
let dist = "";

beforeAll(async () => {
  dist = (await site("testbed")).dist;
});

describe("a locale without translations", () => {
  it("gets the chapter as a fallback: its own UI, the source text marked as such, canonical to the source", () => {
    const doc = loadPage(dist, "de/w1d1/tutorial1/");
    expect(doc.documentElement.getAttribute("lang")).toBe("de");
    expect(doc.querySelector("article")!.getAttribute("lang")).toBe("en");
    expect(doc.querySelector(".translation-notice")!.textContent).toContain("not been translated yet");
    expect(doc.querySelector('link[rel="canonical"]')!.getAttribute("href")).toMatch(/\/en\/w1d1\/tutorial1\/$/);
    // Alternates name the real versions only.
    const alternates = [...doc.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => l.getAttribute("hreflang"));
    expect(alternates.sort()).toEqual(["en", "ja", "pt-BR", "zh-Hant-TW"]);
    // The figures and numbers are there, in the source's language.
    expect(doc.querySelectorAll("[data-cell] svg").length).toBeGreaterThanOrEqual(8);
    expect(doc.querySelector("h1")!.textContent).toContain("Tutorial 1");
  });

  it("lists the chapter as not yet translated, and every page offers it in the language switch", () => {
    const index = loadPage(dist, "de/");
    expect(index.documentElement.getAttribute("lang")).toBe("de");
    const entry = index.querySelector('[data-chapter="w1d1/tutorial1"]')!;
    expect(entry.querySelector(".untranslated")!.textContent).toContain("noch nicht übersetzt");
    expect(entry.querySelector(".chapter-list-title")!.getAttribute("lang")).toBe("en");
    const ja = loadPage(dist, "ja/w1d1/tutorial1/");
    expect(ja.querySelector('.language-switch a[hreflang="de"]')!.getAttribute("href")).toMatch(/\/de\/w1d1\/tutorial1\/$/);
    const alternates = [...ja.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => l.getAttribute("hreflang"));
    expect(alternates.sort()).toEqual(["en", "ja", "pt-BR", "zh-Hant-TW"]);
    expect(ja.querySelector('link[rel="canonical"]')!.getAttribute("href")).toMatch(/\/ja\/w1d1\/tutorial1\/$/);
  });
});

describe("a stale translated section", () => {
  it("carries a notice in the reader's language linking to the source section, and only that one", () => {
    const ja = loadPage(dist, "ja/w1d1/tutorial1/");
    const notices = [...ja.querySelectorAll(".stale-notice")];
    expect(notices.map((n) => n.getAttribute("data-stale"))).toEqual(["section-2-1"]);
    const notice = notices[0]!;
    expect(notice.getAttribute("lang")).toBe("ja");
    expect(notice.textContent).toContain("この翻訳の後に更新されています");
    expect(notice.querySelector("a")!.getAttribute("href")).toMatch(/\/en\/w1d1\/tutorial1\/#section-2-1$/);
    expect(notice.previousElementSibling!.id).toBe("section-2-1");
    expect(loadPage(dist, "en/w1d1/tutorial1/").querySelectorAll(".stale-notice").length).toBe(0);
  });
});

describe("a partly translated chapter", () => {
  it("is the locale's page: translated sections in its language, the rest from the source, marked and unindexed", () => {
    const pt = loadPage(dist, "pt-BR/w1d1/tutorial1/");
    expect(pt.querySelector("article")!.getAttribute("lang")).toBe("pt-BR");
    expect(pt.querySelector('link[rel="canonical"]')!.getAttribute("href")).toMatch(/\/pt-BR\/w1d1\/tutorial1\/$/);
    expect(pt.querySelector(".translation-notice")).toBeNull();
    // Frontmatter the translator left in English is marked English and kept out of the pt-BR index.
    for (const field of [".chapter-course", ".chapter-byline"]) {
      const el = pt.querySelector(`.chapter-header ${field}`);
      if (el) expect([el.getAttribute("lang"), el.getAttribute("data-pagefind-ignore")], field).toEqual(["en", "all"]);
    }
    expect(pt.querySelector(".chapter-header h1")!.getAttribute("lang")).toBe("en");
    expect(loadPage(dist, "ja/w1d1/tutorial1/").querySelector(".chapter-header h1")!.getAttribute("lang")).toBeNull();
    // Every section is there, in the source's order; 16 of 17 from the source.
    const ids = [...pt.querySelectorAll("article h2[id], article h3[id]")].map((h) => h.id);
    const en = loadPage(dist, "en/w1d1/tutorial1/");
    expect(ids).toEqual([...en.querySelectorAll("article h2[id], article h3[id]")].map((h) => h.id));
    const fromSource = [...pt.querySelectorAll("[data-from-source]")];
    expect(fromSource.map((s) => s.getAttribute("data-from-source"))).not.toContain("summary");
    expect(fromSource.length).toBe(16);
    for (const s of fromSource) {
      expect(s.getAttribute("lang")).toBe("en");
      expect(s.getAttribute("data-pagefind-ignore")).toBe("all");
    }
    const summary = pt.getElementById("summary")!;
    expect(summary.textContent).toBe("Resumo");
    expect(summary.closest("[data-from-source]")).toBeNull();
    // A notice under each untranslated heading, in the reader's language (pt-BR's strings say it in English here).
    const notice = pt.getElementById("section-1")!.nextElementSibling!;
    expect(notice.className).toBe("source-notice");
    expect(notice.getAttribute("lang")).toBe("pt-BR");
    // The table of contents is complete, and marks the entries in the source's language.
    const toc = [...pt.querySelectorAll(".toc a[data-section]")];
    expect(toc.length).toBe(ids.length);
    expect(toc.find((a) => a.getAttribute("data-section") === "section-1")!.getAttribute("lang")).toBe("en");
    expect(toc.find((a) => a.getAttribute("data-section") === "summary")!.getAttribute("lang")).toBeNull();
    expect(pt.querySelector(".toc summary")!.textContent).toBe("Sumário");
    // A figure in a section from the source: its caption is the source's prose (inherits "en");
    // pt-BR has none of the chapter's strings yet, so its labels, alternative and table are the
    // source's and say so, while what the site wrote around them says pt-BR.
    const figure = pt.querySelector("[data-from-source] figure[data-cell]")!;
    expect(figure.querySelector("figcaption")!.closest("[lang]")!.getAttribute("lang")).toBe("en");
    expect(figure.querySelector(".cell-figure")!.getAttribute("lang")).toBe("en");
    expect(figure.querySelector(".cell-table")!.getAttribute("lang")).toBe("en");
    expect(figure.querySelector(".cell-table summary")!.getAttribute("lang")).toBe("pt-BR");
    const explorer = pt.querySelector('figure[data-cell="isi-function-explorer"]')!;
    expect(explorer.querySelector(".cell-controls")!.getAttribute("lang")).toBe("pt-BR");
    expect(explorer.querySelector(".cell-controls label span[lang]")!.getAttribute("lang")).toBe("en");
    // A cell drawn with one pt-BR string and the rest in English: the translated label is pt-BR,
    // each fallen-back label, and the figure's text that holds one, says "en".
    const histogram = pt.querySelector('figure[data-cell="isi-histogram"]')!;
    expect(histogram.querySelector(".cell-figure")!.getAttribute("lang")).toBe("pt-BR");
    const label = (name: string) => histogram.querySelector(`input[name="${name}"]`)!.closest(".control")!.querySelector("label span")!;
    expect(label("bins").textContent).toBe("Número de classes");
    expect(label("bins").getAttribute("lang")).toBeNull();
    expect(label("show_mean").getAttribute("lang")).toBe("en");
    const englishTexts = [...histogram.querySelectorAll(".figure-wide svg text[lang]")];
    expect(englishTexts.length).toBeGreaterThan(0);
    expect(englishTexts.every((t) => t.getAttribute("lang") === "en")).toBe(true);
    expect(englishTexts.map((t) => t.textContent).join(" ")).toMatch(/ISI/);
    // Japanese has the chapter's strings: its figures are Japanese.
    const jaFigure = loadPage(dist, "ja/w1d1/tutorial1/").querySelector('figure[data-cell="isi-function-explorer"]')!;
    expect(jaFigure.querySelector(".cell-figure")!.getAttribute("lang")).toBe("ja");
    expect(jaFigure.querySelector(".cell-controls label span[lang]")).toBeNull();
  });

  it("keeps a section deleted from a translation, from the source, with a notice", () => {
    const ja = loadPage(dist, "ja/w1d1/tutorial1/");
    const think = ja.getElementById("think-5")!;
    expect(think.closest("[data-from-source]")!.getAttribute("lang")).toBe("en");
    expect(think.nextElementSibling!.textContent).toContain("この節はまだ翻訳されていません");
    expect(ja.querySelectorAll(".toc a[data-section='think-5']").length).toBe(1);
    expect(ja.getElementById("section-5")!.closest("[data-from-source]")).toBeNull();
  });

  it("is a locale like any with a script and a region (zh-Hant-TW): its route, lang, hreflang, search index and status", () => {
    const zh = loadPage(dist, "zh-Hant-TW/w1d1/tutorial1/");
    expect(zh.documentElement.getAttribute("lang")).toBe("zh-Hant-TW");
    expect(zh.querySelector("article")!.getAttribute("lang")).toBe("zh-Hant-TW");
    expect(zh.getElementById("summary")!.textContent).toContain("總結");
    expect(zh.querySelector('link[rel="canonical"]')!.getAttribute("href")).toMatch(/\/zh-Hant-TW\/w1d1\/tutorial1\/$/);
    const ja = loadPage(dist, "ja/w1d1/tutorial1/");
    expect(ja.querySelector('link[rel="alternate"][hreflang="zh-Hant-TW"]')!.getAttribute("href")).toMatch(
      /\/zh-Hant-TW\/w1d1\/tutorial1\/$/,
    );
    // The language's name in the switch is in that language.
    expect(ja.querySelector('.language-switch a[hreflang="zh-Hant-TW"]')!.textContent).toContain("中文");
    const indexed = searchFragments(dist, "zh-hant-tw").find((p) => p.url.endsWith("/zh-Hant-TW/w1d1/tutorial1/"))!;
    expect(indexed.content).toContain("總結");
    expect(indexed.content).not.toContain("Tutorial Objectives");
    expect(loadPage(dist, "zh-Hant-TW/").querySelector('[data-chapter="w1d1/tutorial1"] .partly-translated')!.textContent).toContain("1");
  });

  it("shows a section translated in part paragraph by paragraph: the rest in the source's language, out of the search and never counted", () => {
    const zh = loadPage(dist, "zh-Hant-TW/w1d1/tutorial1/");
    const heading = zh.getElementById("section-1")!;
    expect(heading.textContent).toContain("第一節：探索 Steinmetz 資料集");
    expect(heading.getAttribute("lang")).toBeNull();
    expect(zh.querySelector('[data-partly="section-1"]')!.textContent).toContain("are not translated yet");
    // Bold that ends on a full-width colon before a letter is bold (remark-cjk-friendly), not asterisks.
    const translated = [...zh.querySelectorAll("article p")].find((p) => p.textContent.includes("本教學"))!;
    expect(translated.querySelector("strong")!.textContent).toBe("重要：");
    expect(translated.textContent).not.toContain("**");
    expect(translated.getAttribute("lang")).toBeNull();
    // The four English paragraphs: the source's words, lang="en", kept out of the locale's search.
    const english = [...zh.querySelectorAll('article p[data-from-source="section-1"]')];
    expect(english).toHaveLength(4);
    for (const p of english) {
      expect(p.getAttribute("lang")).toBe("en");
      expect(p.getAttribute("data-pagefind-ignore")).toBe("all");
    }
    expect(english[0]!.textContent).toContain("Steinmetz et al. (2019)");
    const indexed = searchFragments(dist, "zh-hant-tw").find((p) => p.url.endsWith("/zh-Hant-TW/w1d1/tutorial1/"))!;
    expect(indexed.content).toContain("本教學");
    expect(indexed.content).not.toContain("Neuropixels");
    // The notebook says the same: the English paragraphs in a <div lang="en">, the translated one not.
    const nb = JSON.parse(readFileSync(join(dist, "zh-Hant-TW/w1d1/tutorial1/notebook.ipynb"), "utf8")) as {
      cells: { cell_type: string; source: string[] }[];
    };
    const markdown = nb.cells.filter((c) => c.cell_type === "markdown").map((c) => c.source.join(""));
    const section = markdown.find((m) => m.includes("本教學"))!;
    expect(section).toMatch(/<div lang="en">\n\nOur data are a portion of those collected by Steinmetz et al\. \(2019\)/);
    expect(section).not.toMatch(/<div lang="en">\n\n<strong>重要：<\/strong>本教學/);
    expect(section.match(/<div lang="en">/g)).toHaveLength(4);
    // Not a translated section on the locale's home page (only the summary is).
    expect(loadPage(dist, "zh-Hant-TW/").querySelector('[data-chapter="w1d1/tutorial1"] .partly-translated')!.textContent).toContain(
      "1 of 17",
    );
  });

  it("takes the course's title in a language from that language's course file (src/translation/course/<locale>.json)", () => {
    const home = loadPage(dist, "zh-Hant-TW/");
    expect(home.querySelector("h1")!.textContent).toContain("計算神經科學：可探索的教科書");
    expect(home.querySelector("h1")!.closest("[lang]")!.getAttribute("lang")).toBe("zh-Hant-TW");
    // Other languages keep the course file's.
    expect(loadPage(dist, "pt-BR/").querySelector("h1")!.textContent).toContain("Computational Neuroscience, Explorable");
  });

  it("is listed as partly translated on the locale's home page", () => {
    const home = loadPage(dist, "pt-BR/").querySelector('[data-chapter="w1d1/tutorial1"]')!;
    expect(home.querySelector(".partly-translated")!.textContent).toContain("1 of 17");
    expect(home.querySelector(".untranslated")).toBeNull();
  });

  it("keeps the source's text out of the locale's search index", () => {
    const pt = searchFragments(dist, "pt-br").find((p) => p.url.endsWith("/pt-BR/w1d1/tutorial1/"))!;
    expect(pt.content).toContain("Resumo");
    expect(pt.content).not.toContain("Tutorial Objectives");
    expect(pt.content).not.toContain("refractory");
    const ja = searchFragments(dist, "ja").find((p) => p.url.endsWith("/ja/w1d1/tutorial1/"))!;
    expect(ja.content).toContain("不応期");
    expect(ja.content).not.toContain("Thinking back on models"); // think-5, deleted from ja, shown in English
    // A fallback page is indexed in no language but the source's.
    expect(searchFragments(dist, "de").some((p) => p.url.includes("/de/w1d1/"))).toBe(false);
  });
});

describe("the translation status page", () => {
  interface Report {
    sourceLocale: string;
    chapters: {
      chapter: string;
      locales: {
        locale: string;
        total: number;
        share: number;
        counts: Record<string, number>;
        sections: { id: string; status: string; href: string; sourceChanged: string | null }[];
      }[];
    }[];
  }
  const report = () => JSON.parse(readFileSync(join(dist, "translation-status.json"), "utf8")) as Report;

  it("writes every chapter's state in every locale as JSON, section by section, dated from git", () => {
    const chapter = report().chapters.find((c) => c.chapter === "w1d1/tutorial1")!;
    const by = Object.fromEntries(chapter.locales.map((l) => [l.locale, l]));
    expect(Object.keys(by).sort()).toEqual(["de", "ja", "pt-BR", "zh-Hant-TW"]);
    expect(by.ja!.counts).toMatchObject({ current: 15, stale: 1, missing: 1, untranslated: 0 });
    expect(by.ja!.share).toBeCloseTo(15 / 17, 3);
    expect(by.ja!.sections.map((s) => `${s.id}:${s.status}`)).toEqual(["section-2-1:stale", "think-5:missing"]);
    expect(by.ja!.sections[0]!.href).toBe("/ja/w1d1/tutorial1/#section-2-1");
    expect(by.ja!.sections[0]!.sourceChanged).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(by["pt-BR"]!.counts).toMatchObject({ current: 1, untranslated: 16 });
    // A section translated in part is not current, and is not dated as a changed source (never translated whole).
    expect(by["zh-Hant-TW"]!.counts).toMatchObject({ current: 1, partial: 1, untranslated: 15 });
    expect(by["zh-Hant-TW"]!.sections.find((s) => s.id === "section-1")).toMatchObject({ status: "partial", sourceChanged: null });
    expect(by["pt-BR"]!.sections.every((s) => s.sourceChanged === null)).toBe(true);
    expect(by.de!.counts).toMatchObject({ current: 0, untranslated: 17 });
  });

  it("is a page linked from every chapter's footer, each state linked to its place", () => {
    const ja = loadPage(dist, "ja/w1d1/tutorial1/");
    expect(ja.querySelector("footer .status-link")!.getAttribute("href")).toBe("/ja/translation-status/");
    expect(ja.querySelector("footer .status-link")!.textContent).toBe("翻訳の状況");
    // The footer of a fallback page speaks the reader's language too (de's strings are English here but its own).
    const de = loadPage(dist, "de/w1d1/tutorial1/");
    expect(de.querySelector("footer")!.closest("[lang]")!.getAttribute("lang")).toBe("de");
    // In each language: the reader's strings, the source named in the reader's language, code in headings as code.
    const jaStatus = loadPage(dist, "ja/translation-status/");
    expect(jaStatus.documentElement.getAttribute("lang")).toBe("ja");
    expect(jaStatus.querySelector("h1")!.textContent).toBe("翻訳の状況");
    expect(jaStatus.querySelector("main > p")!.textContent).toContain("英語");
    expect(jaStatus.querySelector('[data-chapter="w1d1/tutorial1"] .status-locale[data-locale="ja"]')!.textContent).toContain(
      "全 17 節のうち 15 節が最新",
    );
    expect(jaStatus.querySelector(".status-sections")!.textContent).not.toContain("`");
    expect(loadPage(dist, "translation-status/").querySelectorAll('a[href$="/translation-status/"]').length).toBeGreaterThanOrEqual(3);
    const page = loadPage(dist, "en/translation-status/");
    const ja2 = page.querySelector('[data-chapter="w1d1/tutorial1"] [data-locale="ja"]')!;
    const stale = ja2.querySelector('[data-section="section-2-1"]')!;
    expect(stale.getAttribute("data-status")).toBe("stale");
    expect(stale.querySelector("a")!.getAttribute("href")).toBe("/ja/w1d1/tutorial1/#section-2-1");
    expect(stale.querySelector("time")!.getAttribute("datetime")).toMatch(/^\d{4}-/);
    expect(ja2.textContent).toContain("15 of 17 sections current (88%)");
  });
});
