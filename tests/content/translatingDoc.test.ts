import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROSE_PROPS } from "../../src/translation/model/proseProps.ts";
import { ROOT } from "../helpers/run.ts";

// TRANSLATING.md is the translators' only guide: both languages must name what the code does.
const doc = readFileSync(join(ROOT, "TRANSLATING.md"), "utf8");
const [en, ja] = doc.split(/^# 日本語$/m) as [string, string];
const scripts = Object.keys((JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts);

describe("TRANSLATING.md", () => {
  it("has an English and a Japanese half", () => {
    expect(ja).toBeDefined();
    expect(en).toContain("## The cycle, in order");
    expect(ja).toContain("## 作業の流れ");
  });

  for (const [name, half] of [
    ["English", () => en],
    ["Japanese", () => ja],
  ] as const) {
    it(`names every prose prop and every i18n command in its ${name} half`, () => {
      for (const prop of PROSE_PROPS) expect(half()).toContain(`\`${prop}\``);
      for (const script of scripts.filter((s) => s.startsWith("i18n:"))) expect(half(), script).toContain(script);
      for (const state of ["current", "stale", "untranslated", "missing", "extra"]) expect(half()).toContain(`\`${state}\``);
      expect(half()).toContain("/translation-status/");
    });
  }
});
