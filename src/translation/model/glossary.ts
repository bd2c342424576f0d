import { parse } from "yaml";
import { blankBlocks, TAG } from "../../lib/text/blankCode.ts";
import { z } from "astro/zod";
import { TAG_PATTERN } from "../locales.ts";
import { printable } from "../../lib/text/printable.ts";
import { prototypeKeys, schemaIssues } from "../../lib/schemaIssues.ts";
import { problemAt, ProblemError } from "../../lib/problem.ts";

// Every key of an entry but its id names a locale: a language tag, never an object's own name (__proto__).
const localeTag = z.string().regex(new RegExp(`^${TAG_PATTERN}$`), "not a language tag (en, ja, pt-BR, zh-Hant-TW)");
const localeForms = z.record(localeTag, z.array(z.string()));
const entrySchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    variants: localeForms.optional(),
    forbidden: localeForms.optional(),
  })
  .catchall(z.union([z.string(), localeForms]));

/** The first key of an entry (as written: a parsed copy drops `__proto__`) that is neither a field nor a language tag. */
const strayKey = (item: unknown) =>
  typeof item === "object" && item !== null
    ? Object.keys(item).find((key) => !["id", "variants", "forbidden"].includes(key) && !localeTag.safeParse(key).success)
    : undefined;

export interface GlossaryTerm {
  readonly id: string;
  /** Locale -> preferred rendering. */
  readonly names: Readonly<Record<string, string>>;
  /** Locale -> every accepted rendering (the preferred one first). */
  readonly forms: Readonly<Record<string, readonly string[]>>;
  /** Locale -> renderings that must not be used (an error in `i18n:check`). */
  readonly forbidden: Readonly<Record<string, readonly string[]>>;
}

/** Parses content/glossary.yaml, naming the file and entry on any problem. */
export function parseGlossary(text: string, file = "content/glossary.yaml"): GlossaryTerm[] {
  const raw: unknown = parse(text);
  if (!Array.isArray(raw)) throw new ProblemError(problemAt(file, "expected a list of terms"));
  return raw.map((item, i) => {
    const stray = strayKey(item) ?? prototypeKeys(item)[0];
    if (stray !== undefined)
      throw new ProblemError(problemAt(file, `entry ${i + 1}: ${printable(stray, 40)}: not a language tag (en, ja, pt-BR, zh-Hant-TW)`));
    const result = entrySchema.safeParse(item);
    if (!result.success)
      throw new ProblemError(
        problemAt(
          file,
          `entry ${i + 1}: ${schemaIssues(result.error, item)
            .map((x) => `${x.path}: ${x.message}`)
            .join("; ")}`,
        ),
      );
    const {
      id,
      variants = {},
      forbidden = {},
      ...names
    } = result.data as { id: string; variants?: Record<string, string[]>; forbidden?: Record<string, string[]> } & Record<string, string>;
    const forms = Object.fromEntries(Object.entries(names).map(([locale, name]) => [locale, [name, ...(variants[locale] ?? [])]]));
    return { id, names, forms, forbidden };
  });
}

/** The course glossary's file, and a chapter's own (its terms added to the course's, or replacing one by id). */
export const COURSE_GLOSSARY = "content/glossary.yaml";
export const chapterGlossaryFile = (chapter: string): string => `chapters/${chapter}/glossary.yaml`;

