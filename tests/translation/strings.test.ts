import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keysUsedBy } from "../../src/translation/checks/checks.ts";
import { copyProject } from "../helpers/project.ts";
import { runHere } from "../helpers/commands.ts";

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
  it("starts clean", async () => {
    const r = await check();
    expect(r.stdout).toContain("0 error(s), 0 warning(s)");
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
    expect(r.stdout).toContain(`error: ${path}: "load.neuron" has placeholders {nuron} but the en text has {neuron}`);
    writeFileSync(join(dir, path), original);
  });

  it("finds keys in code: literals, and template prefixes", () => {
    const used = keysUsedBy('t("axis.time"); t(`model.${m}`); const x = "not a key"; label: "control.bins"');
    expect([...used.literals].sort()).toEqual(["axis.time", "control.bins"]);
    expect(used.prefixes).toEqual(["model."]);
  });
});
