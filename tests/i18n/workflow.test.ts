import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitAll, copyProject, edit } from "../helpers/project.ts";
import { runScript } from "../helpers/run.ts";

// The translators' tools on a temporary copy of the content (a git repository of its own).
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
}
const status = async (): Promise<Row[]> => {
  const r = await runScript("i18n-status.ts", ["--json", "--root", dir]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Row[];
};
const check = (root = dir) => runScript("i18n-check.ts", ["--root", root]);
const notCurrent = (rows: Row[]) => rows.filter((r) => r.status !== "current").map((r) => `${r.section}:${r.status}`);

beforeAll(() => {
  dir = copyProject(["content", "src/i18n"]);
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
    expect(r.stdout).toContain("0 error(s), 0 warning(s)");
  });

  it("reports exactly the edited source section as stale, with the source diff and where to edit", async () => {
    edit(dir, EN, "Is this interval typical of the whole recording?", "Is this ten-second interval typical of the whole recording?");
    const rows = await status();
    expect(notCurrent(rows)).toEqual(["section-2-1:stale"]);
    const stale = rows.find((r) => r.status === "stale")!;
    expect(stale.diff).toContain("-Is this interval typical of the whole recording?");
    expect(stale.diff).toContain("+Is this ten-second interval typical of the whole recording?");
    const ja = readFileSync(join(dir, JA), "utf8").split("\n");
    expect(ja[stale.line! - 1]).toContain("\\{#section-2-1\\}");
    const human = await runScript("i18n-status.ts", ["--root", dir, "--locale", "ja"]);
    expect(human.stdout).toMatch(new RegExp(`stale\\s+section-2-1\\s+${JA}:${stale.line}`));
    expect(human.stdout).toContain("+Is this ten-second interval typical of the whole recording?");
    const c = await check();
    expect(c.code).toBe(0); // stale is a warning, not an error
    expect(c.stdout).toContain(`warning: ${JA}:${stale.line}: section "section-2-1" is stale`);
  });

  it("ignores an edit that only changes whitespace", async () => {
    edit(dir, EN, "So what do our data look like? Let's find out…", "So what do our  data look like?   Let's find out…\n\n");
    expect(notCurrent(await status())).toEqual(["section-2-1:stale"]);
  });

  it("says when the old source text is unknown to git", async () => {
    const provenance = JSON.parse(readFileSync(join(dir, "content/ja/w1d1/tutorial1/translation.json"), "utf8")) as {
      sections: Record<string, string>;
    };
    provenance.sections["section-3"] = "0123456789ab";
    writeFileSync(join(dir, "content/ja/w1d1/tutorial1/translation.json"), JSON.stringify(provenance));
    const rows = await status();
    expect(rows.find((r) => r.section === "section-3")).toMatchObject({ status: "stale", diff: null });
    const human = await runScript("i18n-status.ts", ["--root", dir]);
    expect(human.stdout).toContain("its old text is unknown");
  });

  it("marks sections up to date", async () => {
    for (const section of ["section-2-1", "section-3"]) {
      const r = await runScript("i18n-mark.ts", ["ja", "w1d1/tutorial1", section, "--root", dir]);
      expect(r.code, r.stderr).toBe(0);
    }
    expect(notCurrent(await status())).toEqual([]);
  });

  it("refuses to mark a section that does not exist", async () => {
    const r = await runScript("i18n-mark.ts", ["ja", "w1d1/tutorial1", "section-99", "--root", dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no section "section-99"');
  });

  it("reports a deleted translated section as missing, and the check fails", async () => {
    const text = readFileSync(join(dir, JA), "utf8");
    const start = text.indexOf("### 考えよう！5");
    const end = text.indexOf("## まとめ");
    writeFileSync(join(dir, JA), text.slice(0, start) + text.slice(end));
    const rows = await status();
    expect(notCurrent(rows)).toEqual(["think-5:missing"]);
    const c = await check();
    expect(c.code).toBe(1);
    expect(c.stdout).toContain('section "think-5" is missing');
    writeFileSync(join(dir, JA), text);
  });

  it("fails when a cell's props differ in the translation, naming the file and line", async () => {
    const text = readFileSync(join(dir, JA), "utf8");
    const line = text.split("\n").findIndex((l) => l.startsWith('<Cell id="raster-three">')) + 1;
    edit(dir, JA, '<Cell id="raster-three">', '<Cell id="raster-3">');
    const c = await check();
    expect(c.code).toBe(1);
    expect(c.stdout).toContain(`error: ${JA}:${line}: <Cell id="raster-3"> differs from the source's <Cell id="raster-three">`);
    writeFileSync(join(dir, JA), text);
  });

  it("fails on a missing UI string, naming the file and key", async () => {
    const file = join(dir, "src/i18n/ja.json");
    const text = readFileSync(file, "utf8");
    const strings = JSON.parse(text) as Record<string, string>;
    delete strings["video.play"];
    writeFileSync(file, JSON.stringify(strings));
    const c = await check();
    expect(c.code).toBe(1);
    expect(c.stdout).toContain('error: src/i18n/ja.json: "video.play": missing UI string');
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
    expect(c.stdout).toMatch(/warning: .*section "section-3" uses "refractory period" in en, but not the agreed ja term "不応期"/);
    writeFileSync(join(dir, JA), text);
  });
});
