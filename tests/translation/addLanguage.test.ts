import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runHere } from "../helpers/commands.ts";
import { copyProject } from "../helpers/project.ts";

// Starting a language in one step, as a translator would, in a copy of the project.
let dir: string;
beforeAll(() => {
  dir = copyProject(["content", "src", "chapters", "datasets"]);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("i18n:add", () => {
  it("starts a locale given in gettext's form: its site strings to translate, its name from CLDR, every command ready at once", async () => {
    const started = performance.now();
    const r = await runHere("i18n-add", ["zh_Hant_TW", "--root", dir]);
    const ms = performance.now() - started;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^added zh-Hant-TW \(from "zh_Hant_TW"\): src\/translation\/ui\/zh-Hant-TW\.json, \d+ site string\(s\) in en to translate/,
    );
    expect(r.stdout).toContain("punctuation rules: zh");
    const en = JSON.parse(readFileSync(join(dir, "src/translation/ui/en.json"), "utf8")) as Record<string, string>;
    const zh = JSON.parse(readFileSync(join(dir, "src/translation/ui/zh-Hant-TW.json"), "utf8")) as Record<string, string>;
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    // The language's name in itself (CLDR, through Intl): the only string not left to translate.
    expect(zh["lang.name"]).toBe(new Intl.DisplayNames(["zh-Hant-TW"], { type: "language" }).of("zh-Hant-TW"));
    expect(zh["lang.name"]).toMatch(/^中文/);
    // The tools know the locale, and say what is left: no error, the strings listed as identical to the English.
    const status = await runHere("i18n-status", ["--root", dir, "--locale", "zh-hant-tw"]);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/\d+ untranslated/);
    const check = await runHere("i18n-check", ["--root", dir, "--locale", "zh-Hant-TW"]);
    expect(check.stdout).toContain("0 error(s)");
    expect(check.stdout).toMatch(/src\/translation\/ui\/zh-Hant-TW\.json: \d+ string\(s\) identical to the en text/);
    expect(ms).toBeLessThan(5000);
  });

  it("refuses a tag that is not one, and a language the course has, writing nothing", async () => {
    const bad = await runHere("i18n-add", ["not a tag", "--root", dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"not a tag" is not a BCP 47 language tag');
    const again = await runHere("i18n-add", ["JA", "--root", dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("the course already has ja");
    expect(existsSync(join(dir, "src/translation/ui/JA.json"))).toBe(false);
  });
});
