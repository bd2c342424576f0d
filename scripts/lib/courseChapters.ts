import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** A chapter of the course as the benchmarks pick it: its path and the locales it has a file in. */
export interface ChapterFiles {
  readonly slug: string;
  readonly locales: readonly string[];
}

/**
 * The course's chapters (content/<locale>/<slug>/index.mdx), sorted by path, each with the
 * locales that have it: benchmarks measure whatever course they are run in.
 */
export function courseChapters(root: string): ChapterFiles[] {
  const content = join(root, "content");
  const bySlug = new Map<string, string[]>();
  for (const locale of readdirSync(content, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)) {
    for (const file of readdirSync(join(content, locale), { recursive: true, encoding: "utf8" })) {
      if (!file.endsWith("index.mdx") || !existsSync(join(content, locale, file))) continue;
      const slug = file.replace(/\/?index\.mdx$/, "");
      bySlug.set(slug, [...(bySlug.get(slug) ?? []), locale]);
    }
  }
  return [...bySlug].map(([slug, locales]) => ({ slug, locales: locales.sort() })).sort((a, b) => a.slug.localeCompare(b.slug));
}
