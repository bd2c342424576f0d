import { describe, expect, it } from "vitest";
import { bestLocale } from "../../../src/lib/locale/bestLocale.ts";

const SITE = ["ja", "en", "pt-BR", "zh-Hant-TW", "de"];

describe("the locale a reader's browser asks for", () => {
  it("is found by tag, by likely subtags, then by language and script", () => {
    const cases: [string[], string | undefined][] = [
      [["zh-TW"], "zh-Hant-TW"],
      [["zh-Hant-TW"], "zh-Hant-TW"],
      [["zh_tw"], "zh-Hant-TW"],
      [["zh-HK", "en"], "zh-Hant-TW"], // Traditional script, another region: still readable
      [["zh-CN", "en"], "en"], // Simplified Chinese is not Traditional
      [["zh", "ja"], "ja"], // zh alone is Simplified (CLDR)
      [["pt", "en"], "pt-BR"],
      [["pt-PT"], "pt-BR"],
      [["en-GB"], "en"],
      [["fr-FR", "de-AT"], "de"],
      [["fr", "ko"], undefined],
      [[], undefined],
      [["not a tag", "ja-JP"], "ja"],
    ];
    for (const [wanted, best] of cases) expect(bestLocale(wanted, SITE), wanted.join()).toBe(best);
  });
});
