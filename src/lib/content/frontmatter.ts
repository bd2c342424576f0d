import { z } from "astro/zod";

/** Frontmatter of content/<locale>/<chapter>/index.mdx: every field a literal, checked before the build. */
export const chapterSchema = z
  .object({
    /** The chapter's title as the page shows it. */
    title: z.string().max(200),
    /** One sentence for search results and link previews. */
    description: z.string().max(400),
    /** The course, week and day line above the title. */
    course: z.string().max(200),
    /** Who wrote the tutorial, as the notebook's byline says ("By Neuromatch Academy"). */
    byline: z.string().max(200).optional(),
    /** Thanks for the data, under the credits, as the notebook has them. */
    thanks: z.string().max(400).optional(),
    /** Position in the chapter list. */
    order: z.number().int(),
    /** Estimated time for the whole tutorial, minutes. */
    estimatedMinutes: z.number().int().positive(),
    /** Minutes from the start of the tutorial to a section (by heading id), for the TOC and `<Elapsed>`. */
    elapsed: z
      .record(
        z.string().regex(/^[A-Za-z][\w-]*$/, "not a section id (a letter, then letters, digits, - or _)"),
        z.number().int().nonnegative(),
      )
      .default({}),
    /** People credited at the top of the chapter. */
    credits: z
      .object({
        creators: z.array(z.string()),
        reviewers: z.array(z.string()),
        editors: z.array(z.string()),
      })
      .default({ creators: [], reviewers: [], editors: [] }),
    /** Slides for the chapter's videos (OSF link id). */
    slides: z
      .string()
      .regex(/^[a-z0-9]{5}$/)
      .optional(),
    /** Prefix of the notebook's feedback ids (W1D1_T1). */
    feedbackPrefix: z
      .string()
      .regex(/^\w{1,40}$/)
      .optional(),
  })
  .strict();

export type ChapterFrontmatter = z.infer<typeof chapterSchema>;
