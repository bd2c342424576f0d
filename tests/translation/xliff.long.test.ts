import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DOMParser } from "linkedom";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { copyProject, edit, snapshotFiles } from "../helpers/project.ts";
import { runHere } from "../helpers/commands.ts";

// XLIFF 2.0 exchange with translation tools, on a copy of the content (restored before each test).
const EN = "content/en/w1d1/tutorial1/index.mdx";
const JA = "content/ja/w1d1/tutorial1/index.mdx";
const PROVENANCE = "content/ja/w1d1/tutorial1/translation.json";
let dir: string;
let pristine: Map<string, string>;

const snapshot = () => snapshotFiles(dir);
const texts = new Map<string, string>();
const exportXliff = async (...args: string[]) => {
  const r = await runHere("i18n-export", ["--root", dir, ...args]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
};
const importXliff = async (xliff: string, ...args: string[]) => {
  const file = join(dir, "work.xlf");
  writeFileSync(file, xliff);
  return runHere("i18n-import", [file, "--root", dir, ...args]);
};
/** A unit's element text in an XLIFF file, replaced. */
function setTarget(xliff: string, unit: string, target: string): string {
  const start = xliff.indexOf(`<unit id="${unit}"`);
  const end = xliff.indexOf("</unit>", start);
  const body = xliff.slice(start, end);
  const next = body.includes("<target")
    ? body.replace(/<target xml:space="preserve">[\s\S]*?<\/target>/, `<target xml:space="preserve">${target}</target>`)
    : body.replace("</source>", `</source>\n    <target xml:space="preserve">${target}</target>`);
  return xliff.slice(0, start) + next + xliff.slice(end);
}

beforeAll(() => {
  dir = copyProject(["content", "src/translation/ui"]);
  for (const f of [EN, JA, PROVENANCE]) texts.set(f, readFileSync(join(dir, f), "utf8"));
  pristine = snapshot();
});
beforeEach(() => {
  for (const [f, t] of texts) writeFileSync(join(dir, f), t);
  rmSync(join(dir, "content/ko"), { recursive: true, force: true });
  rmSync(join(dir, "src/translation/ui/ko.json"), { force: true });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("XLIFF 2.0 export", () => {
  it("writes a unit per heading, paragraph and prose prop, code and maths as placeholders, sections and states as metadata", async () => {
    const xliff = await exportXliff("--locale", "ja", "--chapter", "w1d1/tutorial1", "--format", "xliff");
    const doc = new DOMParser().parseFromString(xliff, "text/xml") as unknown as Document;
    const root = doc.documentElement;
    expect([root.nodeName, root.getAttribute("xmlns"), root.getAttribute("version")]).toEqual([
      "xliff",
      "urn:oasis:names:tc:xliff:document:2.0",
      "2.0",
    ]);
    expect([root.getAttribute("srcLang"), root.getAttribute("trgLang")]).toEqual(["en", "ja"]);
    const units = [...doc.querySelectorAll("unit")];
    // 120 before the hidden code cells gained a reader's summary beside the notebook's label (three).
    expect(units.length).toBe(123);
    expect(units.some((u) => u.querySelector("source")!.textContent === "Helper function restrict_spike_times")).toBe(true);
    const ids = units.map((u) => u.getAttribute("id"));
    expect(new Set(ids).size).toBe(ids.length);
    // A paragraph with inline code: the code is a placeholder in source and target, its text in originalData.
    const unit = units.find((u) => u.querySelector("source")!.textContent.startsWith("More precisely"))!;
    const ph = unit.querySelector("source ph")!;
    const data = [...unit.getElementsByTagName("data")].find((d) => d.getAttribute("id") === ph.getAttribute("dataRef"))!;
    expect(data.textContent).toBe("`spike_times`");
    expect(unit.querySelector("target ph")!.getAttribute("dataRef")).toBe(ph.getAttribute("dataRef"));
    expect(unit.querySelector("source")!.textContent).not.toContain("spike_times");
    // No code block or display formula is a unit; a video's title is.
    expect(xliff).not.toContain("def compute_single_neuron_isis");
    expect(xliff).not.toContain("\\mathrm{exponential}");
    expect(units.some((u) => u.getAttribute("name") === "prop:Video.title")).toBe(true);
    // Section and state as metadata; current sections are final.
    const meta = [...unit.getElementsByTagName("mda:meta")].map((m) => [m.getAttribute("type"), m.textContent]);
    expect(meta).toEqual([
      ["section", "section-1"],
      ["state", "current"],
      // The project's translation when exported: an import checks it is still the project's.
      ["target-at-export", expect.stringMatching(/^[0-9a-f]{12}$/) as unknown],
    ]);
    expect(unit.querySelector("segment")!.getAttribute("state")).toBe("final");
  });
});

describe("XLIFF 2.0 import", () => {
  it("changes nothing, byte for byte, when nothing was edited", async () => {
    const xliff = await exportXliff("--locale", "ja");
    const r = await importXliff(xliff);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("0 file(s) written");
    rmSync(join(dir, "work.xlf"));
    expect(snapshot()).toEqual(pristine);
  });

  it('reads language tags in any case, as BCP 47 says (a tool that writes trgLang="JA", --locale Ja)', async () => {
    const xliff = (await exportXliff("--locale", "ja")).replace('srcLang="en" trgLang="ja"', 'srcLang="EN" trgLang="JA"');
    const r = await importXliff(xliff, "--locale", "Ja");
    expect(r.code, r.stderr).toBe(0);
    rmSync(join(dir, "work.xlf"));
    expect(snapshot()).toEqual(pristine);
  });

  it("puts a translated unit into its paragraph, and marks a stale section current", async () => {
    edit(
      dir,
      EN,
      "Scientific questions grow out of the models we already have.",
      "Scientific questions grow out of models we already hold.",
    );
    const xliff = await exportXliff("--locale", "ja");
    const unit = xliff.slice(xliff.indexOf('<unit id="section-3.3"'), xliff.indexOf("</unit>", xliff.indexOf('<unit id="section-3.3"')));
    expect(unit).toContain('<mda:meta type="state">stale</mda:meta>');
    expect(unit).toContain('<segment id="s1" state="translated">');
    const r = await importXliff(setTarget(xliff, "section-3.3", "科学の問いは、すでに持っているモデルから生まれます。"));
    expect(r.code, r.stderr).toBe(0);
    const before = texts.get(JA)!.split("\n");
    const after = readFileSync(join(dir, JA), "utf8").split("\n");
    const line = before.findIndex((l) => l.startsWith("科学的な問いは既存のモデルに基づいています"));
    expect(after[line]).toBe("科学の問いは、すでに持っているモデルから生まれます。");
    expect(after.filter((l, i) => l !== before[i])).toEqual([after[line]]);
    const status = await runHere("i18n-status", ["--json", "--root", dir]);
    expect((JSON.parse(status.stdout) as { section: string; status: string }[]).find((s) => s.section === "section-3")!.status).toBe(
      "current",
    );
  });

  it("adds a section the translation lacks, in its place, from the source with the targets", async () => {
    const ja = texts.get(JA)!;
    writeFileSync(join(dir, JA), ja.slice(0, ja.indexOf("### 考えよう！5")) + ja.slice(ja.indexOf("## まとめ")));
    let xliff = await exportXliff("--locale", "ja");
    expect(xliff.slice(xliff.indexOf('<unit id="think-5.1"'))).toMatch(/^[\s\S]*?<mda:meta type="state">missing<\/mda:meta>/);
    xliff = setTarget(xliff, "think-5.1", "考えよう！5：モデルについて振り返る");
    const r = await importXliff(xliff);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(join(dir, JA), "utf8");
    expect(text.indexOf("### 考えよう！5：モデルについて振り返る \\{#think-5\\}")).toBeGreaterThan(text.indexOf("\\{#section-5\\}"));
    expect(text.indexOf("\\{#think-5\\}")).toBeLessThan(text.indexOf("\\{#summary\\}"));
    const check = await runHere("i18n-check", ["--root", dir, "--locale", "ja"]);
    expect(check.stdout).toContain("0 error(s)");
  });

  it("starts a new locale's file from the source with the imported units, a section partly translated recorded as partial", async () => {
    writeFileSync(join(dir, "src/translation/ui/ko.json"), readFileSync(join(dir, "src/translation/ui/en.json")));
    const xliff = await exportXliff("--locale", "ko");
    expect(xliff).not.toContain("<target");
    const r = await importXliff(setTarget(xliff, "summary.1", "요약"));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/partly translated \(the rest shown in en\): summary \(1 of \d+ units\)/);
    expect(readFileSync(join(dir, "content/ko/w1d1/tutorial1/index.mdx"), "utf8")).toContain("## 요약 \\{#summary\\}");
    const recorded = JSON.parse(readFileSync(join(dir, "content/ko/w1d1/tutorial1/translation.json"), "utf8")) as {
      sections: Record<string, string>;
      partial: Record<string, { source: string; units: number[] }>;
    };
    expect(recorded.sections).toEqual({});
    expect(recorded.partial.summary).toEqual({ source: expect.stringMatching(/^[0-9a-f]{12}$/) as unknown, units: [1] });
    // The next export gives that unit as translated and the section's others with no target.
    const again = await exportXliff("--locale", "ko");
    const unit = (id: string) =>
      again.slice(again.indexOf(`<unit id="${id}"`), again.indexOf("</unit>", again.indexOf(`<unit id="${id}"`)));
    expect(unit("summary.1")).toMatch(/<segment id="s1" state="final">[\s\S]*<target[^>]*>요약<\/target>/);
    expect(unit("summary.2")).not.toContain("<target");
  });

  it("refuses, by unit id, a target whose placeholders were altered; imports the rest", async () => {
    const xliff = await exportXliff("--locale", "ja");
    // The first unit whose target holds a placeholder.
    const start = xliff.lastIndexOf("<unit ", xliff.indexOf("<ph ", xliff.indexOf("<target")));
    const unit = xliff.slice(start, xliff.indexOf("</unit>", start));
    const id = /<unit id="([^"]+)"/.exec(unit)![1]!;
    expect(unit).toMatch(/<target[^>]*>[^\n]*<ph /);
    const dropped = unit.replace(/(<target[^>]*>[\s\S]*?)<ph [^>]*\/>/, "$1");
    const bad: [string, RegExp][] = [
      [xliff.replace(unit, dropped), /its placeholders differ from the source's/],
      [
        xliff.replace(
          unit,
          unit.replace(/<data id="d1" xml:space="preserve">[^<]*<\/data>/, '<data id="d1" xml:space="preserve">`rm -rf`</data>'),
        ),
        /placeholder 1's data was altered \("`rm -rf`"\)/,
      ],
      [
        xliff.replace(
          unit,
          unit.replace(/<target xml:space="preserve">/, '<target xml:space="preserve"><pc id="9" dataRefStart="d1" dataRefEnd="d1">x</pc>'),
        ),
        /code 9 is not one of the unit's codes|placeholder 9/,
      ],
    ];
    for (const [b, reason] of bad) {
      // Another unit translated in the same file still arrives.
      const r = await importXliff(setTarget(b, "summary.1", "まとめ（改）"));
      expect(r.code).toBe(1);
      const lines = r.stderr.trim().split("\n");
      expect(lines[0]).toContain(`work.xlf: unit "${id}" refused: `);
      expect(lines[0]).toMatch(reason);
      expect(lines.at(-1)).toBe("1 unit(s) refused (listed above): fix them in your tool and import the file again");
      expect(readFileSync(join(dir, JA), "utf8")).toContain("## まとめ（改）");
      writeFileSync(join(dir, JA), texts.get(JA)!);
      writeFileSync(join(dir, PROVENANCE), texts.get(PROVENANCE)!);
    }
    rmSync(join(dir, "work.xlf"));
    expect(snapshot()).toEqual(pristine);
  });

  it("skips, and lists, units whose source changed since the export; imports the others", async () => {
    const xliff = await exportXliff("--locale", "ja");
    edit(
      dir,
      EN,
      "Scientific questions grow out of the models we already have.",
      "Scientific questions grow out of models we already hold.",
    );
    const r = await importXliff(setTarget(setTarget(xliff, "section-3.3", "古い原文への訳"), "summary.1", "まとめ（改）"));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('work.xlf: unit "section-3.3" skipped: its source text changed since the export: export again');
    const ja = readFileSync(join(dir, JA), "utf8");
    expect(ja).toContain("## まとめ（改）");
    expect(ja).not.toContain("古い原文への訳");
  });

  it("refuses other versions, DTDs and files that are not ours, in one line, writing nothing", async () => {
    const xliff = await exportXliff("--locale", "ja");
    const cases: [string, RegExp][] = [
      [xliff.replace('version="2.0"', 'version="3.0"'), /not XLIFF 2\.0/],
      [`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>${xliff.slice(xliff.indexOf("<xliff"))}`, /DTD or entity declaration/],
      ["{}", /not an XLIFF file/],
      [xliff.replace('original="content/ja/', 'original="content/ja/../../'), /is not a chapter of ja/],
      [`${xliff.slice(0, xliff.indexOf("</xliff>"))}${"<a>".repeat(500_000)}</xliff>`, /nest more than 16 levels/],
    ];
    for (const [b, message] of cases) {
      const r = await importXliff(b);
      expect(r.code, b.slice(0, 80)).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/PATH=|HOME=/);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
    rmSync(join(dir, "work.xlf"));
    expect(snapshot()).toEqual(pristine);
  });

  it("writes what a translator typed as text: tags, braces, Markdown and CDATA stay characters, never code", async () => {
    const xliff = await exportXliff("--locale", "ja");
    const typed: [string, string][] = [
      ["&lt;script&gt;alert(1)&lt;/script&gt; {process.exit(1)} t &lt;5 s", "<script>alert(1)</script> {process.exit(1)} t <5 s"],
      [
        "&lt;Feedback id=&quot;x&quot; onClick=&quot;y&quot; /&gt; **no bold** ![x](../../../../proc/self/environ?raw)",
        '<Feedback id="x" onClick="y" /> **no bold** ![x](../../../../proc/self/environ?raw)',
      ],
      ["<![CDATA[<script>alert(1)</script> # not a heading]]>", "<script>alert(1)</script> # not a heading"],
    ];
    for (const [target, shown] of typed) {
      const r = await importXliff(setTarget(xliff, "section-3.3", target));
      expect(r.code, r.stderr).toBe(0);
      const written = readFileSync(join(dir, JA), "utf8");
      // Read back as a translator's tool reads it, the paragraph is exactly what was typed.
      const back = await exportXliff("--locale", "ja");
      const unit = back.slice(back.indexOf('<unit id="section-3.3"'), back.indexOf("</unit>", back.indexOf('<unit id="section-3.3"')));
      const doc = new DOMParser().parseFromString(`<x>${unit}</x>`, "text/xml") as unknown as Document;
      expect(doc.querySelector("target")!.textContent).toBe(shown);
      // One line changed, and it starts as text: no tag, image or heading.
      const before = texts.get(JA)!.split("\n");
      const changed = written.split("\n").filter((l, i) => l !== before[i]);
      expect(changed).toHaveLength(1);
      expect(changed[0]).not.toMatch(/^(<|!\[|#|\{)/);
      const check = await runHere("i18n-check", ["--root", dir, "--locale", "ja"]);
      expect(check.stdout).toContain("0 error(s)");
      writeFileSync(join(dir, JA), texts.get(JA)!);
      writeFileSync(join(dir, PROVENANCE), texts.get(PROVENANCE)!);
    }
  });

  it("refuses by unit a target that would add a paragraph, list or heading", async () => {
    const xliff = await exportXliff("--locale", "ja");
    for (const target of ["Texto\n\n# Título", "Texto\n\n- uno\n- dos", "Texto\n   \nmás"]) {
      const r = await importXliff(setTarget(xliff, "section-3.3", target));
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('work.xlf: unit "section-3.3" refused: its target has an empty line, which would start a new paragraph');
    }
    const heading = await importXliff(setTarget(xliff, "summary.1", "Resumo\nsegunda linha"));
    expect(heading.stderr).toContain('work.xlf: unit "summary.1" refused: a heading\'s target must be one line');
    rmSync(join(dir, "work.xlf"));
    expect(snapshot()).toEqual(pristine);
  });
});
