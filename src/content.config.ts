import { glob } from "astro/loaders";
import { defineCollection, z } from "astro:content";

/** Frontmatter of content/<locale>/<chapter>/index.mdx. */
export const chapterSchema = z
  .object({
    /** The chapter's title as the page shows it. */
    title: z.string(),
    /** One sentence for search results and link previews. */
    description: z.string(),
    /** The course, week and day line above the title. */
    course: z.string(),
    /** Position in the chapter list. */
    order: z.number().int(),
    /** Estimated time for the whole tutorial, minutes. */
    estimatedMinutes: z.number().int().positive(),
    /** Minutes from the start of the tutorial to a section (by heading id), for the TOC and `<Elapsed>`. */
    elapsed: z.record(z.string(), z.number().int().nonnegative()).default({}),
    /** People credited at the top of the chapter. */
    credits: z.object({
      creators: z.array(z.string()),
      reviewers: z.array(z.string()),
      editors: z.array(z.string()),
    }),
    /** Slides for the chapter's videos (OSF link id). */
    slides: z.string().optional(),
    /** Prefix of the notebook's feedback ids (W1D1_T1). */
    feedbackPrefix: z.string().optional(),
  })
  .strict();

export type ChapterFrontmatter = z.infer<typeof chapterSchema>;

const chapters = defineCollection({
  loader: glob({ base: "./content", pattern: "*/**/index.mdx" }),
  schema: chapterSchema,
});

export const collections = { chapters };