/** A chapter's glossary: the course's terms, a chapter term with the same id in its place, the chapter's new terms after. */
export function mergeGlossaries(course: readonly GlossaryTerm[], chapter: readonly GlossaryTerm[]): GlossaryTerm[] {
  const own = new Map(chapter.map((t) => [t.id, t]));
  return [...course.map((t) => own.get(t.id) ?? t), ...chapter.filter((t) => !course.some((c) => c.id === t.id))];
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// Scripts written without spaces between words: their word edges come from Intl.Segmenter.
const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
// What continues a word in a spaced script: a letter, a mark, a digit, "_" or "-" ("inter-spike" is not "spike").
const WORD_CHAR = /[\p{L}\p{M}\p{N}_-]/u;

/** Where the locale's word segmenter puts word edges in a text (every segment's start and end). */
function wordEdges(text: string, locale: string): Set<number> {
  const edges = new Set<number>([0, text.length]);
  for (const s of new Intl.Segmenter(locale, { granularity: "word" }).segment(text)) {
    edges.add(s.index);
    edges.add(s.index + s.segment.length);
  }
  return edges;
}

/** A rendering of a glossary term found in a text. */
export interface TermMatch {
  readonly term: GlossaryTerm;
  readonly form: string;
  readonly index: number;
  readonly length: number;
}

/**
 * Every occurrence of the given renderings in a text, case ignored: the longest rendering
 * first and none inside another (インタースパイク間隔 is not スパイク間隔 again), each on word
 * edges. In a spaced script a letter, digit or hyphen next to it makes another word ("means" is
 * not "mean": list plurals as variants); in a script without spaces (Japanese, Chinese, Thai)
 * it must start and end where the locale's word segmenter does (非線形 is not 線形).
 */
export function findForms(text: string, candidates: readonly { term: GlossaryTerm; form: string }[], locale: string): TermMatch[] {
  const sorted = candidates.filter((c) => c.form.length > 0).sort((a, b) => b.form.length - a.form.length);
  const taken = new Uint8Array(text.length);
  let edges: Set<number> | null = null;
  const onEdge = (at: number, spaceless: boolean, neighbour: string | undefined) =>
    spaceless ? (edges ??= wordEdges(text, locale)).has(at) : neighbour === undefined || !WORD_CHAR.test(neighbour);
  const found: TermMatch[] = [];
  for (const { term, form } of sorted) {
    const first = SPACELESS.test(form[0]!);
    const last = SPACELESS.test(form.at(-1)!);
    for (const m of text.matchAll(new RegExp(escape(form), "giu"))) {
      const index = m.index;
      const length = m[0].length;
      if (!onEdge(index, first, text[index - 1]) || !onEdge(index + length, last, text[index + length])) continue;
      if (taken.subarray(index, index + length).some((x) => x === 1)) continue;
      taken.fill(1, index, index + length);
      found.push({ term, form, index, length });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Every accepted rendering of some terms in a locale, as candidates for findForms. */
export function formsOf(terms: readonly GlossaryTerm[], locale: string): { term: GlossaryTerm; form: string }[] {
  return terms.flatMap((term) => (term.forms[locale] ?? []).map((form) => ({ term, form })));
}

/** How many times a text uses any accepted rendering of a term in a locale (longest first, no overlaps). */
export function countTerm(text: string, term: GlossaryTerm, locale: string): number {
  return findForms(text, formsOf([term], locale), locale).length;
}

/**
 * The marker that silences one glossary finding in a translation: `<span
 * data-i18n-ignore="glossary:histogram">…</span>` around a forbidden rendering that is right
 * there, or anywhere in a section whose agreed term is rightly absent.
 */
const IGNORE = /<span\s+data-i18n-ignore="glossary:([a-z][a-z0-9-]*)"\s*(?:\/>|>([^<]{0,2000})<\/span>)/g;

/** A section's prose for the glossary: code, maths, tags and silenced spans left out. */
function prose(text: string): string {
  return blankBlocks(text, () => "")
    .replace(/\$[^$\n]*\$/g, " ")
    .replace(/`[^`\n]*`/g, "")
    .replace(IGNORE, " ")
    .replace(TAG, " ");
}

/** Terms silenced in a section by the marker. */
function silenced(text: string): Set<string> {
  return new Set([...text.matchAll(IGNORE)].map((m) => m[1]!));
}

/** A term of a source section whose agreed rendering its translation lacks, with both counts. */
export interface TermUse {
  readonly term: GlossaryTerm;
  readonly sourceCount: number;
  readonly count: number;
}

/** Every glossary term a source section uses, with its uses there and in the translated section. */
export function termCounts(
  sourceText: string,
  translationText: string,
  glossary: readonly GlossaryTerm[],
  sourceLocale: string,
  locale: string,
): TermUse[] {
  const source = prose(sourceText);
  const target = prose(translationText);
  return glossary
    .filter((term) => term.forms[locale])
    .map((term) => ({ term, sourceCount: countTerm(source, term, sourceLocale), count: countTerm(target, term, locale) }))
    .filter((u) => u.sourceCount > 0);
}

/**
 * The terms a source section uses whose agreed rendering the translated section lacks (code,
 * maths and markup left out; a term silenced in the section is not reported).
 */
export function missingTerms(
  sourceText: string,
  translationText: string,
  glossary: readonly GlossaryTerm[],
  sourceLocale: string,
  locale: string,
): TermUse[] {
  const quiet = silenced(translationText);
  return termCounts(sourceText, translationText, glossary, sourceLocale, locale).filter((u) => u.count === 0 && !quiet.has(u.term.id));
}

/** A forbidden rendering used in a translation, with its line. */
export interface ForbiddenUse {
  readonly term: GlossaryTerm;
  readonly form: string;
  readonly line: number;
}

/** Forbidden renderings in a translated text (line numbers from `firstLine`); silenced spans excepted. */
export function forbiddenUses(text: string, glossary: readonly GlossaryTerm[], locale: string, firstLine = 1): ForbiddenUse[] {
  const uses: ForbiddenUse[] = [];
  // Blank the silenced spans and non-prose, keeping newlines so lines stay where they are.
  const blank = (s: string) => s.replace(/[^\n]/g, " ");
  const clean = blankBlocks(text, blank)
    .replace(/`[^`\n]*`/g, blank)
    .replace(IGNORE, blank);
  // Accepted renderings compete too: a forbidden form inside a longer accepted one is no use of it.
  const forbidden = glossary.flatMap((term) => (term.forbidden[locale] ?? []).map((form) => ({ term, form, bad: true })));
  const candidates = [...formsOf(glossary, locale).map((c) => ({ ...c, bad: false })), ...forbidden];
  const isBad = new Set(forbidden.map((c) => `${c.term.id}\n${c.form}`));
  clean.split("\n").forEach((line, i) => {
    for (const m of findForms(line, candidates, locale))
      if (isBad.has(`${m.term.id}\n${m.form}`)) uses.push({ term: m.term, form: m.form, line: firstLine + i });
  });
  return uses.sort((a, b) => a.line - b.line);
}
