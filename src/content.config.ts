import { glob } from "astro/loaders";
import { defineCollection } from "astro:content";
import { chapterSchemaFor } from "./lib/content/frontmatter.ts";
import { course } from "./pageModel/course.ts";
import { CHAPTER_GLOB, CONTENT_DIR, chapterEntryId } from "./lib/content/chapterFiles.ts";

export { chapterSchemaFor, type ChapterFrontmatter } from "./lib/content/frontmatter.ts";

const chapters = defineCollection({
  // An entry's id is its path as written (`pt-BR/w1d1/tutorial1`): the loader's default would
  // lowercase it, and a region locale's pages would never find their text.
  loader: glob({ base: `./${CONTENT_DIR}`, pattern: CHAPTER_GLOB, generateId: ({ entry }) => chapterEntryId(entry) }),
  // The generic fields and those the course declares (course.config.ts `frontmatter`).
  schema: chapterSchemaFor(course.frontmatter),
});

export const collections = { chapters };
