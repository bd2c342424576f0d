import { gettextLanguage } from "../../src/translation/exchange/formats/po.ts";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { canonicalTag, languageName, localeOfFile, locales, localeSpellingProblems, matchLocale } from "../../src/translation/locales.ts";
import { formatProblem } from "../../src/lib/problem.ts";

// Which languages a course has, and the one name each has everywhere: its canonical BCP 47 tag.
let root: string;
const course = (uiFiles: string[], folders: string[]) => {
  root = mkdtempSync(join(tmpdir(), "locales-"));
  mkdirSync(join(root, "src/translation/ui"), { recursive: true });
  for (const f of uiFiles) writeFileSync(join(root, "src/translation/ui", f), "{}");
  for (const d of folders) mkdirSync(join(root, "content", d), { recursive: true });
  return root;
};
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe("locales", () => {
  it("are the UI strings files named by a language tag, and nothing else", () => {
    course(["en.json", "ja.json", "pt-BR.json", "zh-Hant-TW.json", "es-419.json", "identical.json", "notes.txt", "x_y.json"], []);
    expect(locales(root)).toEqual(["en", "es-419", "ja", "pt-BR", "zh-Hant-TW"]);
    expect(localeOfFile("identical.json")).toBeNull();
  });

  it("are compared case-insensitively, and answered in the course's spelling", () => {
    course([], []);
    expect(matchLocale("PT-br", ["en", "pt-BR"])).toBe("pt-BR");
    expect(matchLocale("zh-hant-tw", ["zh-Hant-TW"])).toBe("zh-Hant-TW");
    expect(matchLocale("pt", ["pt-BR"])).toBeUndefined();
    // What our PO files say (gettext's spelling) reads back as the course's tag.
    for (const tag of ["zh-Hant-TW", "pt-BR", "ja", "sr-Latn-RS"]) expect(matchLocale(gettextLanguage(tag), [tag]), tag).toBe(tag);
    expect(["zh-Hant-TW", "pt-BR", "sr-Latn-RS"].map(gettextLanguage)).toEqual(["zh_TW", "pt_BR", "sr_Latn_RS"]);
    // gettext's spellings, and tags that name the same language with fewer subtags (CLDR's likely ones).
    const known = ["en", "ja", "pt-BR", "zh-Hant-TW", "zh-Hans"];
    expect(
      ["pt_BR", "zh_TW", "zh_Hant_TW", "zh_TW.UTF-8", "zh-tw", "zh_CN", "ja_JP", "ko_KR", "zh-HK"].map((t) => matchLocale(t, known)),
    ).toEqual(["pt-BR", "zh-Hant-TW", "zh-Hant-TW", "zh-Hant-TW", "zh-Hant-TW", "zh-Hans", "ja", undefined, undefined]);
  });

  it("have one canonical spelling: another one in a file or folder name is refused, naming the one to use", () => {
    expect([canonicalTag("pt-br"), canonicalTag("ZH-HANT-TW"), canonicalTag("sr-latn"), canonicalTag("identical")]).toEqual([
      "pt-BR",
      "zh-Hant-TW",
      "sr-Latn",
      null,
    ]);
    course(["en.json", "pt-br.json", "zh-Hant-TW.json"], ["en", "pt-br", "ZH-HANT-TW"]);
    expect(localeSpellingProblems(root).map(formatProblem)).toEqual([
      "src/translation/ui/pt-br.json: name it pt-BR.json, the canonical form of the language tag (and its content folder content/pt-BR)",
      "content/ZH-HANT-TW: the locale is spelled zh-Hant-TW (src/translation/ui/zh-Hant-TW.json): rename the folder content/zh-Hant-TW",
    ]);
    rmSync(root, { recursive: true });
    course(["en.json", "ja.json", "pt-BR.json"], ["en", "ja", "pt-BR"]);
    expect(localeSpellingProblems(root)).toEqual([]);
  });

  it("are named in the reader's language", () => {
    expect(languageName("en", "ja")).toBe("英語");
    expect(languageName("en", "pt-BR")).toBe("inglês");
    expect(languageName("pt-BR", "en")).toBe("Brazilian Portuguese");
  });
});
