import { describe, expect, it } from "vitest";
import { ogLocale } from "../../../src/lib/locale/ogLocale.ts";

describe("Open Graph locales", () => {
  it("are language_TERRITORY for any tag: named, or the likeliest", () => {
    expect(["ja", "en", "pt-BR", "zh-Hant-TW", "zh-Hans", "ko", "es-419"].map(ogLocale)).toEqual([
      "ja_JP",
      "en_US",
      "pt_BR",
      "zh_TW",
      "zh_CN",
      "ko_KR",
      "es_419",
    ]);
  });
});
