import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { headersFile } from "../../src/lib/security/csp.ts";
import { normalizeBase, SettingsError, siteSettings } from "../../src/lib/settings.ts";

/** The environment\'s settings, for a course in English and Japanese. */
const envSettings = (env: Record<string, string>) => siteSettings(env, { sourceLocale: "en", localeOrder: ["ja", "en"] });
import { copyProject, edit } from "../helpers/project.ts";
import { runScript } from "../helpers/run.ts";
import { runHere } from "../helpers/commands.ts";

describe("site settings from the environment are checked", () => {
  it.each([
    [undefined, "/"],
    ["", "/"],
    ["/", "/"],
    ["course", "/course/"],
    ["/course", "/course/"],
    ["/course/", "/course/"],
    ["a/b.c_d~e-f/", "/a/b.c_d~e-f/"],
  ])("BASE_PATH %j is the path %j", (raw, want) => {
    expect(normalizeBase(raw)).toBe(want);
  });

  it.each(["//evil.com/", "https://evil.com/", "/course/../x/", "/./", "/a b/", "/a?b/", "/café/", "/a//b/"])(
    "BASE_PATH %j is refused",
    (raw) => {
      expect(() => normalizeBase(raw)).toThrow(SettingsError);
      expect(() => normalizeBase(raw)).toThrow(/^BASE_PATH must be a path on this site such as \/course\//);
    },
  );

  it("the headers file's rules are written for the normalized path (a bare `course` no longer makes a rule that never applies)", () => {
    expect(headersFile(envSettings({ BASE_PATH: "course" }).base)).toMatch(/^\/course\/\*\n/);
  });

  it("SITE_URL must be http(s), SITE_REPOSITORY https; neither is made up when missing", () => {
    expect(envSettings({ SITE_URL: "https://course.example.org/", SITE_REPOSITORY: "https://github.com/a/b" })).toMatchObject({
      url: "https://course.example.org",
      repository: "https://github.com/a/b",
    });
    expect(envSettings({})).toMatchObject({ url: null, repository: null });
    for (const url of ["javascript:alert(1)", "ftp://x.org", "//x.org", "not a url", "https://user:pw@x.org"])
      expect(() => envSettings({ SITE_URL: url })).toThrow(/^SITE_URL must be an http or https URL/);
    expect(() => envSettings({ SITE_REPOSITORY: "http://github.com/a/b" })).toThrow(/^SITE_REPOSITORY must be an https URL/);
  });
});

describe("the build refuses bad settings and bad strings with one line", () => {
  let dir: string;
  beforeAll(() => {
    dir = copyProject();
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("BASE_PATH=//evil.com/ stops the build before anything is written", async () => {
    const r = await runScript("build.ts", [], { BASE_PATH: "//evil.com/", OUT_DIR: join(dir, "dist") }, dir);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toEqual([
      'error: BASE_PATH must be a path on this site such as /course/ (letters, digits, . _ ~ - and /), not "//evil.com/"',
    ]);
  });

  it("a typo'd placeholder in a translation ({minuts}) fails i18n:check and the build, naming file and key", async () => {
    edit(dir, "src/translation/ui/ja.json", "{minutes}分", "{minuts}分");
    const check = await runHere("i18n-check", ["--root", dir]);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(
      /error: src\/translation\/ui\/ja\.json:\d+: "toc\.minutes" has placeholders \{minuts\} but the en text has \{minutes\}/,
    );
    const build = await runScript("build.ts", [], { OUT_DIR: join(dir, "dist") }, dir);
    expect(build.code).toBe(1);
    expect(build.stderr).toMatch(
      /src\/translation\/ui\/ja\.json:\d+: "toc\.minutes" has placeholders \{minuts\} but the en text has \{minutes\}/,
    );
    edit(dir, "src/translation/ui/ja.json", "{minuts}分", "{minutes}分");
  }, 60_000);

  it("a formula KaTeX cannot draw is a warning naming file and line, an error when the build is strict (STRICT=1)", async () => {
    const file = join(dir, "content/ja/w1d1/tutorial1/index.mdx");
    const original = readFileSync(file, "utf8");
    writeFileSync(file, original.replace("## まとめ", "式 $\\badmacro{x}$ です。\n\n## まとめ"));
    const build = await runScript("build.ts", [], { OUT_DIR: join(dir, "dist"), STRICT: "1" }, dir);
    expect(build.code).toBe(1);
    expect(build.stderr).toMatch(
      /content\/ja\/w1d1\/tutorial1\/index\.mdx:\d+: formula KaTeX cannot draw, shown to readers as its TeX source: .*\(an error: STRICT=1\)/,
    );
    writeFileSync(file, original);
  }, 60_000);

  it("a duplicate section id fails the build, naming both lines", async () => {
    const file = join(dir, "content/ja/w1d1/tutorial1/index.mdx");
    const original = readFileSync(file, "utf8");
    writeFileSync(file, original.replace("\\{#section-2-1\\}", "\\{#section-2\\}"));
    const build = await runScript("build.ts", [], { OUT_DIR: join(dir, "dist") }, dir);
    expect(build.code).toBe(1);
    expect(build.stderr).toMatch(/content\/ja\/w1d1\/tutorial1\/index\.mdx:\d+: section id "section-2" is already used at line \d+/);
    writeFileSync(file, original);
  }, 60_000);
});
