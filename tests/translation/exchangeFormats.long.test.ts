import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { copyProject, snapshotFiles } from "../helpers/project.ts";
import { runHere } from "../helpers/commands.ts";

// The exchange formats translators' tools read: PO (gettext) and XLIFF 1.2 beside XLIFF 2.0,
// read by Debian's translate-toolkit and gettext, round trips through them, a third language
// grown section by section through each format, and the translation memory.
const JA = "content/ja/w1d1/tutorial1/index.mdx";
let dir: string;
let pristine: Map<string, string>;
const saved = new Map<string, string>();

const snapshot = () => snapshotFiles(dir);

const exportAs = async (format: string, ...args: string[]) => {
  const r = await runHere("i18n-export", ["--root", dir, "--format", format, ...args]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
};
const importFile = (file: string, ...args: string[]) => runHere("i18n-import", [file, "--root", dir, ...args]);
const write = (name: string, text: string) => {
  const file = join(dir, "work", name);
  writeFileSync(file, text);
  return file;
};
const tool = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  expect(r.status, `${cmd} ${args.join(" ")}: ${r.stderr}`).toBe(0);
  return r;
};
/** pocount's count of a file's units (translated + fuzzy + untranslated), as the toolkit reads it. */
function pocount(file: string): { total: number; translated: number; fuzzy: number } {
  const out = tool("pocount", ["--csv", file]).stdout.trim().split("\n");
  const header = out[0]!.split(",").map((s) => s.trim());
  const row = out
    .at(-1)!
    .split(",")
    .map((s) => s.trim());
  const at = (name: string) => Number(row[header.indexOf(name)]);
  return { total: at("Total Message"), translated: at("Translated Messages"), fuzzy: at("Fuzzy Messages") };
}
const states = async (locale: string) => {
  const r = await runHere("i18n-status", ["--json", "--root", dir, "--locale", locale]);
  expect(r.code, r.stderr).toBe(0);
  return new Map((JSON.parse(r.stdout) as { section: string; status: string }[]).map((s) => [s.section, s.status]));
};
const entries = (po: string) => po.split("\n\n").filter((e) => e.includes("msgctxt "));

