import { parse } from "yaml";
import { blankBlocks, TAG } from "../../lib/text/blankCode.ts";
import { z } from "zod";

const localeForms = z.record(z.string(), z.array(z.string()));
const entrySchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    variants: localeForms.optional(),
    forbidden: localeForms.optional(),
  })
  .catchall(z.union([z.string(), localeForms]));

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
  if (!Array.isArray(raw)) throw new Error(`${file}: expected a list of terms`);
  return raw.map((item, i) => {
    const result = entrySchema.safeParse(item);
    if (!result.success)
      throw new Error(`${file}: entry ${i + 1}: ${result.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`);
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

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Where a rendering occurs in text. Alphabetic forms match whole words: a letter, digit or
 * hyphen next to it makes another word, so "inter-spike" is not "spike" (and "means" is not
 * "mean": list plurals as variants).
 * Japanese has no spaces: a form matches anywhere.
 */
export function termPattern(form: string, flags = "i"): RegExp {
  return /^[\x20-\x7e]+$/.test(form)
    ? new RegExp(`(?<![\\w-])${escape(form)}(?![\\w-])`, flags)
    : new RegExp(escape(form), flags.replace("i", ""));
}

/** How many times a text uses any accepted rendering of a term in a locale (longest first, no overlaps). */
export function countTerm(text: string, term: GlossaryTerm, locale: string): number {
  const forms = [...(term.forms[locale] ?? [])].sort((a, b) => b.length - a.length);
  let rest = text;
  let count = 0;
  for (const form of forms) {
    const pattern = termPattern(form, "gi");
    count += [...rest.matchAll(pattern)].length;
    rest = rest.replace(pattern, " ");
  }
  return count;
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
  const lines = clean.split("\n");
  for (const term of glossary)
    for (const form of term.forbidden[locale] ?? [])
      lines.forEach((line, i) => {
        if (termPattern(form).test(line)) uses.push({ term, form, line: firstLine + i });
      });
  return uses.sort((a, b) => a.line - b.line);
}
