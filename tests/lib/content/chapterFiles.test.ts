import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  chapterOfFilePath,
  chapterOfProjectPath,
  chaptersBySlug,
  contentFolders,
  listChapterFiles,
} from "../../../src/lib/content/chapterFiles.ts";
import { cellOfModule, slugOfChapterModule } from "../../../src/lib/content/chapterModules.ts";
import { listCellModules, listChapterModules } from "../../../src/lib/content/chapterModuleFiles.ts";
import { scratchFolder } from "../../helpers/fixtures.ts";

/** A project with files at these paths (a path ending in / is a folder). */
function project(paths: readonly string[]): string {
  const root = scratchFolder("chapter-files-");
  for (const p of paths) {
    mkdirSync(join(root, p.endsWith("/") ? p : join(p, "..")), { recursive: true });
    if (!p.endsWith("/")) writeFileSync(join(root, p), "x");
  }
  return root;
}

describe("where chapters are", () => {
  it("lists chapter files of every locale (nested slugs, region and script tags), not folders or links named index.mdx", () => {
    const root = project([
      "content/en/w1d1/tutorial1/index.mdx",
      "content/en/w1d1/tutorial1/figure.png",
      "content/ja/w1d1/tutorial1/index.mdx",
      "content/zh-Hant-TW/w1d1/tutorial1/index.mdx",
      "content/pt-BR/intro/index.mdx/",
      "content/glossary.yaml",
    ]);
    symlinkSync(join(root, "content/en/w1d1/tutorial1/index.mdx"), join(root, "content/ja/linked.mdx"));
    mkdirSync(join(root, "content/ja/w2"), { recursive: true });
    symlinkSync(join(root, "content/en/w1d1/tutorial1/index.mdx"), join(root, "content/ja/w2/index.mdx"));
    expect(listChapterFiles(root)).toEqual([
      { file: "content/en/w1d1/tutorial1/index.mdx", locale: "en", slug: "w1d1/tutorial1" },
      { file: "content/ja/w1d1/tutorial1/index.mdx", locale: "ja", slug: "w1d1/tutorial1" },
      { file: "content/zh-Hant-TW/w1d1/tutorial1/index.mdx", locale: "zh-Hant-TW", slug: "w1d1/tutorial1" },
    ]);
    expect(chaptersBySlug(listChapterFiles(root))).toEqual([{ slug: "w1d1/tutorial1", locales: ["en", "ja", "zh-Hant-TW"] }]);
    expect(contentFolders(root)).toEqual(["en", "ja", "pt-BR", "zh-Hant-TW"]);
    expect(listChapterFiles(join(root, "nowhere"))).toEqual([]);
  });

  it("reads a chapter's place from a compiler's path (either slash) or a project path, and nothing else", () => {
    expect(chapterOfFilePath("/srv/site/content/ja/w1d1/tutorial1/index.mdx")).toEqual({
      root: "/srv/site",
      locale: "ja",
      slug: "w1d1/tutorial1",
    });
    expect(chapterOfFilePath("C:\\site\\content\\pt-BR\\a\\index.mdx")).toEqual({ root: "C:/site", locale: "pt-BR", slug: "a" });
    expect(chapterOfFilePath("/srv/site/content/ja/index.mdx")).toBeNull();
    expect(chapterOfFilePath("/srv/site/chapters/a/index.mdx")).toBeNull();
    expect(chapterOfProjectPath("content/en/w1d1/tutorial1/index.mdx")).toEqual({ locale: "en", slug: "w1d1/tutorial1" });
    expect(chapterOfProjectPath("content/glossary.yaml")).toBeNull();
  });
});

describe("where chapter code is", () => {
  it("names chapter and cell modules by path, and lists those on disk", () => {
    expect(slugOfChapterModule("chapters/w1d1/tutorial1/chapter.ts")).toBe("w1d1/tutorial1");
    expect(slugOfChapterModule("chapters/chapter.ts")).toBeNull();
    expect(cellOfModule("chapters/w1d1/tutorial1/isi-histogram.cell.ts")).toEqual({ slug: "w1d1/tutorial1", cell: "isi-histogram" });
    expect(cellOfModule("chapters/x.cell.ts")).toBeNull();
    const root = project([
      "chapters/b/chapter.ts",
      "chapters/a/x/chapter.ts",
      "chapters/a/x/one.cell.ts",
      "chapters/a/x/sub/two.cell.ts",
      "chapters/c/notes.md",
    ]);
    expect(listChapterModules(root)).toEqual(["a/x", "b"]);
    expect(listCellModules(root, "a/x")).toEqual(["one"]);
  });
});