beforeAll(() => {
  dir = copyProject(["content", "src/translation/ui", "chapters", "datasets"]);
  mkdirSync(join(dir, "work"));
  for (const f of readdirSync(join(dir, "content"), { recursive: true, encoding: "utf8" }))
    if (f.endsWith(".mdx") || f.endsWith(".json") || f.endsWith(".yaml"))
      saved.set(join("content", f), readFileSync(join(dir, "content", f), "utf8"));
  pristine = snapshot();
});
beforeEach(() => {
  for (const [f, t] of saved) writeFileSync(join(dir, f), t);
  for (const extra of ["content/pt-BR", "content/zh-Hant-TW", "content/en/w1d1/tutorial1b", "content/ja/w1d1/tutorial1b"])
    rmSync(join(dir, extra), { recursive: true, force: true });
  rmSync(join(dir, "src/translation/ui/pt-BR.json"), { force: true });
  rmSync(join(dir, "src/translation/ui/zh-Hant-TW.json"), { force: true });
  rmSync(join(dir, "chapters/w1d1/tutorial1/strings/zh-Hant-TW.json"), { force: true });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("PO and XLIFF 1.2, read by gettext and translate-toolkit", () => {
  it("writes a PO file msgfmt accepts and pocount reads in full, text as a reader sees it, codes as numbered tags", async () => {
    const po = await exportAs("po", "--locale", "ja");
    const file = write("ja.po", po);
    const check = tool("msgfmt", ["--check", "-o", "/dev/null", file]);
    expect(check.stderr).toBe("");
    const units = entries(po);
    expect(units.length).toBeGreaterThan(0);
    expect(pocount(file)).toMatchObject({ total: units.length });
    // Every entry names its chapter and unit; section and state are notes for the translator.
    for (const e of units) {
      // (Whatever chapters the course has: a chapter added by files changes nothing here.)
      expect(e).toMatch(/^msgctxt "[\w./-]+#[\w-]+\.\d+"$/m);
      expect(e).toMatch(/^#\. section [\w-]+ \((current|stale|partial|untranslated|missing)\); /m);
    }
    // No Markdown or YAML escapes reach the translator (Tutorial 1's title has quotes; its exercises bold words).
    const title = units.find((e) => e.includes('msgctxt "w1d1/tutorial1#_meta.1"'))!;
    expect(title).toContain('msgid "Tutorial 1: \\"What\\" models"');
    expect(po).not.toMatch(/msgid "[^\n]*\*\*/);
    expect(po).not.toMatch(/msgid "[^\n]*\\\\[{}<>*_[\]]/);
    // Code is a numbered placeholder, explained in a note; bold words are wrapped by a numbered pair.
    const code = units.find((e) => e.includes('msgctxt "w1d1/tutorial1#section-1.4"'))!;
    expect(code).toMatch(/^msgid ".*into the variable <1\/>\."$/m);
    expect(code).toContain("#. <1/> = `spike_times`");
    expect(po).toMatch(/msgid "[^\n]*<(\d+)>[^<\n]+<\/\1>/);
  });

  it("writes XLIFF 1.2 that pocount reads unit for unit, states and notes as the toolkit expects", async () => {
    // Tutorial 1, translated whole into Japanese: every unit is translated (other chapters may not be).
    const xlf = await exportAs("xliff12", "--locale", "ja", "--chapter", "w1d1/tutorial1");
    const file = write("ja12.xlf", xlf);
    const units = xlf.match(/<trans-unit /g)!.length;
    expect(pocount(file)).toMatchObject({ total: units, translated: units });
    expect(xlf).toContain('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">');
    expect(xlf).toMatch(/<x id="1" ctype="x-code" equiv-text="`spike_times`"\/>/);
    expect(xlf).toMatch(/<g id="\d+" ctype="(bold|italic|link)">/);
    // xliff2po converts every unit.
    const converted = join(dir, "work/from12.po");
    tool("xliff2po", [file, converted]);
    expect(pocount(converted).total).toBe(units);
  });

  it("changes no byte on a round trip through each format and through the tools' conversions", async () => {
    const po = write("ja.po", await exportAs("po", "--locale", "ja"));
    const xlf12 = write("ja12.xlf", await exportAs("xliff12", "--locale", "ja"));
    const xlf20 = write("ja20.xlf", await exportAs("xliff", "--locale", "ja"));
    const msgcat = join(dir, "work/msgcat.po");
    tool("msgcat", ["--width=40", "-o", msgcat, po]);
    const poXliff = join(dir, "work/po2xliff.xlf");
    tool("po2xliff", [po, poXliff]);
    const xliffPo = join(dir, "work/xliff2po.po");
    tool("xliff2po", [xlf12, xliffPo]);
    for (const file of [po, xlf12, xlf20, msgcat, poXliff, xliffPo]) {
      const r = await importFile(file, "--locale", "ja");
      expect(r.code, `${file}: ${r.stderr}`).toBe(0);
      expect(r.stdout, file).toContain("0 file(s) written");
    }
    // xliff2po drops inline codes: those units are skipped, said so, never written without their code.
    const r = await importFile(xliffPo, "--locale", "ja");
    expect(r.stderr).toMatch(
      /unit "section-1\.4" skipped: its placeholders are missing from its source \(a converter such as xliff2po drops them\)/,
    );
    rmSync(join(dir, "work"), { recursive: true, force: true });
    mkdirSync(join(dir, "work"));
    expect(snapshot()).toEqual(pristine);
  });

  it("imports a PO entry edited in a tool, leaves fuzzy and empty ones as they are, escapes what was typed", async () => {
    const po = await exportAs("po", "--locale", "ja");
    const edited = po.replace(/(msgctxt "w1d1\/tutorial1#summary\.1"\nmsgid "[^"]*"\nmsgstr )"[^"]*"/, '$1"まとめ {とても} <大事>"');
    expect(edited).not.toBe(po);
    const r = await importFile(write("ja.po", edited));
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(join(dir, JA), "utf8");
    expect(text).toContain("## まとめ \\{とても} \\<大事> \\{#summary\\}");
    const check = await runHere("i18n-check", ["--root", dir, "--locale", "ja"]);
    expect(check.stdout).toContain("0 error(s)");
  });
});

describe("an older file never undoes newer work", () => {
  it("skips a unit whose translation changed in the project since the export, showing both texts, unless --force", async () => {
    for (const format of ["xliff", "xliff12", "po"]) {
      writeFileSync(join(dir, JA), saved.get(JA)!);
      const file = write(`old.${format}`, await exportAs(format, "--locale", "ja"));
      // Newer work, made in the MDX after the export.
      writeFileSync(join(dir, JA), saved.get(JA)!.replace("## まとめ \\{#summary\\}", "## まとめと展望 \\{#summary\\}"));
      const r = await importFile(file);
      expect(r.code, `${format}: ${r.stderr}`).toBe(0);
      expect(r.stderr, format).toContain(
        'unit "summary.1" skipped: its translation in the project changed since the export (the project\'s: "まとめと展望"; the file\'s: "まとめ")',
      );
      expect(readFileSync(join(dir, JA), "utf8"), format).toContain("## まとめと展望 \\{#summary\\}");
      const forced = await importFile(file, "--force");
      expect(forced.code, forced.stderr).toBe(0);
      expect(readFileSync(join(dir, JA), "utf8"), format).toContain("## まとめ \\{#summary\\}");
    }
  });

  it("in a locale with a script and a region (zh-Hant-TW): a translator's PO from before a colleague's edit is held back", async () => {
    const ZH = "content/zh-Hant-TW/w1d1/tutorial1/index.mdx";
    writeFileSync(join(dir, "src/translation/ui/zh-Hant-TW.json"), readFileSync(join(dir, "src/translation/ui/en.json")));
    // A first translation of the summary's heading, imported.
    const first = setMsgstr(await exportAs("po", "--locale", "zh-Hant-TW"), "w1d1/tutorial1#summary.1", "總結");
    expect((await importFile(write("zh-first.po", first))).code).toBe(0);
    // The translator exports; a colleague then rewords the heading in the MDX.
    const old = await exportAs("po", "--locale", "zh-Hant-TW");
    writeFileSync(join(dir, ZH), readFileSync(join(dir, ZH), "utf8").replace("## 總結 \\{#summary\\}", "## 總結與展望 \\{#summary\\}"));
    // The translator's file, with their own unchanged "總結", comes back: the colleague's wording stays.
    const r = await importFile(write("zh-old.po", old));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'unit "summary.1" skipped: its translation in the project changed since the export (the project\'s: "總結與展望"; the file\'s: "總結")',
    );
    expect(readFileSync(join(dir, ZH), "utf8")).toContain("## 總結與展望 \\{#summary\\}");
  });
});

describe("the site's, chapters' and datasets' strings in the exchange (--strings)", () => {
  it("exports every layer's keys, imports translated strings through each format, and refuses a broken message by unit", async () => {
    writeFileSync(join(dir, "src/translation/ui/zh-Hant-TW.json"), readFileSync(join(dir, "src/translation/ui/en.json")));
    const po = await exportAs("po", "--locale", "zh-Hant-TW", "--strings");
    const file = write("strings.po", po);
    expect(tool("msgfmt", ["--check", "-o", "/dev/null", file]).stderr).toBe("");
    // Every layer: the site's, Tutorial 1's and the dataset's strings.
    for (const layer of ["src/translation/ui", "chapters/w1d1/tutorial1/strings", "datasets/steinmetz-w1d1/strings"])
      expect(po).toContain(`msgctxt "${layer}#@`);
    // The site's strings are still the English: nothing counts as translated yet.
    expect(pocount(file).translated).toBe(0);
    let edited = setMsgstr(po, "src/translation/ui#@nav.contents", "目錄");
    // A plural string is gettext's plural entry, with the language's forms (Chinese has one).
    expect(po).toContain('"Plural-Forms: nplurals=1; plural=0;\\n"');
    const results = entries(po).find((e) => e.includes('msgctxt "src/translation/ui#@search.results"'))!;
    expect(results).toMatch(/^msgid "# section matches"\nmsgid_plural "# sections match"\nmsgstr\[0\] ""$/m);
    edited = edited.replace(results, results.replace('msgstr[0] ""', 'msgstr[0] "# 個章節相符"'));
    edited = setMsgstr(edited, "chapters/w1d1/tutorial1/strings#@control.bins", "分組數");
    // The course's identity too: its title, tagline and licence line.
    expect(po).toContain('msgctxt "src/translation/course#@title"');
    edited = setMsgstr(edited, "src/translation/course#@title", "計算神經科學：可探索的教科書");
    // The glossary's terms come in the same file: a term's agreed rendering in the new language.
    expect(po).toContain('msgctxt "content/glossary#@spike"');
    edited = setMsgstr(edited, "content/glossary#@spike", "尖峰");
    // A plural that loses its number, and a placeholder renamed: refused, by unit.
    edited = setMsgstr(edited, "src/translation/ui#@status.actionDone", "{action}：{count, plural, other {控制項已改變}}。");
    const r = await importFile(write("strings-done.po", edited));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unit "@status.actionDone" refused: the plural {count} shows no number in its form(s) other');
    const ui = JSON.parse(readFileSync(join(dir, "src/translation/ui/zh-Hant-TW.json"), "utf8")) as Record<string, string>;
    expect(ui["nav.contents"]).toBe("目錄");
    expect(ui["search.results"]).toBe("{count, plural, other {# 個章節相符}}");
    expect(ui["status.actionDone"]).toContain("{count, plural");
    const chapter = JSON.parse(readFileSync(join(dir, "chapters/w1d1/tutorial1/strings/zh-Hant-TW.json"), "utf8")) as Record<
      string,
      string
    >;
    expect(chapter).toEqual({ "control.bins": "分組數" });
    expect(JSON.parse(readFileSync(join(dir, "src/translation/course/zh-Hant-TW.json"), "utf8"))).toEqual({
      title: "計算神經科學：可探索的教科書",
    });
    // The next export offers it as the locale's title.
    expect(await exportAs("po", "--locale", "zh-Hant-TW", "--strings")).toMatch(
      /msgctxt "src\/translation\/course#@title"\nmsgid "[^"]+"\nmsgstr "計算神經科學：可探索的教科書"/,
    );
    rmSync(join(dir, "src/translation/course"), { recursive: true });
    const glossary = readFileSync(join(dir, "content/glossary.yaml"), "utf8");
    expect(glossary).toMatch(/- id: spike\n {2}en: spike\n {2}ja: スパイク\n {2}zh-Hant-TW: 尖峰\n/);
    expect(glossary.startsWith("# Terms of the course")).toBe(true); // its comments kept
    writeFileSync(join(dir, "content/glossary.yaml"), saved.get("content/glossary.yaml")!);
    rmSync(join(dir, "chapters/w1d1/tutorial1/strings/zh-Hant-TW.json"));
    // The next export in XLIFF 1.2 and 2.0: the translated strings as targets, read by the toolkit; and back again.
    for (const format of ["xliff12", "xliff"]) {
      const xlf = await exportAs(format, "--locale", "zh-Hant-TW", "--strings");
      expect(xlf).toContain("目錄");
      const again = await importFile(write(`strings.${format}`, xlf.replace("目錄", "目次")));
      expect(again.code, again.stderr).toBe(0);
      expect(
        (JSON.parse(readFileSync(join(dir, "src/translation/ui/zh-Hant-TW.json"), "utf8")) as Record<string, string>)["nav.contents"],
      ).toBe("目次");
      writeFileSync(
        join(dir, "src/translation/ui/zh-Hant-TW.json"),
        readFileSync(join(dir, "src/translation/ui/zh-Hant-TW.json"), "utf8").replace("目次", "目錄"),
      );
    }
    expect(pocount(write("strings12.xlf", await exportAs("xliff12", "--locale", "zh-Hant-TW", "--strings"))).translated).toBe(2);
  });
});

describe("plural strings as gettext's plural entries", () => {
  it("number a language's forms as gettext does (checked against Python's gettext) and come back as an ICU plural", async () => {
    // Russian: three gettext forms (one, few, many), four CLDR categories (other for fractions).
    writeFileSync(join(dir, "src/translation/ui/ru.json"), readFileSync(join(dir, "src/translation/ui/en.json")));
    const po = await exportAs("po", "--locale", "ru", "--strings");
    const header = /"Plural-Forms: (nplurals=3; plural=[^"]*);\\n"/.exec(po)![1]!;
    const entry = entries(po).find((e) => e.includes('msgctxt "src/translation/ui#@search.results"'))!;
    expect(entry).toContain("msgstr[n] is the form for [0] one, [1] few, [2] many");
    const forms = ["найден # раздел", "найдено # раздела", "найдено # разделов"];
    const filled = entry.replace(/msgstr\[0\] ""\nmsgstr\[1\] ""\nmsgstr\[2\] ""/, forms.map((f, i) => `msgstr[${i}] "${f}"`).join("\n"));
    const file = write("ru-strings.po", po.replace(entry, filled));
    expect(tool("msgfmt", ["--check", "-o", "/dev/null", file]).stderr).toBe("");
    const r = await importFile(file);
    expect(r.code, r.stderr).toBe(0);
    const icu = (JSON.parse(readFileSync(join(dir, "src/translation/ui/ru.json"), "utf8")) as Record<string, string>)["search.results"]!;
    // For each count, the form gettext's own formula picks (Python's gettext reads the header) is the one the site shows.
    const counts = [0, 1, 2, 4, 5, 11, 21, 22, 25, 101, 111];
    const expr = header.replace(/^nplurals=3; plural=/, "");
    const picked = JSON.parse(
      tool("python3", [
        "-c",
        `import gettext, json; f = gettext.c2py(${JSON.stringify(expr)}); print(json.dumps([f(n) for n in ${JSON.stringify(counts)}]))`,
      ]).stdout,
    ) as number[];
    const { formatMessage } = await import("../../src/translation/strings/messageFormat.ts");
    for (const [i, n] of counts.entries())
      expect(formatMessage(icu, { count: n }, "ru"), `n = ${n}`).toBe(forms[picked[i]!]!.replace("#", String(n)));
    rmSync(join(dir, "src/translation/ui/ru.json"));
  });
});

/** A PO file with one entry's translation given as a translator's tool gives it (fuzzy flag cleared). */
const setMsgstr = (po: string, context: string, text: string) =>
  po
    .split("\n\n")
    .map((e) =>
      e.includes(`msgctxt "${context}"`)
        ? e.replace(/^#, fuzzy\n/m, "").replace(/\nmsgstr [\s\S]*$/, `\nmsgstr ${JSON.stringify(text)}`)
        : e,
    )
    .join("\n\n");

describe("a section translated in part, in a locale with a script and a region (zh-Hant-TW, named zh_TW as gettext does)", () => {
  it("counts only the units a translator gave: import, status, check and the next exports say so", async () => {
    writeFileSync(join(dir, "src/translation/ui/zh-Hant-TW.json"), readFileSync(join(dir, "src/translation/ui/en.json")));
    const exported = await runHere("i18n-export", ["--root", dir, "--format", "po", "--locale", "zh_TW"]);
    expect(exported.stderr).toContain('"zh_TW" is this course\'s zh-Hant-TW');
    let po = exported.stdout.replace(/"Language: [^"\\]*\\n"/, '"Language: zh_TW\\n"');
    expect(po).toContain('"Language: zh_TW\\n"');
    po = setMsgstr(po, "w1d1/tutorial1#section-1.1", "第一節：探索 Steinmetz 資料集");
    po = setMsgstr(po, "w1d1/tutorial1#section-1.2", "本教學要找出一個神經科學資料集是怎麼組成的。");
    // A tool's copy of the source is not a translation.
    const copied = entries(po).find((e) => e.includes('msgctxt "w1d1/tutorial1#section-1.3"'))!;
    po = setMsgstr(po, "w1d1/tutorial1#section-1.3", /^msgid "(.*)"$/m.exec(copied)?.[1] ?? "");
    const r = await importFile(write("zh.po", po), "--locale", "zh-Hant-TW");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('its language "zh_TW" is this course\'s zh-Hant-TW');
    expect(r.stdout).toMatch(/partly translated \(the rest shown in en\): section-1 \(2 of 6 units\)/);
    expect(r.stderr).toMatch(/"w1d1\/tutorial1#section-1\.3"|"section-1\.3"/);
    expect((await states("zh-Hant-TW")).get("section-1")).toBe("partial");
    const status = await runHere("i18n-status", ["--root", dir, "--locale", "zh-hant-tw"]);
    expect(status.stdout).toContain("2 of 6 units translated; to translate: section-1.3-6");
    const check = await runHere("i18n-check", ["--root", dir, "--locale", "zh-Hant-TW"]);
    expect(check.stdout).toMatch(
      /warning: content\/zh-Hant-TW\/w1d1\/tutorial1\/index\.mdx:\d+: section "section-1" is translated in part \(2 of 6 units\)/,
    );
    // The next PO export: the two units translated and final, the four others empty (never the English as their translation).
    const againPo = await exportAs("po", "--locale", "zh-Hant-TW", "--no-memory");
    const again = entries(againPo);
    const entry = (n: number) => again.find((e) => e.includes(`msgctxt "w1d1/tutorial1#section-1.${n}"`))!;
    expect(entry(2)).toContain('msgstr "本教學要找出一個神經科學資料集是怎麼組成的。"');
    expect(entry(2)).not.toContain("#, fuzzy");
    for (const n of [3, 4, 5, 6]) {
      expect(entry(n)).toMatch(/\nmsgstr ""$/);
      expect(entry(n)).not.toContain("#, fuzzy");
    }
    // XLIFF 1.2: final and approved for the translated units only.
    const xlf = await exportAs("xliff12", "--locale", "zh-Hant-TW", "--no-memory");
    const unit = (n: number) => {
      const at = xlf.indexOf(`id="w1d1/tutorial1#section-1.${n}"`);
      return xlf.slice(at, xlf.indexOf("</trans-unit>", at));
    };
    expect(unit(2)).toMatch(/approved="yes"[\s\S]*<target state="final">/);
    expect(unit(4)).not.toContain("<target");
    expect(unit(4)).not.toContain('approved="yes"');
    expect(tool("msgfmt", ["--check", "-o", "/dev/null", write("zh-again.po", againPo)]).stderr).toBe("");
    // With the memory: the Japanese translation of a unit is offered as a reference, in a note, never as the target.
    const withReferences = entries(await exportAs("po", "--locale", "zh-Hant-TW"));
    const third = withReferences.find((e) => e.includes('msgctxt "w1d1/tutorial1#section-1.3"'))!;
    const jaText = /^msgstr "(.*)"$/m.exec(
      entries(await exportAs("po", "--locale", "ja", "--no-memory")).find((e) => e.includes('msgctxt "w1d1/tutorial1#section-1.3"'))!,
    )![1]!;
    expect(third).toContain(`#. reference, ja: ${jaText.slice(0, 20)}`);
    expect(third).toMatch(/\nmsgstr ""$/);
    const xlf12 = await exportAs("xliff12", "--locale", "zh-Hant-TW");
    expect(xlf12).toMatch(/<alt-trans alttranstype="reference" origin="translation, ja"><source>[^]*?<\/source><target xml:lang="ja">/);
  });
});

describe("a third language with a region grows section by section, through PO, XLIFF 1.2 and XLIFF 2.0", () => {
  it("keeps every section's state true at each step", async () => {
    // Started as TRANSLATING.md says: the UI strings file; the chapter comes with the first import.
    writeFileSync(join(dir, "src/translation/ui/pt-BR.json"), readFileSync(join(dir, "src/translation/ui/en.json")));
    const before = await states("pt-BR");
    expect([...before.values()].every((s) => s === "untranslated")).toBe(true);

    // 1. PO, edited by a CAT-style script (translate-toolkit's own PO store): the summary section.
    const po = write("pt.po", await exportAs("po", "--locale", "pt-BR"));
    execFileSync("/usr/bin/python3", [
      "-c",
      `
import sys
from translate.storage import factory
store = factory.getobject(sys.argv[1])
for unit in store.units:
    if unit.isheader() or "#summary." not in unit.getcontext():
        continue
    unit.target = "[pt-BR] " + unit.source
    unit.markfuzzy(False)
store.save()
`,
      po,
    ]);
    let r = await importFile(po);
    expect(r.code, r.stderr).toBe(0);
    let now = await states("pt-BR");
    expect(now.get("summary")).toBe("current");
    // The file made by the import holds the source's other sections, not yet translated.
    expect([...now].filter(([s]) => s !== "summary").every(([, v]) => v === "untranslated")).toBe(true);
    expect(readFileSync(join(dir, "content/pt-BR/w1d1/tutorial1/index.mdx"), "utf8")).toContain("## \\[pt-BR] Summary \\{#summary\\}");

    // 2. XLIFF 1.2: a tool copies the source into the target, codes and all, for section-1, and approves it.
    let xlf = await exportAs("xliff12", "--locale", "pt-br");
    xlf = xlf.replace(
      /(<trans-unit id="w1d1\/tutorial1#section-1\.\d+"[^>]*)>\n {4}<source>([\s\S]*?)<\/source>/g,
      '$1 approved="yes">\n    <source>$2</source>\n    <target state="translated">[pt-BR] $2</target>',
    );
    r = await importFile(write("pt12.xlf", xlf));
    expect(r.code, r.stderr).toBe(0);
    now = await states("pt-BR");
    expect([now.get("summary"), now.get("section-1")]).toEqual(["current", "current"]);

    // 3. XLIFF 2.0: the same for section-2; an empty target elsewhere changes nothing.
    let x20 = await exportAs("xliff", "--locale", "pt-BR");
    x20 = x20.replace(
      /(<unit id="section-2\.\d+"[\s\S]*?<segment id="s1" state=")initial(">\n {4}<source xml:space="preserve">)([\s\S]*?)<\/source>/g,
      '$1final$2$3</source>\n    <target xml:space="preserve">[pt-BR] $3</target>',
    );
    x20 = x20.replace(/(<unit id="section-3\.1"[\s\S]*?<\/source>)/, '$1\n    <target xml:space="preserve"></target>');
    r = await importFile(write("pt20.xlf", x20));
    expect(r.code, r.stderr).toBe(0);
    now = await states("pt-BR");
    expect([now.get("summary"), now.get("section-1"), now.get("section-2"), now.get("section-3")]).toEqual([
      "current",
      "current",
      "current",
      "untranslated",
    ]);
    const check = await runHere("i18n-check", ["--root", dir, "--locale", "pt-BR"]);
    expect(check.stdout).toContain("0 error(s)");
  });
});

describe("translation memory", () => {
  /** A second chapter that repeats part of Tutorial 1 (as a course's notebooks repeat their setup), one sentence edited. */
  function similarChapter(): { exact: string; near: string } {
    const en = readFileSync(join(dir, "content/en/w1d1/tutorial1/index.mdx"), "utf8");
    const front = en.slice(0, en.indexOf("\n---", 4) + 4);
    const setup = en.slice(en.indexOf("## Setup"), en.indexOf("\n## ", en.indexOf("## Setup") + 3));
    const near =
      "Scientific questions grow out of the models we already have. So what do we already know that could point us towards questions about these data?";
    expect(en).toContain(near);
    const body = `${front}\n\n${setup}\n\n## More \\{#more\\}\n\n${near.replace("already have", "already hold")}\n`;
    mkdirSync(join(dir, "content/en/w1d1/tutorial1b"), { recursive: true });
    writeFileSync(join(dir, "content/en/w1d1/tutorial1b/index.mdx"), body);
    return { exact: setup.split("\n").find((l) => /^[A-Z]/.test(l))!, near };
  }

  it("offers exact and near matches from the course on export, in each format, and never imports an untouched suggestion", async () => {
    similarChapter();
    const po = await exportAs("po", "--locale", "ja", "--chapter", "w1d1/tutorial1b");
    const near = entries(po).find((e) => e.includes('msgctxt "w1d1/tutorial1b#more.2"'))!;
    expect(near).toMatch(/^#, fuzzy$/m);
    expect(near).toMatch(/^#\. memory: (9\d|8\d)% match, from w1d1\/tutorial1#section-3\.3$/m);
    expect(near).toMatch(/^msgstr "科学的な問い/m);
    const exact = entries(po).filter((e) => e.includes("#. memory: 100% match"));
    expect(exact.length).toBeGreaterThan(3);
    expect(entries(po).find((e) => e.includes('msgctxt "w1d1/tutorial1b#_meta.1"'))).toMatch(
      /#\. memory: 100% match, from w1d1\/tutorial1#_meta\.1/,
    );
    const x20 = await exportAs("xliff", "--locale", "ja", "--chapter", "w1d1/tutorial1b");
    expect(x20).toMatch(/<mtc:match ref="#s1" similarity="100" origin="w1d1\/tutorial1#setup\.\d+">/);
    const x12 = await exportAs("xliff12", "--locale", "ja", "--chapter", "w1d1/tutorial1b");
    expect(x12).toMatch(/<alt-trans match-quality="100%" origin="w1d1\/tutorial1#setup\.\d+">/);
    // msgfmt and the toolkit read the suggestions as fuzzy entries.
    const file = write("memory.po", po);
    expect(pocount(file).fuzzy).toBe(entries(po).filter((e) => /^#, fuzzy$/m.test(e)).length);
    // Imported untouched, no suggestion becomes a translation.
    const r = await importFile(file);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(dir, "content/ja/w1d1")).includes("tutorial1b")).toBe(false);
  });

  it("reports the memory's leverage on a chapter: i18n:memory", async () => {
    const { exact } = similarChapter();
    expect(exact.length).toBeGreaterThan(0);
    const r = await runHere("i18n-memory", ["--root", dir, "--locale", "ja", "--chapter", "w1d1/tutorial1b", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as {
      chapters: { chapter: string; todo: { units: number; exact: { units: number }; near: { units: number }; none: { units: number } } }[];
    };
    const todo = report.chapters[0]!.todo;
    expect(report.chapters[0]!.chapter).toBe("w1d1/tutorial1b");
    expect(todo.near.units).toBeGreaterThanOrEqual(1);
    expect(todo.exact.units).toBeGreaterThan(3);
    expect(todo.exact.units + todo.near.units + todo.none.units).toBe(todo.units);
    const text = await runHere("i18n-memory", ["--root", dir, "--locale", "ja"]);
    expect(text.stdout).toMatch(/^w1d1\/tutorial1b$/m);
  });
});
