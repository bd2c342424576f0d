import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseMdx } from "../../src/lib/content/parseMdx.ts";
import {
  chapterTypography,
  chinesePunctuation,
  japaneseHeadingForm,
  japanesePunctuation,
  typographyRules,
} from "../../src/translation/model/typography.ts";
import { copyProject, edit } from "../helpers/project.ts";
import { runHere } from "../helpers/commands.ts";

describe("Japanese punctuation", () => {
  it.each([
    ["変数の型は何でしょうか?", '"？"'],
    ["NumPy配列です!なぜ", '"！"'],
    ["次の質問をしましょう:データセット", '"："'],
    ["浮動小数点数(別のレベル", '"（"'],
    ["(全時間のうちこの間隔が占める割合は？)", "（全時間のうちこの間隔が占める割合は？）"],
    ["見てみましょう...", '"…"'],
  ])("reports %s", (text, hint) => {
    const problems = japanesePunctuation(text);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((p) => p.message).join(" ")).toContain(hint);
  });

  it.each([
    "変数の型は何でしょうか？",
    "Steinmetz et al. (2019) の研究",
    "スパイク間隔（Inter-Spike Intervals: ISI）を考えます",
    "時間 (s)",
    "np.ptp（ピーク・トゥ・ピーク）",
  ])("accepts %s", (text) => {
    expect(japanesePunctuation(text)).toEqual([]);
  });
});

describe("numbered Japanese headings have one form", () => {
  it.each([
    ["セクション1.2:温まってきた", "セクション 1.2：温まってきた"],
    ["セクション 1.2: 温まってきた", "セクション 1.2：温まってきた"],
    ["コーディング演習1.2：平均", "コーディング演習 1.2：平均"],
    ["考えよう!5: モデル", "考えよう！5：モデル"],
    ["考えよう！ 5：モデル", "考えよう！5：モデル"],
  ])("%s -> %s", (heading, want) => {
    expect(japaneseHeadingForm(heading).map((p) => p.message)).toEqual([`numbered heading "${heading}": write "${want}"`]);
  });

  it.each(["セクション 1.2：温まってきた：総スパイク数", "考えよう！5：モデルについて振り返る", "まとめ", "「What」モデル"])(
    "accepts %s",
    (heading) => {
      expect(japaneseHeadingForm(heading)).toEqual([]);
    },
  );

  it("a chapter with mixed forms is reported at the heading's line, prose props and prose too", () => {
    const mdx = [
      "---",
      "title: x",
      "---",
      "## セクション 1：データ \\{#a\\}",
      "",
      "### セクション1.1:型 \\{#b\\}",
      "",
      '<Video id="v" title="動画 1: データ" youtube="x" bilibili="y" />',
      "",
      "これは何でしょうか?`code?` は対象外です。",
      "",
      "```python",
      'print("何?")',
      "```",
    ].join("\n");
    expect(chapterTypography("ja", parseMdx(mdx))).toEqual([
      { line: 6, message: 'numbered heading "セクション1.1:型": write "セクション 1.1：型"' },
      { line: 6, message: 'half-width ":" in Japanese text: write "："' },
      { line: 8, message: 'title="…": half-width ":" in Japanese text: write "："' },
      { line: 10, message: 'half-width "?" in Japanese text: write "？"' },
    ]);
  });
});

describe("i18n:check enforces it", () => {
  let dir: string;
  beforeAll(() => {
    dir = copyProject(["content", "src/translation/ui"]);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("fails on a heading in another form and on half-width punctuation, naming file and line", async () => {
    const JA = "content/ja/w1d1/tutorial1/index.mdx";
    edit(dir, JA, "### セクション 2.1：データのサブセット取得", "### セクション2.1:データのサブセット取得");
    edit(dir, "src/translation/ui/ja.json", "検索（例：不応期）", "検索(例: 不応期)");
    const r = await runHere("i18n-check", ["--root", dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      new RegExp(
        `error: ${JA}:\\d+: numbered heading "セクション2.1:データのサブセット取得": write "セクション 2.1：データのサブセット取得"`,
      ),
    );
    expect(r.stdout).toContain('error: src/translation/ui/ja.json: "search.placeholder": half-width "(" in Japanese text');
  });

  it("applies Chinese rules to a zh-Hant-TW translation, at its line", async () => {
    const ZH = "content/zh-Hant-TW/w1d1/tutorial1/index.mdx";
    const en = readFileSync(join(dir, "content/en/w1d1/tutorial1/index.mdx"), "utf8");
    mkdirSync(join(dir, "content/zh-Hant-TW/w1d1/tutorial1"), { recursive: true });
    writeFileSync(join(dir, ZH), en.replace("## Summary \\{#summary\\}", "## 總結 \\{#summary\\}\n\n那麼,我們的資料長什麼樣子?"));
    const ui = JSON.parse(readFileSync(join(dir, "src/translation/ui/en.json"), "utf8")) as Record<string, string>;
    writeFileSync(join(dir, "src/translation/ui/zh-Hant-TW.json"), JSON.stringify({ ...ui, "nav.contents": "目錄:" }));
    const r = await runHere("i18n-check", ["--root", dir, "--locale", "zh-Hant-TW"]);
    const line = en.slice(0, en.indexOf("## Summary")).split("\n").length + 2;
    expect(r.stdout).toContain(`error: ${ZH}:${line}: half-width "," in Chinese text: write "，"`);
    expect(r.stdout).toContain(`error: ${ZH}:${line}: half-width "?" in Chinese text: write "？"`);
    expect(r.stdout).toContain('error: src/translation/ui/zh-Hant-TW.json: "nav.contents": half-width ":" in Chinese text');
    expect(r.code).toBe(1);
  });
});

describe("Chinese punctuation", () => {
  it("reports half-width marks after Han characters, with the full-width one to write", () => {
    const text = "那麼,我們的資料長什麼樣子?看(圖 1):尖峰;間隔.";
    expect(chinesePunctuation(text).map((p) => `${text.slice(p.offset, p.offset + 1)} ${p.message.split(": ")[1]}`)).toEqual([
      ', write "，"',
      '? write "？"',
      '( write "（"',
      ': write "："',
      '; write "；"',
      '. write "。"',
    ]);
  });

  it("leaves Latin text, numbers and code alone", () => {
    for (const text of ["那麼，我們的資料長什麼樣子？", "版本 3.5 的 numpy.load", "Read this, then that: ok.", "共 4,055 次尖峰"])
      expect(chinesePunctuation(text), text).toEqual([]);
  });

  it("applies in a Chinese chapter to prose and prose props, not code", () => {
    const mdx = [
      "## 總結 \\{#summary\\}",
      "",
      "看 `a,b` 這個,然後",
      "",
      '<Video id="v" title="影片:資料" youtube="x" bilibili="y" />',
    ].join("\n");
    expect(chapterTypography("zh", parseMdx(mdx)).map((p) => p.line)).toEqual([3, 5]);
  });
});

describe("which rules a locale follows", () => {
  it("is its script's unless the course chooses", () => {
    expect(["ja", "ja-JP", "zh", "zh-Hant-TW", "zh-Hans", "zh-HK", "yue-Hant", "ko", "pt-BR", "en"].map((l) => typographyRules(l))).toEqual(
      ["ja", "ja", "zh", "zh", "zh", "zh", "zh", "none", "none", "none"],
    );
    expect(typographyRules("zh-Hant-TW", { "zh-Hant-TW": "none" })).toBe("none");
    expect(typographyRules("not a tag")).toBe("none");
  });
});
