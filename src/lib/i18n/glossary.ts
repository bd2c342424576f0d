import { parse } from "yaml";
import { z } from "zod";

const entrySchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    variants: z.record(z.string(), z.array(z.string())).optional(),
  })
  .catchall(z.union([z.string(), z.record(z.string(), z.array(z.string()))]));

export interface GlossaryTerm {
  readonly id: string;
  /** Locale -> preferred rendering. */
  readonly names: Readonly<Record<string, string>>;
  /** Locale -> every accepted rendering (the preferred one first). */
  readonly forms: Readonly<Record<string, readonly string[]>>;
}

/** Parses content/glossary.yaml, naming the file and entry on any problem. */
export function parseGlossary(text: string, file = "content/glossary.yaml"): GlossaryTerm[] {
  const raw: unknown = parse(text);
  if (!Array.isArray(raw)) throw new Error(`${file}: expected a list of terms`);
  return raw.map((item, i) => {
    const result = entrySchema.safeParse(item);
    if (!result.success)
      throw new Error(`${file}: entry ${i + 1}: ${result.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`).join("; ")}`);
    const { id, variants = {}, ...names } = result.data as { id: string; variants?: Record<string, string[]> } & Record<string, string>;
    const forms = Object.fromEntries(Object.entries(names).map(([locale, name]) => [locale, [name, ...(variants[locale] ?? [])]]));
    return { id, names, forms };
  });
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Where a rendering occurs in text: whole words for alphabetic scripts, anywhere for Japanese. */
export function termPattern(form: string): RegExp {
  return /^[\x20-\x7e]+$/.test(form) ? new RegExp(`(?<![\\w])${escape(form)}(?![\\w])`, "i") : new RegExp(escape(form));
}

/** The glossary terms a text uses in a locale. */
export function termsUsed(text: string, glossary: readonly GlossaryTerm[], locale: string): GlossaryTerm[] {
  return glossary.filter((term) => (term.forms[locale] ?? []).some((form) => termPattern(form).test(text)));
}

/**
 * The terms a source section uses whose agreed rendering the translated section lacks
 * (code and markup are left out: code stays in the source language, tags are not prose).
 */
export function missingTerms(
  sourceText: string,
  translationText: string,
  glossary: readonly GlossaryTerm[],
  sourceLocale: string,
  locale: string,
): GlossaryTerm[] {
  const prose = (t: string) =>
    t
      .replace(/^(```|~~~)[\s\S]*?^\1\s*$/gm, "")
      .replace(/`[^`\n]*`/g, "")
      .replace(/<\/?[A-Za-z][^>]*>/g, " ");
  const target = prose(translationText);
  return termsUsed(prose(sourceText), glossary, sourceLocale).filter(
    (term) => term.forms[locale] && !term.forms[locale].some((form) => termPattern(form).test(target)),
  );
}
