import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keysUsedBy } from "../../src/translation/checks/checks.ts";
import { copyProject } from "../helpers/project.ts";
import { runHere } from "../helpers/commands.ts";
import { formatProblem } from "../../src/lib/problem.ts";

// UI strings in layers: the site's (strict in every locale), each chapter's and each dataset's
// (falling back to the source language, reported).
let dir: string;
const check = () => runHere("i18n-check", ["--root", dir]);
const editJson = (path: string, change: (d: Record<string, string>) => void) => {
  const file = join(dir, path);
  const data = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
  change(data);
  writeFileSync(file, JSON.stringify(data, null, 2));
};

beforeAll(() => {
  dir = copyProject(["content", "src", "chapters", "datasets"]);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("strings in layers", () => {
  it("starts clean: no error, and no warning about the site's strings or Tutorial 1 (a chapter the course adds may be half translated)", async () => {
    const r = await check();
    expect(r.stdout).toMatch(/^0 error\(s\), \d+ warning\(s\)$/m);
    expect(
      r.stdout.split("\n").filter((l) => /^warning: (src\/translation\/|content\/[^/]+\/w1d1\/tutorial1\/|chapters\/w1d1\/)/.test(l)),
    ).toEqual([]);
  });

  it("a chapter string missing in a translation falls back to the source, and is reported, not an error", async () => {
    const path = "chapters/w1d1/tutorial1/strings/ja.json";
    const original = readFileSync(join(dir, path), "utf8");
    editJson(path, (d) => {
      delete d["control.bins"];
      delete d["axis.time"];
    });
    const r = await check();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`warning: ${path}: 2 string(s) not translated, shown in en: axis.time, control.bins`);
    writeFileSync(join(dir, path), original);
  });

  it("reports keys no code uses, in the site's strings and in a chapter's", async () => {
    editJson("src/translation/ui/en.json", (d) => (d["site.unusedThing"] = "never shown"));
    editJson("chapters/w1d1/tutorial1/strings/en.json", (d) => (d["legend.nothing"] = "never drawn"));
    const r = await check();
    expect(r.stdout).toContain('warning: src/translation/ui/en.json: "site.unusedThing" is not used by any page or component');
    expect(r.stdout).toContain('warning: chapters/w1d1/tutorial1/strings/en.json: "legend.nothing" is not used by the chapter\'s code');
    expect(r.code).toBe(1); // the site's schema is strict: an unknown key there is also an error
    editJson("src/translation/ui/en.json", (d) => delete d["site.unusedThing"]);
    editJson("chapters/w1d1/tutorial1/strings/en.json", (d) => delete d["legend.nothing"]);
  });

  it("a chapter string whose placeholders differ from the source's is an error", async () => {
    const path = "chapters/w1d1/tutorial1/strings/ja.json";
    const original = readFileSync(join(dir, path), "utf8");
    editJson(path, (d) => (d["load.neuron"] = "ニューロン {nuron}"));
    const r = await check();
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      new RegExp(`error: ${path}:\\d+: "load\\.neuron" has placeholders \\{nuron\\} but the en text has \\{neuron\\}`),
    );
    writeFileSync(join(dir, path), original);
  });

  it("in a new locale (zh-Hant-TW): a renamed placeholder is named, a plural that drops its number is an error, each at its line", async () => {
    const en = JSON.parse(readFileSync(join(dir, "src/translation/ui/en.json"), "utf8")) as Record<string, string>;
    const file = "src/translation/ui/zh-Hant-TW.json";
    const zh = {
      ...en,
      "search.results": "{count, plural, other {個章節相符}}",
      "status.actionDone": "{action}：{數量, plural, =0 {沒有改變} other {# 個控制項已改變}}。",
    };
    writeFileSync(join(dir, file), JSON.stringify(zh, null, 2));
    const lineOf = (key: string) =>
      JSON.stringify(zh, null, 2)
        .split("\n")
        .findIndex((l) => l.startsWith(`  "${key}"`)) + 1;
    const r = await runHere("i18n-check", ["--root", dir, "--locale", "zh_TW"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `${file}:${lineOf("search.results")}: "search.results": the plural {count} shows no number in its form(s) other (the en text shows it with #)`,
    );
    expect(r.stdout).toContain(
      `${file}:${lineOf("status.actionDone")}: "status.actionDone" has placeholders {action}, {數量} but the en text has {action}, {count}`,
    );
    rmSync(join(dir, file));
  });

  it("warns of a marked section whose paragraphs are still the source's, unless translation.json lists them as identical", async () => {
    const en = readFileSync(join(dir, "content/en/w1d1/tutorial1/index.mdx"), "utf8");
    const folder = join(dir, "content/zh-Hant-TW/w1d1/tutorial1");
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(dir, "src/translation/ui/zh-Hant-TW.json"), readFileSync(join(dir, "src/translation/ui/en.json")));
    writeFileSync(join(folder, "index.mdx"), en.replace("## Summary \\{#summary\\}", "## 總結 \\{#summary\\}"));
    const mark = await runHere("i18n-mark", ["--root", dir, "zh_Hant_TW", "w1d1/tutorial1", "summary"]);
    expect(mark.code, mark.stderr).toBe(0);
    expect(mark.stderr).toContain('"zh_Hant_TW" is this course\'s zh-Hant-TW');
    let r = await runHere("i18n-check", ["--root", dir, "--locale", "zh-Hant-TW"]);
    expect(r.stdout).toMatch(
      /warning: content\/zh-Hant-TW\/w1d1\/tutorial1\/index\.mdx: 2 unit\(s\) of translated sections are the en text unchanged .*: summary\.2 \(source line \d+\), summary\.3 \(source line \d+\)/,
    );
    const provenance = JSON.parse(readFileSync(join(folder, "translation.json"), "utf8")) as Record<string, unknown>;
    writeFileSync(join(folder, "translation.json"), JSON.stringify({ ...provenance, identical: ["summary.2"] }));
    r = await runHere("i18n-check", ["--root", dir, "--locale", "zh-Hant-TW"]);
    expect(r.stdout).toMatch(/1 unit\(s\) of translated sections are the en text unchanged .*: summary\.3 \(source line \d+\)$/m);
    rmSync(join(dir, "content/zh-Hant-TW"), { recursive: true });
    rmSync(join(dir, "src/translation/ui/zh-Hant-TW.json"));
  });

  it("names the file, the line and what to write when a chapter has a brace MDX cannot read", async () => {
    const file = join(dir, "content/ja/w1d1/tutorial1/index.mdx");
    const original = readFileSync(file, "utf8");
    writeFileSync(file, original.replace("## まとめ", "予測値 {y_i + } を比べます。\n\n## まとめ"));
    const r = await check();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/content\/ja\/w1d1\/tutorial1\/index\.mdx:\d+: not valid MDX: .*write \\\{ and \\\} for literal braces/);
    writeFileSync(file, original);
  });

  it("finds keys in code: literals, and template prefixes", () => {
    const used = keysUsedBy('t("axis.time"); t(`model.${m}`); const x = "not a key"; label: "control.bins"');
    expect([...used.literals].sort()).toEqual(["axis.time", "control.bins"]);
    expect(used.prefixes).toEqual(["model."]);
  });
});

describe("a strings file that is not JSON", () => {
  it("is named with the line and column of the fault", async () => {
    const { parseStringTable } = await import("../../src/translation/model/stringTable.ts");
    const text = '{\n  "a.b": "one",\n  "c.d": "two"\n  "e.f": "three"\n}\n';
    const parsed = parseStringTable(text, "chapters/x/strings/zh-Hant-TW.json");
    // The parser's own words may change with Node; the place and the advice are ours.
    expect("problems" in parsed && parsed.problems.map(formatProblem).join("\n")).toMatch(
      /^chapters\/x\/strings\/zh-Hant-TW\.json:4:3: not valid JSON \([^\n]*\); a string is "key": "text", pairs separated by commas$/,
    );
  });
});
