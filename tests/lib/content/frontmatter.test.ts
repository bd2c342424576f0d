import { describe, expect, it } from "vitest";
import { chapterSchemaFor } from "../../../src/lib/content/frontmatter.ts";
import { parseCourse } from "../../../src/lib/courseConfig.ts";
import { checkChapterText } from "../../../src/checks/chapterFile.ts";
import { ROOT } from "../../helpers/run.ts";

const GENERIC = { title: "T", description: "D", course: "C", order: 1, estimatedMinutes: 5 };
const MDX = (extra: string) =>
  `---\ntitle: "T"\ndescription: "D"\ncourse: "C"\norder: 1\nestimatedMinutes: 5\n${extra}---\n\n## One \\{#one\\}\n\nText.\n`;

/** A course file of its own, with the frontmatter fields given. */
const courseWith = (frontmatter: unknown) =>
  parseCourse({
    title: "A course",
    tagline: "One line",
    sourceLocale: "en",
    localeOrder: ["en"],
    licence: { text: "CC BY 4.0", links: [] },
    hosts: { slides: "https://example.org/{id}" },
    notebook: { videoCell: "# @title {title}" },
    frontmatter,
  });

describe("frontmatter fields a course declares", () => {
  // A course of its own: a required week number and an optional list of prerequisites.
  const fields = courseWith({
    week: { type: "integer", min: 1, max: 52, optional: false },
    prerequisites: { type: "strings" },
  }).frontmatter;

  it("are accepted with the generic ones, checked as declared, and required when the course says so", () => {
    const schema = chapterSchemaFor(fields);
    expect(schema.safeParse({ ...GENERIC, week: 3, prerequisites: ["w1"] }).success).toBe(true);
    expect(schema.safeParse({ ...GENERIC, week: 0 }).success).toBe(false);
    expect(schema.safeParse({ ...GENERIC }).success).toBe(false);
    // A field nobody declared is refused, as every misspelt one is.
    expect(schema.safeParse({ ...GENERIC, week: 3, unit: 2 }).success).toBe(false);
    expect(chapterSchemaFor({}).safeParse({ ...GENERIC, week: 3 }).success).toBe(false);
  });

  it("are checked with the chapter: a line naming the file and the field", () => {
    expect(checkChapterText(ROOT, "content/en/x/index.mdx", MDX("week: 3\n"), null, null, {}, fields).problems).toEqual([]);
    expect(checkChapterText(ROOT, "content/en/x/index.mdx", MDX("week: 0\n"), null, null, {}, fields).problems).toEqual([
      { file: "content/en/x/index.mdx", line: 1, message: expect.stringMatching(/^frontmatter "week": /) as string },
    ]);
    expect(checkChapterText(ROOT, "content/en/x/index.mdx", MDX("week: 3\nslides: abcde\n"), null, null, {}, fields).problems).toEqual([
      { file: "content/en/x/index.mdx", line: 1, message: expect.stringMatching(/^frontmatter .*slides/) as string },
    ]);
  });

  it("may not redeclare a generic field, and are named as fields are", () => {
    const course = (frontmatter: unknown) => () => courseWith(frontmatter);
    expect(course({ title: { type: "string" } })).toThrow(/frontmatter.*every chapter has this field already/);
    expect(course({ "bad name": { type: "string" } })).toThrow(/frontmatter.*camelCase/);
    expect(course({ week: { type: "date" } })).toThrow(/frontmatter/);
  });
});
