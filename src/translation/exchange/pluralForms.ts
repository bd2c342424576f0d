import { getExamples, getPluralFormsHeader, hasLang } from "plural-forms";

/** The CLDR plural categories an ICU message may name. */
const CATEGORIES = new Set(["zero", "one", "two", "few", "many", "other"]);

/**
 * A language's plural forms as gettext numbers them: the `Plural-Forms` header (gettext's own
 * table, from the plural-forms package) and, for each msgstr index, the CLDR category it stands
 * for (found by asking Intl.PluralRules about the table's sample number for that index). Null
 * when the table does not know the language, or two indices would be one category.
 */
export function poPluralForms(locale: string): { header: string; categories: string[] } | null {
  let examples: { plural: number; sample: number }[];
  let header: string;
  try {
    if (!hasLang(locale)) return null;
    examples = getExamples(locale);
    header = getPluralFormsHeader(locale);
  } catch {
    return null;
  }
  const rules = new Intl.PluralRules(locale);
  const categories = [...examples].sort((a, b) => a.plural - b.plural).map((e) => rules.select(e.sample));
  if (new Set(categories).size !== categories.length) return null;
  return { header: header.replace(/\s*=\s*/g, "=").replace(/;?\s*$/, ";"), categories };
}

/**
 * A message that is one plural and nothing else (`{count, plural, one {# match} other {# matches}}`),
 * its argument and its forms by CLDR category as written; null for any other message (text
 * around it, an exact `=0` form, an offset, a select): those stay ICU text in the exchange.
 */
export function simplePlural(message: string): { name: string; forms: Record<string, string> } | null {
  const head = /^\{\s*([\p{L}\p{N}_]+)\s*,\s*plural\s*,/u.exec(message);
  if (!head) return null;
  const forms: Record<string, string> = {};
  let at = head[0].length;
  for (;;) {
    const key = /^\s*([a-z]+|=\d+|offset:\d+)\s*/.exec(message.slice(at));
    if (!key) break;
    if (!CATEGORIES.has(key[1]!)) return null;
    at += key[0].length;
    if (message[at] !== "{") return null;
    let depth = 0;
    let end = at;
    for (; end < message.length; end++) {
      if (message[end] === "{") depth++;
      else if (message[end] === "}" && --depth === 0) break;
    }
    if (depth !== 0) return null;
    forms[key[1]!] = message.slice(at + 1, end);
    at = end + 1;
  }
  return /^\s*\}$/.test(message.slice(at)) && forms.other !== undefined ? { name: head[1]!, forms } : null;
}

/** An ICU plural from a language's forms in gettext's order (an `other` form always present, as ICU requires). */
export function icuPlural(name: string, categories: readonly string[], forms: readonly string[]): string {
  const parts = categories.map((c, i) => `${c} {${forms[i] ?? ""}}`);
  if (!categories.includes("other")) parts.push(`other {${forms.at(-1) ?? ""}}`);
  return `{${name}, plural, ${parts.join(" ")}}`;
}
