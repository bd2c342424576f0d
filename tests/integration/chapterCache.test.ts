import { cpSync, mkdirSync, rmSync, utimesSync, writeFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ChapterCache } from "../../src/integration/chapterCache.ts";
import type { ComputedChapter } from "../../src/integration/compute.ts";
import { makeCourse } from "../helpers/course.ts";

// Computed chapters kept between builds by content address: read back while every input is the
// same, computed again when any changes; a copy of a chapter's folder elsewhere is the same chapter.
const roots: string[] = [];
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

// A chapter's store, and its figures' first-move answers (kept with it: a chapter read back registers them again).
const store = (slug: string): ComputedChapter => ({
  store: { slug, outputs: {}, fixedOutputs: [], locales: {}, notebookData: null, dataFolders: [] },
  answers: { "en/cell/0-wide.json": '{"svg":"<svg></svg>"}' },
});

function project() {
  const root = makeCourse({
    "src/integration/compute.ts": "// the generator",
    "datasets/d/index.ts": "// a dataset",
    "chapters/a/chapter.ts": "// chapter a",
    "chapters/a/strings/en.json": "{}",
    "package-lock.json": "{}",
    "course.config.ts": "// the course",
  });
  roots.push(root);
  return root;
}

describe("the chapter cache", () => {
  it("reads a chapter back while its inputs are unchanged, under the asking chapter's slug", () => {
    const root = project();
    const cache = new ChapterCache(root, join(root, ".cache/chapters"), { locales: ["en"], base: "/" });
    const key = cache.key("chapters/a", ["data1"]);
    expect(cache.read(key, "a")).toBeNull();
    cache.write(key, store("a"));
    expect(cache.read(key, "a")).toEqual(store("a"));
    // A copy of the folder under another path: the same inputs, the same chapter.
    cpSync(join(root, "chapters/a"), join(root, "chapters/b"), { recursive: true });
    expect(cache.key("chapters/b", ["data1"])).toBe(key);
    expect(cache.read(cache.key("chapters/b", ["data1"]), "b")).toEqual(store("b"));
  });

  it("computes again when any input changes: the chapter's files, the data, the generator, the site's settings", () => {
    const root = project();
    const dir = join(root, ".cache/chapters");
    const cache = new ChapterCache(root, dir, { locales: ["en"], base: "/" });
    const key = cache.key("chapters/a", ["data1"]);
    expect(cache.key("chapters/a", ["data2"])).not.toBe(key);
    writeFileSync(join(root, "chapters/a/strings/en.json"), '{"x": "y"}');
    expect(cache.key("chapters/a", ["data1"])).not.toBe(key);
    writeFileSync(join(root, "chapters/a/strings/en.json"), "{}");
    expect(cache.key("chapters/a", ["data1"])).toBe(key);
    writeFileSync(join(root, "src/integration/compute.ts"), "// the generator, changed");
    expect(new ChapterCache(root, dir, { locales: ["en"], base: "/" }).key("chapters/a", ["data1"])).not.toBe(key);
    expect(new ChapterCache(root, dir, { locales: ["en", "ja"], base: "/" }).key("chapters/a", ["data1"])).not.toBe(
      new ChapterCache(root, dir, { locales: ["en"], base: "/" }).key("chapters/a", ["data1"]),
    );
  });

  it("forgets what no build used for two weeks, and a damaged entry is computed again", () => {
    const root = project();
    const dir = join(root, ".cache/chapters");
    const cache = new ChapterCache(root, dir, {});
    cache.write("old", store("a"));
    cache.write("new", store("a"));
    const then = new Date(Date.now() - 15 * 24 * 3600 * 1000);
    utimesSync(join(dir, "old.json"), then, then);
    cache.prune();
    expect(readdirSync(dir)).toEqual(["new.json"]);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "broken.json"), "{");
    expect(cache.read("broken", "a")).toBeNull();
    // An entry an earlier version wrote (the store alone): computed again.
    writeFileSync(join(dir, "earlier.json"), JSON.stringify(store("a").store));
    expect(cache.read("earlier", "a")).toBeNull();
  });
});
