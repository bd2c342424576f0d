import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyProject, edit } from "../helpers/project.ts";
import { runScript } from "../helpers/run.ts";
import { loadPage } from "../helpers/site.ts";

// A copy of the project with a throwaway third locale ("de": UI strings only, no chapters) and
// an English section edited after its Japanese translation was made.
let dir: string;
let dist: string;

beforeAll(async () => {
  dir = copyProject();
  dist = join(dir, "dist");
  const en = JSON.parse(readFileSync(join(dir, "src/i18n/en.json"), "utf8")) as Record<string, string>;
  writeFileSync(
    join(dir, "src/i18n/de.json"),
    JSON.stringify({ ...en, "lang.name": "Deutsch", "translation.untranslated": "noch nicht übersetzt" }, null, 2),
  );
  edit(
    dir,
    "content/en/w1d1/tutorial1/index.mdx",
    "Is this interval typical of the whole recording?",
    "Is this ten-second interval typical of the whole recording?",
  );
  const r = await runScript("build.ts", [], { OUT_DIR: dist }, dir);
  if (r.code !== 0) throw new Error(r.stderr);
}, 300_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("a locale without translations", () => {
  it("gets the chapter as a fallback: its own UI, the source text marked as such, canonical to the source", () => {
    const doc = loadPage(dist, "de/w1d1/tutorial1/");
    expect(doc.documentElement.getAttribute("lang")).toBe("de");
    expect(doc.querySelector("article")!.getAttribute("lang")).toBe("en");
    expect(doc.querySelector(".translation-notice")!.textContent).toContain("not been translated yet");
    expect(doc.querySelector('link[rel="canonical"]')!.getAttribute("href")).toMatch(/\/en\/w1d1\/tutorial1\/$/);
    // Alternates name the real versions only.
    const alternates = [...doc.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => l.getAttribute("hreflang"));
    expect(alternates.sort()).toEqual(["en", "ja"]);
    // The figures and numbers are there, in the source's language.
    expect(doc.querySelectorAll("[data-cell] svg").length).toBeGreaterThanOrEqual(8);
    expect(doc.querySelector("h1")!.textContent).toContain("Tutorial 1");
  });

  it("lists the chapter as not yet translated, and every page offers it in the language switch", () => {
    const index = loadPage(dist, "de/");
    expect(index.documentElement.getAttribute("lang")).toBe("de");
    expect(index.querySelector(".untranslated")!.textContent).toContain("noch nicht übersetzt");
    expect(index.querySelector(".chapter-list-title")!.getAttribute("lang")).toBe("en");
    const ja = loadPage(dist, "ja/w1d1/tutorial1/");
    expect(ja.querySelector('.language-switch a[hreflang="de"]')!.getAttribute("href")).toMatch(/\/de\/w1d1\/tutorial1\/$/);
    const alternates = [...ja.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => l.getAttribute("hreflang"));
    expect(alternates.sort()).toEqual(["en", "ja"]);
    expect(ja.querySelector('link[rel="canonical"]')!.getAttribute("href")).toMatch(/\/ja\/w1d1\/tutorial1\/$/);
  });
});

describe("a stale translated section", () => {
  it("carries a notice in the reader's language linking to the source section, and only that one", () => {
    const ja = loadPage(dist, "ja/w1d1/tutorial1/");
    const notices = [...ja.querySelectorAll(".stale-notice")];
    expect(notices.map((n) => n.getAttribute("data-stale"))).toEqual(["section-2-1"]);
    const notice = notices[0]!;
    expect(notice.getAttribute("lang")).toBe("ja");
    expect(notice.textContent).toContain("この翻訳の後に更新されています");
    expect(notice.querySelector("a")!.getAttribute("href")).toMatch(/\/en\/w1d1\/tutorial1\/#section-2-1$/);
    expect(notice.previousElementSibling!.id).toBe("section-2-1");
    expect(loadPage(dist, "en/w1d1/tutorial1/").querySelectorAll(".stale-notice").length).toBe(0);
  });
});
