import { glob } from "astro/loaders";
import { defineCollection } from "astro:content";
import { chapterSchema } from "./lib/content/frontmatter.ts";

export { chapterSchema, type ChapterFrontmatter } from "./lib/content/frontmatter.ts";

const chapters = defineCollection({
  loader: glob({ base: "./content", pattern: "*/**/index.mdx" }),
  schema: chapterSchema,
});

export const collections = { chapters };
