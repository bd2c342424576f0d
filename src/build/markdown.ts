import type { AstroUserConfig } from "astro";
import rehypeKatex from "rehype-katex";
import { formatMessage } from "../translation/strings/messageFormat.ts";
import { CONTENT_LIMITS } from "../lib/content/limits.ts";
import type { StringTable } from "../translation/model/stringTable.ts";
import { remarkMath } from "../lib/content/syntax.ts";
import { parseGlossary, type GlossaryTerm } from "../translation/model/glossary.ts";
import rehypeGlossary from "../translation/glossary/rehypeGlossary.ts";
import remarkHeadingIds from "../lib/markdown/remarkHeadingIds.ts";
import remarkSourceSections from "../translation/page/remarkSourceSections.ts";
import { CourseError } from "./courseError.ts";
import { readContributedText } from "./chapterFile.ts";
import remarkChapter, { type ChapterPipelineOptions } from "./remarkChapter.ts";

/** The course's glossary (content/glossary.yaml), read when made and again on `reload()` (the dev server). */
export class GlossaryHolder {
  terms: readonly GlossaryTerm[] = [];

  constructor(private readonly root: string) {
    this.reload();
  }

  /** Reads the glossary again; a file that is wrong throws a CourseError and keeps the terms read before. */
  reload(): void {
    const read = readContributedText(this.root, "content/glossary.yaml", CONTENT_LIMITS.stringsBytes);
    if ("problem" in read) {
      if (!read.problem.includes("cannot be read")) throw new CourseError([read.problem]);
      this.terms = [];
      return;
    }
    try {
      this.terms = parseGlossary(read.text);
    } catch (err) {
      throw new CourseError([(err as Error).message]);
    }
  }
}

/** What each language writes around an aside, from its `punct.aside` string ("{text}" marks the aside). */
function asideOf(coreStrings: (locale: string) => StringTable): (locale: string) => readonly [string, string] {
  return (locale) => {
    const [open = "", close = ""] = formatMessage(coreStrings(locale)["punct.aside"] ?? " ({text})", { text: "\u0000" }, locale).split(
      "\u0000",
    );
    return [open, close];
  };
}

/**
 * How chapters are compiled, in order: the content check on the compiler's own tree (and every
 * image pointed at its checked file), untranslated sections taken from the source, stable
 * heading ids, maths; then KaTeX at build time (`trust: false` keeps \href and friends inert)
 * and glossary hints. GFM is the MDX integration's default, which the content check parses with
 * too (src/lib/content/syntax.ts).
 */
export function chapterMarkdown(
  options: ChapterPipelineOptions & { readonly locales: readonly string[]; readonly coreStrings: (locale: string) => StringTable },
  glossary: GlossaryHolder = new GlossaryHolder(options.root),
): Pick<NonNullable<AstroUserConfig["markdown"]>, "gfm" | "remarkPlugins" | "rehypePlugins"> {
  return {
    gfm: true,
    remarkPlugins: [[remarkChapter, options], remarkSourceSections, remarkHeadingIds, remarkMath],
    rehypePlugins: [
      [rehypeKatex, { trust: false, strict: "error", output: "htmlAndMathml" }],
      [
        rehypeGlossary,
        {
          glossary: () => glossary.terms,
          sourceLocale: options.sourceLocale,
          locales: options.locales,
          aside: asideOf(options.coreStrings),
        },
      ],
    ],
  };
}
