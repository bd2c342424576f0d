import { z } from "astro/zod";
import { schemaIssues } from "./schemaIssues.ts";
import { BASE_FIELDS, fieldSpecSchema } from "./content/frontmatter.ts";

/** A text in one or more languages: a plain string is the source language's. */
const localized = z
  .union([z.string().min(1), z.record(z.string(), z.string().min(1))])
  .describe(
    "Text per locale ({ en: ..., ja: ... }); a plain string is the source locale's. A locale without it shows the source text, marked as such.",
  );

const link = z
  .object({
    label: z.string().min(1).describe("The link's text (a name, the same in every language)."),
    url: z.url().describe("Where it points (https)."),
    rel: z.string().optional().describe('A link relation, such as "license".'),
  })
  .strict();

/** The course file's schema (course.config.ts): what belongs to the course, not to the generator. */
export const courseSchema = z
  .object({
    title: localized.describe("The course's name: the header of every page and the home page's heading."),
    tagline: localized.describe("One sentence under the title on the home pages, and their description for search engines."),
    sourceLocale: z.string().min(2).describe("The locale the chapters are written in; every other locale translates it."),
    localeOrder: z
      .array(z.string().min(2))
      .describe("The order readers are offered languages in (the first is preferred at the site's root); locales not listed come last."),
    licence: z
      .object({
        text: localized.describe("The licence line of every chapter's footer."),
        links: z.array(link).describe("Links after it: the licence, the original material."),
      })
      .strict()
      .describe("Credits and licence of the text and code (a chapter's frontmatter names its own authors)."),
    hosts: z
      .object({
        slides: z
          .string()
          .regex(/^https:\/\/[^\s]*\{id\}[^\s]*$/, "must be an https address containing {id}")
          .describe("Where a chapter's slides are downloaded from; {id} is the frontmatter's `slides`."),
      })
      .strict()
      .describe("Services the course's media live on."),
    notebook: z
      .object({
        videoCell: z
          .string()
          .min(1)
          .describe("The code cell a <Video> becomes in exported notebooks (Python); {title}, {youtube} and {bilibili} are filled in."),
      })
      .strict()
      .describe("How exported notebooks write what the page shows differently."),
    glossaryHints: z
      .array(z.string().min(2))
      .default([])
      .describe(
        "Languages whose rendering of each glossary term the source-language pages name after the term's first use (none by default: a translated page names the source's term, a source page names nothing).",
      ),
    frontmatter: z
      .record(
        z
          .string()
          .regex(/^[a-z][A-Za-z0-9]{0,39}$/, "a field's name is a word in camelCase")
          .refine((name) => !BASE_FIELDS.includes(name), "every chapter has this field already"),
        fieldSpecSchema,
      )
      .default({})
      .describe(
        "Fields this course's chapters may add to their frontmatter, by name: { type: string | integer | boolean | strings, pattern, maxLength, min, max, optional, description }. The generic fields (title, description, course, order, estimatedMinutes, credits…) every chapter has; <Slides> reads `slides` and <Feedback> `feedbackPrefix` when the course declares them.",
      ),
    typography: z
      .record(z.string(), z.enum(["ja", "zh", "none"]))
      .default({})
      .describe(
        "Punctuation rules i18n:check applies per locale, where the language's script is not the answer: ja (full-width ！？：（）, numbered headings), zh (full-width ，。？！：；（）) or none. By default a Japanese locale follows ja, a Chinese one (zh, zh-Hant-TW, zh-Hans) zh, others none.",
      ),
  })
  .strict();

/** What a course file may be written as (before defaults and checks). */
export type CourseInput = z.input<typeof courseSchema>;
/** A course file, checked. */
export type CourseConfig = z.output<typeof courseSchema>;

/** Something wrong in the course file: one line per problem, naming the field. */
export class CourseConfigError extends Error {}

/** Checks a course file's default export; every problem is a line "<file>: <field>: <message>". */
export function parseCourse(raw: unknown, file = "course.config.ts"): CourseConfig {
  const parsed = courseSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new CourseConfigError(
    schemaIssues(parsed.error, raw)
      .map((i) => `${file}: ${i.path || "(the default export)"}: ${i.message}`)
      .join("\n"),
  );
}

/** A course text in a locale, and the language it is really in (the source's when the locale lacks it). */
export function courseText(
  text: CourseConfig["title"],
  locale: string,
  sourceLocale: string,
): { readonly text: string; readonly lang: string } {
  if (typeof text === "string") return { text, lang: sourceLocale };
  const own = text[locale];
  if (own !== undefined) return { text: own, lang: locale };
  return {
    text: text[sourceLocale] ?? Object.values(text)[0] ?? "",
    lang: text[sourceLocale] !== undefined ? sourceLocale : Object.keys(text)[0]!,
  };
}

/** An address from a host template: `{id}` replaced by the (URI-encoded) id. */
export function hostUrl(template: string, id: string): string {
  return template.replaceAll("{id}", encodeURIComponent(id));
}
