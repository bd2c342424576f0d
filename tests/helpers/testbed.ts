import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sectionHash, splitSections } from "../../src/translation/model/sections.ts";
import { edit } from "./project.ts";
import { ROOT } from "./run.ts";

/** The fixtures the test-bed course adds to the project, by new files only (tests/fixtures/<name>). */
export const TESTBED_FIXTURES = ["generator", "authoring", "testbed"] as const;

/** The hash a translation records for a source section, read from the source file. */
function hashOf(dir: string, file: string, section: string): string {
  return sectionHash(splitSections(readFileSync(join(dir, file), "utf8")).sections.find((s) => s.id === section)!.text);
}

/**
 * The test-bed chapter's text alone (no module), English and half-translated Japanese, added to
 * a copy of the content: what the translators' tools see of a course with a second chapter.
 */
export function addTestbedChapter(dir: string): void {
  for (const fixture of ["generator", "testbed"])
    cpSync(join(ROOT, "tests/fixtures", fixture, "content"), join(dir, "content"), { recursive: true });
  recordTestbedTranslation(dir);
}

/** The test-bed chapter's Japanese records its one translated section (notes) as made from the current source. */
function recordTestbedTranslation(dir: string): void {
  writeFileSync(
    join(dir, "content/ja/fixture/widgets/translation.json"),
    JSON.stringify({ source: "en", sections: { notes: hashOf(dir, "content/en/fixture/widgets/index.mdx", "notes") } }),
  );
}

/**
 * What the test bed changes besides adding files, as translators and authors would: the
 * test-bed chapter's Japanese records its one translated section; a locale with UI strings only
 * (de); a locale with a region started as TRANSLATING.md says (pt-BR: the English Tutorial 1 copied, its summary
 * translated and marked, one of the chapter's strings translated; zh-Hant-TW, a script and a region,
 * the same way, with Section 1 translated in part); a Japanese section deleted, and an English sentence edited after its
 * Japanese translation was made (a stale section).
 */
export function prepareTestbed(dir: string): void {
  recordTestbedTranslation(dir);
  const en = JSON.parse(readFileSync(join(dir, "src/translation/ui/en.json"), "utf8")) as Record<string, string>;
  writeFileSync(
    join(dir, "src/translation/ui/de.json"),
    JSON.stringify({ ...en, "lang.name": "Deutsch", "translation.untranslated": "noch nicht übersetzt" }, null, 2),
  );
  // A locale with a region (pt-BR) and one with a script and a region (zh-Hant-TW), started as
  // TRANSLATING.md says: the UI strings, the English chapter copied, its summary translated and marked.
  const startLocale = (locale: string, ui: Record<string, string>, summary: string) => {
    writeFileSync(join(dir, `src/translation/ui/${locale}.json`), JSON.stringify({ ...en, ...ui }, null, 2));
    const chapter = `content/${locale}/w1d1/tutorial1`;
    mkdirSync(join(dir, chapter), { recursive: true });
    cpSync(join(dir, "content/en/w1d1/tutorial1/index.mdx"), join(dir, chapter, "index.mdx"));
    edit(dir, `${chapter}/index.mdx`, "## Summary \\{#summary\\}", `## ${summary} \\{#summary\\}`);
    writeFileSync(
      join(dir, chapter, "translation.json"),
      JSON.stringify({ source: "en", sections: { summary: hashOf(dir, "content/en/w1d1/tutorial1/index.mdx", "summary") } }),
    );
  };
  startLocale("pt-BR", { "lang.name": "Português (Brasil)", "nav.contents": "Sumário" }, "Resumo");
  startLocale("zh-Hant-TW", { "lang.name": "中文（臺灣）", "nav.contents": "目錄" }, "總結");
  // zh-Hant-TW's course title, as an import of the strings exchange writes it.
  mkdirSync(join(dir, "src/translation/course"), { recursive: true });
  writeFileSync(join(dir, "src/translation/course/zh-Hant-TW.json"), JSON.stringify({ title: "計算神經科學：可探索的教科書" }, null, 2));
  // zh-Hant-TW's Section 1 translated in part, as an import of two of its six units leaves it: the
  // heading and the first paragraph (bold ending on CJK punctuation), the other four still English.
  const zh = "content/zh-Hant-TW/w1d1/tutorial1";
  edit(dir, `${zh}/index.mdx`, "## Section 1: Exploring the Steinmetz dataset", "## 第一節：探索 Steinmetz 資料集");
  edit(
    dir,
    `${zh}/index.mdx`,
    "This tutorial is about finding out how a neuroscience dataset is put together.",
    "**重要：**本教學要找出一個神經科學資料集是怎麼組成的。",
  );
  writeFileSync(
    join(dir, zh, "translation.json"),
    JSON.stringify({
      source: "en",
      sections: { summary: hashOf(dir, "content/en/w1d1/tutorial1/index.mdx", "summary") },
      partial: { "section-1": { source: hashOf(dir, "content/en/w1d1/tutorial1/index.mdx", "section-1"), units: [1, 2] } },
    }),
  );
  // pt-BR's chapter strings, begun: one label translated, the rest fall back to English.
  writeFileSync(join(dir, "chapters/w1d1/tutorial1/strings/pt-BR.json"), JSON.stringify({ "control.bins": "Número de classes" }, null, 2));
  const ja = readFileSync(join(dir, "content/ja/w1d1/tutorial1/index.mdx"), "utf8");
  writeFileSync(
    join(dir, "content/ja/w1d1/tutorial1/index.mdx"),
    ja.slice(0, ja.indexOf("### 考えよう！5")) + ja.slice(ja.indexOf("## まとめ")),
  );
  edit(
    dir,
    "content/en/w1d1/tutorial1/index.mdx",
    "Is this interval typical of the whole recording?",
    "Is this ten-second interval typical of the whole recording?",
  );
}
