import { unified, type UnifiedResolvedOptions } from "@astrojs/markdown-remark";
import type { MarkdownProcessor } from "astro/markdown";
import rehypeKatex from "rehype-katex";
import rehypeCodeHighlight from "./rehypeCodeHighlight.ts";
import { formatMessage } from "../translation/strings/messageFormat.ts";
import { CONTENT_LIMITS } from "../lib/content/limits.ts";
import type { StringTable } from "../translation/model/stringTable.ts";
import { remarkCjkFriendly, remarkMath } from "../lib/content/syntax.ts";
import remarkFormulaSource from "./remarkFormulaSource.ts";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { chapterGlossaryFile, COURSE_GLOSSARY, mergeGlossaries, parseGlossary, type GlossaryTerm } from "../translation/model/glossary.ts";
import rehypeGlossary from "../translation/glossary/rehypeGlossary.ts";
import remarkHeadingIds from "../lib/markdown/remarkHeadingIds.ts";
import remarkSourceSections from "../translation/page/remarkSourceSections.ts";
import { CourseError } from "./courseError.ts";
import { readContributedText } from "../checks/chapterFile.ts";
import remarkChapter, { type ChapterPipelineOptions } from "./remarkChapter.ts";
import { chapterOfFilePath } from "../lib/content/chapterFiles.ts";
import { problemsOf, type Problem } from "../lib/problem.ts";
import { parseMdxCopy } from "../lib/content/parseMdx.ts";
import type { Processor } from "unified";

/**
 * The course's glossary (content/glossary.yaml) and the chapters' own (chapters/<chapter>/glossary.yaml),
 * read when made and again on `reload()` (the dev server).
 */
export class GlossaryHolder {
  private course: readonly GlossaryTerm[] = [];
  private chapters = new Map<string, readonly GlossaryTerm[]>();

  private readonly root: string;
  private readonly chapterSlugs: () => readonly string[];

  constructor(root: string, chapterSlugs: () => readonly string[] = () => []) {
    this.root = root;
    this.chapterSlugs = chapterSlugs;
    this.reload();
  }

  /** The terms of a chapter's pages (the course's when the chapter has none of its own). */
  terms(chapter: string | null): readonly GlossaryTerm[] {
    const own = chapter === null ? undefined : this.chapters.get(chapter);
    return own ? mergeGlossaries(this.course, own) : this.course;
  }

  /** Reads the glossaries again; a file that is wrong throws a CourseError and keeps the terms read before. */
  reload(): void {
    const problems: Problem[] = [];
    const read = (file: string): GlossaryTerm[] | null => {
      const text = readContributedText(this.root, file, CONTENT_LIMITS.stringsBytes);
      if ("problem" in text) {
        if (!text.missing) problems.push(text.problem);
        return null;
      }
      try {
        return parseGlossary(text.text, file);
      } catch (err) {
        problems.push(...problemsOf(err, file));
        return null;
      }
    };
    const course = read(COURSE_GLOSSARY) ?? [];
    const chapters = new Map<string, readonly GlossaryTerm[]>();
    for (const slug of this.chapterSlugs()) {
      const file = chapterGlossaryFile(slug);
      if (!existsSync(join(this.root, file))) continue;
      const terms = read(file);
      if (terms) chapters.set(slug, terms);
    }
    if (problems.length) throw new CourseError(problems);
    this.course = course;
    this.chapters = chapters;
  }
}

/** A code block's name in its chapter file's language: "Python code", or "Text" for plain text. */
function codeLabel(coreStrings: (locale: string) => StringTable, sourceLocale: string): (path: string, language: string) => string {
  return (path, language) => {
    const locale = chapterOfFilePath(path)?.locale ?? sourceLocale;
    const strings = coreStrings(locale);
    if (/^(text|plaintext|txt)$/.test(language)) return strings["code.textLabel"] ?? language;
    const name = language === "python" || language === "py" ? "Python" : language;
    return formatMessage(strings["code.label"] ?? "{language}", { language: name }, locale);
  };
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
 * The compiler reads a chapter from the tree the content check built from the same text (a copy
 * it may change): one parse of each file per build instead of one per reader of it. The check's
 * parser is the compiler's own (tests/security/oneParser.test.ts compares the two on every chapter).
 */
export function remarkSharedParser(this: Processor): void {
  this.parser = (document: string) => parseMdxCopy(document);
}

/**
 * How chapters are compiled, in order: the content check on the compiler's own tree (and every
 * image pointed at its checked file), untranslated sections taken from the source, stable
 * heading ids, maths; then KaTeX at build time (`trust: false` keeps \\href and friends inert)
 * and glossary hints; code blocks highlighted once each (rehypeCodeHighlight). The processor is Astro's unified (remark/rehype) one: its parser is the
 * one the content check reads with (src/lib/content/syntax.ts: GFM, maths, MDX), so the tree
 * checked is the tree compiled. The authors' punctuation is kept exactly (no smartypants: the
 * Japanese text must match its source).
 */
export function chapterMarkdown(
  options: ChapterPipelineOptions & {
    readonly locales: readonly string[];
    readonly coreStrings: (locale: string) => StringTable;
    /** The languages the source's pages name glossary terms in (course.config.ts `glossaryHints`). */
    readonly glossaryHints?: readonly string[];
  },
  glossary: GlossaryHolder = new GlossaryHolder(options.root),
): MarkdownProcessor<UnifiedResolvedOptions> {
  return unified({
    gfm: true,
    smartypants: false,
    remarkPlugins: [
      remarkSharedParser,
      [remarkChapter, options],
      [remarkSourceSections, { sourceLocale: options.sourceLocale }],
      remarkHeadingIds,
      remarkMath,
      remarkCjkFriendly,
      remarkFormulaSource,
    ],
    rehypePlugins: [
      [rehypeCodeHighlight, { label: codeLabel(options.coreStrings, options.sourceLocale) }],
      [rehypeKatex, { trust: false, strict: "error", output: "htmlAndMathml" }],
      [
        rehypeGlossary,
        {
          glossary: (chapter: string | null) => glossary.terms(chapter),
          sourceLocale: options.sourceLocale,
          locales: options.locales,
          onSourcePages: options.glossaryHints ?? [],
          aside: asideOf(options.coreStrings),
        },
      ],
    ],
  });
}
