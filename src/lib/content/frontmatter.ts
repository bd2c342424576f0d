import { z } from "astro/zod";

/**
 * A field a course adds to its chapters' frontmatter (course.config.ts `frontmatter`), declared
 * as data so that every checker (some run in threads of their own) can rebuild its schema: a
 * string (with a pattern and a length), a whole number (with bounds), a yes/no, or a list of
 * strings; optional unless said.
 */
export const fieldSpecSchema = z.discriminatedUnion("type", [
  z
    .object({
      type: z.literal("string"),
      pattern: z.string().optional().describe("A regular expression the whole value must match (anchor it with ^ and $)."),
      maxLength: z.number().int().positive().default(400),
      optional: z.boolean().default(true),
      description: z.string().optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal("integer"),
      min: z.number().int().optional(),
      max: z.number().int().optional(),
      optional: z.boolean().default(true),
      description: z.string().optional(),
    })
    .strict(),
  z.object({ type: z.literal("boolean"), optional: z.boolean().default(true), description: z.string().optional() }).strict(),
  z
    .object({
      type: z.literal("strings"),
      maxItems: z.number().int().positive().default(100),
      optional: z.boolean().default(true),
      description: z.string().optional(),
    })
    .strict(),
]);

export type FieldSpec = z.output<typeof fieldSpecSchema>;
/** The fields a course adds, by name. */
export type FrontmatterFields = Readonly<Record<string, FieldSpec>>;

/** The schema of one added field. */
function fieldSchema(spec: FieldSpec): z.ZodType {
  let schema: z.ZodType;
  switch (spec.type) {
    case "string": {
      let text = z.string().max(spec.maxLength);
      if (spec.pattern !== undefined) text = text.regex(new RegExp(spec.pattern), `does not match ${spec.pattern}`);
      schema = text;
      break;
    }
    case "integer": {
      let n = z.number().int();
      if (spec.min !== undefined) n = n.min(spec.min);
      if (spec.max !== undefined) n = n.max(spec.max);
      schema = n;
      break;
    }
    case "boolean":
      schema = z.boolean();
      break;
    case "strings":
      schema = z.array(z.string().max(400)).max(spec.maxItems);
  }
  if (spec.description !== undefined) schema = schema.describe(spec.description);
  return spec.optional ? schema.optional() : schema;
}

/** Frontmatter every chapter of every course has: content/<locale>/<chapter>/index.mdx, every field a literal, checked before the build. */
const baseChapterSchema = z.object({
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
});

/** The names the generic frontmatter has (a course may not declare them again). */
export const BASE_FIELDS: readonly string[] = Object.keys(baseChapterSchema.shape);

/** A course's chapter frontmatter: the generic fields and those the course declares, nothing else. */
export function chapterSchemaFor(fields: FrontmatterFields = {}): z.ZodType<ChapterFrontmatter> {
  const added = Object.fromEntries(Object.entries(fields).map(([name, spec]) => [name, fieldSchema(spec)]));
  return baseChapterSchema.extend(added).strict() as unknown as z.ZodType<ChapterFrontmatter>;
}

/** A chapter's frontmatter: the generic fields, typed, and the course's own, as values to check where they are read. */
export type ChapterFrontmatter = z.infer<typeof baseChapterSchema> & Readonly<Record<string, unknown>>;
