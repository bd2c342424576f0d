import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitAll, copyProject, edit } from "../helpers/project.ts";
import { addTestbedChapter } from "../helpers/testbed.ts";
import { runHere } from "../helpers/commands.ts";

// The translators' tools on a temporary copy of the content (a git repository of its own), with
// the test bed's half-translated chapter added beside Tutorial 1: what is asserted about
// Tutorial 1 is asserted by its chapter and section ids, so a second chapter changes nothing.
const EN = "content/en/w1d1/tutorial1/index.mdx";
const JA = "content/ja/w1d1/tutorial1/index.mdx";
let dir: string;

interface Row {
  chapter: string;
  locale: string;
  section: string;
  status: string;
  file: string;
  line?: number;
  diff?: string | null;
  changes?: { sourceLine: number; line: number; words: string }[];
}
/** Tutorial 1's rows of i18n:status (the course has other chapters). */
const status = async (): Promise<Row[]> => {
  const r = await runHere("i18n-status", ["--json", "--root", dir]);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as Row[]).filter((row) => row.chapter === "w1d1/tutorial1");
};
/** What i18n:check says about Tutorial 1's files. */
const aboutTutorial = (stdout: string) => stdout.split("\n").filter((l) => /content\/[^/]+\/w1d1\/tutorial1\//.test(l));
const check = (root = dir) => runHere("i18n-check", ["--root", root]);
const notCurrent = (rows: Row[]) => rows.filter((r) => r.status !== "current").map((r) => `${r.section}:${r.status}`);

beforeAll(() => {
  dir = copyProject(["content", "src/translation/ui"]);
  addTestbedChapter(dir);
  commitAll(dir);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("i18n:status, i18n:mark and i18n:check", () => {
  it("starts with every section current and the check clean", async () => {
    const rows = await status();
    expect(rows.length).toBe(17);
    expect(notCurrent(rows)).toEqual([]);
    expect(rows[0]).toMatchObject({ chapter: "w1d1/tutorial1", locale: "ja", status: "current" });
    const r = await check();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("0 error(s)");
    expect(aboutTutorial(r.stdout)).toEqual([]);
    // The other chapter is what it is: half translated, its other section shown from the source.
    expect(r.stdout).toContain('content/ja/fixture/widgets/index.mdx: section "cells" is missing: readers get the en text');
  });

  it("refuses an unknown --locale in every command", async () => {
    for (const name of ["i18n-status", "i18n-check", "i18n-mark", "i18n-sync", "i18n-export", "i18n-import", "i18n-memory"] as const) {
      const bad = await runHere(name, ["--locale", "xx", "--root", dir]);
      expect(bad.code, name).toBe(2);
      expect(bad.stderr, name).toContain('no locale "xx"');
    }
  });

  it("reports exactly the edited source section as stale, with the source diff and where to edit", async () => {
    edit(dir, EN, "Is this interval typical of the whole recording?", "Is this ten-second interval typical of the whole recording?");
    const rows = await status();
    expect(notCurrent(rows)).toEqual(["section-2-1:stale"]);
    const stale = rows.find((r) => r.status === "stale")!;
    expect(stale.diff).toContain("-Is this interval typical of the whole recording?");
    expect(stale.diff).toContain("+Is this ten-second interval typical of the whole recording?");
    expect(readFileSync(join(dir, JA), "utf8").split("\n")[stale.line! - 1]).toContain("\\{#section-2-1\\}");
    const human = await runHere("i18n-status", ["--root", dir, "--locale", "ja"]);
    expect(human.stdout).toMatch(new RegExp(`stale\\s+section-2-1\\s+${JA}:${stale.line}`));
    // Word by word, with the source's line and the translation's line of that paragraph.
    expect(human.stdout).toContain("Is this {+ten-second +}interval typical of the whole recording?");
    const ja = readFileSync(join(dir, JA), "utf8").split("\n");
    const change = stale.changes![0]!;
    expect(ja[change.line - 1]).toContain("この間隔は代表的なものですか");
    expect(human.stdout).toContain(`${EN}:${change.sourceLine} -> edit ${JA}:${change.line}`);
    const c = await check();
    expect(c.code).toBe(0); // stale is a warning, not an error
    expect(c.stdout).toContain(`warning: ${JA}:${stale.line}: section "section-2-1" is stale`);
  });

  it("ignores an edit that only changes whitespace", async () => {
    edit(dir, EN, "So what do our data look like? Let's find out…", "So what do our  data look like?   Let's find out…\n\n");
    expect(notCurrent(await status())).toEqual(["section-2-1:stale"]);
  });

  it("exports only the changed unit of a stale section as stale, with its older source for the translator's tool", async () => {
    const r = await runHere("i18n-export", [
      "--root",
      dir,
      "--locale",
      "ja",
      "--chapter",
      "w1d1/tutorial1",
      "--format",
      "po",
      "--no-memory",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const section = r.stdout.split("\n\n").filter((e) => e.includes('msgctxt "w1d1/tutorial1#section-2-1.'));
    expect(section.length).toBeGreaterThan(3);
    const fuzzy = section.filter((e) => e.includes("#, fuzzy"));
    expect(fuzzy).toHaveLength(1);
    expect(fuzzy[0]).toMatch(/^#\| msgid "[^"]*Is this interval typical of the whole recording\?/m);
    expect(fuzzy[0]).toMatch(/^msgid "[^"]*Is this ten-second interval typical/m);
    expect(section.filter((e) => e.startsWith("#|") || e.includes("\n#| "))).toHaveLength(1);
    // XLIFF 1.2 carries the older source as a previous version beside the current translation.
    const x = await runHere("i18n-export", [
      "--root",
      dir,
      "--locale",
      "ja",
      "--chapter",
      "w1d1/tutorial1",
      "--format",
      "xliff12",
      "--no-memory",
    ]);
    expect(x.stdout.match(/<alt-trans alttranstype="previous-version"><source>[^<]*Is this interval typical/g)).toHaveLength(1);
  });

  it("says when the old source text is unknown to git", async () => {
    const provenance = JSON.parse(readFileSync(join(dir, "content/ja/w1d1/tutorial1/translation.json"), "utf8")) as {
      sections: Record<string, string>;
    };
    provenance.sections["section-3"] = "0123456789ab";
    writeFileSync(join(dir, "content/ja/w1d1/tutorial1/translation.json"), JSON.stringify(provenance));
    const rows = await status();
    expect(rows.find((r) => r.section === "section-3")).toMatchObject({ status: "stale", diff: null });
    const human = await runHere("i18n-status", ["--root", dir]);
    // This clone has its whole history, so that version was never committed (no "git fetch --unshallow" advice).
    expect(human.stdout).toContain("which was never committed");
    expect(human.stdout).not.toContain("git fetch --unshallow");
    expect(human.stdout).toContain("w1d1/tutorial1 [ja], against the en source");
  });

  it("marks several sections at once", async () => {
    const r = await runHere("i18n-mark", ["ja", "w1d1/tutorial1", "section-2-1", "section-3", "--root", dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("marked 2 section(s)");
    expect(notCurrent(await status())).toEqual([]);
  });

  it("refuses unknown sections and marks none of the others", async () => {
    edit(dir, EN, "Is this ten-second interval typical", "Is this short interval typical");
    const r = await runHere("i18n-mark", ["ja", "w1d1/tutorial1", "section-2-1", "section-98", "section-99", "--root", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no section "section-98", "section-99"');
    expect(notCurrent(await status())).toEqual(["section-2-1:stale"]);
    const again = await runHere("i18n-mark", ["--locale", "ja", "w1d1/tutorial1", "section-2-1", "--root", dir]);
    expect(again.code, again.stderr).toBe(0);
  });

  it("does not call a re-wrapped paragraph stale", async () => {
    const text = readFileSync(join(dir, EN), "utf8");
    const long = text.split("\n").find((l) => l.startsWith("Is this short interval typical"))!;
    const words = long.split(" ");
    edit(dir, EN, long, `${words.slice(0, 4).join(" ")}\n${words.slice(4).join(" ")}`);
    expect(notCurrent(await status())).toEqual([]);
  });

  it("reports a deleted translated section as missing: a warning, its text comes from the source", async () => {
    const text = readFileSync(join(dir, JA), "utf8");
    const start = text.indexOf("### 考えよう！5");
    const end = text.indexOf("## まとめ");
    writeFileSync(join(dir, JA), text.slice(0, start) + text.slice(end));
    const rows = await status();
    expect(notCurrent(rows)).toEqual(["think-5:missing"]);
    const c = await check();
    expect(c.code).toBe(0);
    expect(c.stdout).toContain(`warning: ${JA}: section "think-5" is missing: readers get the en text`);
    writeFileSync(join(dir, JA), text);
  });

  it("treats a copied, unmarked chapter as untranslated, not stale (a new locale)", async () => {
    mkdirSync(join(dir, "content/ko/w1d1/tutorial1"), { recursive: true });
    cpSync(join(dir, EN), join(dir, "content/ko/w1d1/tutorial1/index.mdx"));
    cpSync(join(dir, "src/translation/ui/en.json"), join(dir, "src/translation/ui/ko.json"));
    try {
      const rows = (await status()).filter((r) => r.locale === "ko");
      expect(new Set(rows.map((r) => r.status))).toEqual(new Set(["untranslated"]));
      const c = await runHere("i18n-check", ["--root", dir, "--locale", "ko"]);
      expect(c.stdout).toContain("17 section(s) with no translation recorded");
      // Every UI value left as the source's is reported (none listed as intentional for ko).
      expect(c.stdout).toMatch(/warning: src\/translation\/ui\/ko\.json: \d+ string\(s\) identical to the en text/);
      expect(c.stdout).not.toContain("content/ja/");
    } finally {
      rmSync(join(dir, "content/ko"), { recursive: true });
      rmSync(join(dir, "src/translation/ui/ko.json"));
    }
  });

  it("fails when a cell's props differ in the translation, naming the file and line", async () => {
    const text = readFileSync(join(dir, JA), "utf8");
    const line = text.split("\n").findIndex((l) => l.startsWith('<Cell id="raster-three">')) + 1;
    edit(dir, JA, '<Cell id="raster-three">', '<Cell id="raster-3">');
    const c = await check();
    expect(c.code).toBe(1);
    expect(c.stdout).toContain(`error: ${JA}:${line}: <Cell id="raster-3"> differs from the source's <Cell id="raster-three">`);
    // Such a section is not marked current: nothing is, and the reason is given with its line.
    const before = readFileSync(join(dir, "content/ja/w1d1/tutorial1/translation.json"), "utf8");
    const mark = await runHere("i18n-mark", ["ja", "w1d1/tutorial1", "--all", "--root", dir]);
    expect(mark.code).toBe(1);
    expect(mark.stderr).toContain("nothing marked: the sections to mark fail their checks");
    expect(mark.stderr).toContain(`${JA}:${line}: <Cell id="raster-3"> differs`);
    expect(readFileSync(join(dir, "content/ja/w1d1/tutorial1/translation.json"), "utf8")).toBe(before);
    writeFileSync(join(dir, JA), text);
  });

  it("reports a section id used twice in the source on one line, naming file, line and what to do", async () => {
    const text = readFileSync(join(dir, EN), "utf8");
    edit(dir, EN, "## Setup \\{#setup\\}", "## Setup \\{#tutorial-objectives\\}");
    const c = await check();
    expect(c.code).toBe(1);
    const lines = c.stdout.split("\n").filter((l) => l.startsWith(`error: ${EN}:`));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/:\d+: section id "tutorial-objectives" is already used at line \d+; give each section an id of its own$/);
    writeFileSync(join(dir, EN), text);
  });

  it("fails on a missing UI string, naming the file and key", async () => {
    const file = join(dir, "src/translation/ui/ja.json");
    const text = readFileSync(file, "utf8");
    const strings = JSON.parse(text) as Record<string, string>;
    delete strings["video.play"];
    writeFileSync(file, JSON.stringify(strings));
    const c = await check();
    expect(c.code).toBe(1);
    expect(c.stdout).toContain('error: src/translation/ui/ja.json: "video.play": missing UI string');
    writeFileSync(file, text);
  });

  it("fails on a link to an id the chapter does not have", async () => {
    const text = readFileSync(join(dir, JA), "utf8");
    edit(dir, JA, "しましょう：", "しましょう（[下の図](#cell-raster-nowhere)）：");
    const c = await check();
    expect(c.code).toBe(1);
    expect(c.stdout).toContain("link to #cell-raster-nowhere");
    writeFileSync(join(dir, JA), text);
  });

  it("warns when a translation drops a glossary term the source uses", async () => {
    const text = readFileSync(join(dir, JA), "utf8");
    edit(dir, JA, /不応期/g, "休止期");
    const c = await check();
    expect(c.stdout).toMatch(/warning: .*section "section-3" uses "refractory period" 1× in en, but the agreed ja term "不応期" 0×/);
    writeFileSync(join(dir, JA), text);
  });

  it("fails on code or a formula changed only in the translation, and sync brings them back", async () => {
    const text = readFileSync(join(dir, JA), "utf8");
    const lines = text.split("\n");
    // The line that differs (not the block's opening fence or $$), and only that line is shown.
    const lineOf = (inside: string) => lines.findIndex((l) => l.includes(inside)) + 1;
    const code = lineOf("neuron_idx=283");
    const formula = lineOf("(x - x_0)");
    edit(dir, JA, "neuron_idx=283", "neuron_idx=999");
    edit(dir, JA, "(x - x_0)", "(x + x_0)");
    const c = await check();
    expect(c.code).toBe(1);
    expect(c.stdout).toContain(`error: ${JA}:${code}: code block differs from the source's at its line`);
    expect(c.stdout).toContain(`error: ${JA}:${formula}: formula differs from the source's at its line`);
    const codeMessage = c.stdout.split("\n").find((l) => l.includes(`${JA}:${code}:`))!;
    expect(codeMessage).toContain("neuron_idx=999");
    expect(codeMessage.length).toBeLessThan(400);
    const dry = await runHere("i18n-sync", ["ja", "w1d1/tutorial1", "--dry-run", "--root", dir]);
    expect(dry.stdout).toContain("1 file(s) would change");
    expect(readFileSync(join(dir, JA), "utf8")).toContain("neuron_idx=999");
    const sync = await runHere("i18n-sync", ["ja", "w1d1/tutorial1", "--root", dir]);
    expect(sync.code, sync.stderr).toBe(0);
    expect(readFileSync(join(dir, JA), "utf8")).toBe(text);
    expect((await check()).code).toBe(0);
  });

  it("checks a chapter's own glossary (chapters/<chapter>/glossary.yaml) beside the course's", async () => {
    const text = readFileSync(join(dir, JA), "utf8");
    const line = text.split("\n").findIndex((l) => l.includes("単一ニューロンの「インタースパイク間隔」")) + 1;
    edit(dir, JA, "単一ニューロンの「インタースパイク間隔」", "単一神経細胞の「インタースパイク間隔」");
    expect((await check()).code).toBe(0);
    mkdirSync(join(dir, "chapters/w1d1/tutorial1"), { recursive: true });
    writeFileSync(
      join(dir, "chapters/w1d1/tutorial1/glossary.yaml"),
      "- id: neuron\n  en: neuron\n  ja: ニューロン\n  variants:\n    en: [neurons]\n  forbidden:\n    ja: [神経細胞]\n",
    );
    const c = await check();
    expect(c.code).toBe(1);
    expect(c.stdout).toContain(`error: ${JA}:${line}: "神経細胞" is not used for "neuron": write "ニューロン" (glossary: neuron)`);
    writeFileSync(join(dir, "chapters/w1d1/tutorial1/glossary.yaml"), "- id: neuron\n  en: [not a string]\n");
    expect((await check()).stdout).toMatch(/error: chapters\/w1d1\/tutorial1\/glossary\.yaml: entry 1: /);
    rmSync(join(dir, "chapters"), { recursive: true, force: true });
    writeFileSync(join(dir, JA), text);
  });

  it("fails on a forbidden rendering of a term, which a marker around it silences", async () => {
    const text = readFileSync(join(dir, JA), "utf8");
    const line = text.split("\n").findIndex((l) => l.includes("これは「ヒストグラム」として知られています")) + 1;
    edit(dir, JA, "これは「ヒストグラム」として知られています", "これは「ヒストグラム」（度数分布図）として知られています");
    const c = await check();
    expect(c.code).toBe(1);
    expect(c.stdout).toContain(`error: ${JA}:${line}: "度数分布図" is not used for "histogram": write "ヒストグラム"`);
    edit(dir, JA, "（度数分布図）", '（<span data-i18n-ignore="glossary:histogram">度数分布図</span>）');
    expect((await check()).code).toBe(0);
    writeFileSync(join(dir, JA), text);
  });

  it("in zh-Hant-TW too: a one-sentence source change makes only its own unit stale, with the older source for Poedit", async () => {
    const ZH = "content/zh-Hant-TW/w1d1/tutorial1/index.mdx";
    writeFileSync(join(dir, "src/translation/ui/zh-Hant-TW.json"), readFileSync(join(dir, "src/translation/ui/en.json")));
    mkdirSync(join(dir, "content/zh-Hant-TW/w1d1/tutorial1"), { recursive: true });
    writeFileSync(join(dir, ZH), readFileSync(join(dir, EN), "utf8").replace("## Summary \\{#summary\\}", "## 總結 \\{#summary\\}"));
    const mark = await runHere("i18n-mark", ["--root", dir, "zh_Hant_TW", "w1d1/tutorial1", "summary"]);
    expect(mark.code, mark.stderr).toBe(0);
    commitAll(dir, "zh-Hant-TW summary");
    edit(dir, EN, "the next two tutorials concentrate on exactly that.", "the next two tutorials are about exactly that.");
    const r = await runHere("i18n-export", [
      "--root",
      dir,
      "--locale",
      "zh-Hant-TW",
      "--chapter",
      "w1d1/tutorial1",
      "--format",
      "po",
      "--no-memory",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const summary = r.stdout.split("\n\n").filter((e) => e.includes('msgctxt "w1d1/tutorial1#summary.'));
    const fuzzy = summary.filter((e) => e.includes("#, fuzzy"));
    expect(fuzzy).toHaveLength(1);
    expect(fuzzy[0]).toMatch(/^#\| msgid "[^"]*concentrate on exactly that\."$/m);
    expect(summary.find((e) => e.includes('msgctxt "w1d1/tutorial1#summary.1"'))).toContain('msgstr "總結"');
    rmSync(join(dir, "content/zh-Hant-TW"), { recursive: true, force: true });
    rmSync(join(dir, "src/translation/ui/zh-Hant-TW.json"));
  });
});
