import { schemaIssues } from "../../lib/schemaIssues.ts";
import { uiStringsSchema, type UiKey, type UiStrings } from "./schema.ts";
import { orderLocales } from "../../site.ts";
import { formatMessage } from "./messageFormat.ts";
import { isLocaleFile, uiStringsFile } from "../locales.ts";

// Every src/translation/ui/<locale>.json: adding a locale is adding its file (and its content folder).
const RAW: Record<string, unknown> = Object.fromEntries(
  Object.entries(import.meta.glob<unknown>("../ui/*.json", { eager: true, import: "default" }))
    .filter(([path]) => isLocaleFile(path.slice("../ui/".length)))
    .map(([path, strings]) => [path.replace(/^\.\.\/ui\/(.*)\.json$/, "$1"), strings]),
);

/** The site's locales: those with UI strings, in the site's order of preference. */
export function siteLocales(): string[] {
  return orderLocales(Object.keys(RAW));
}

const parsed = new Map<string, UiStrings>();

/**
 * A locale's UI strings, checked against the strict schema: a missing or unknown key throws,
 * naming the file and the keys, so the build stops.
 */
export function uiStrings(locale: string): UiStrings {
  let strings = parsed.get(locale);
  if (!strings) {
    const raw = RAW[locale];
    if (raw === undefined) throw new Error(`${uiStringsFile(locale)}: no UI strings for locale "${locale}"`);
    const result = uiStringsSchema.safeParse(raw);
    if (!result.success) {
      const issues = schemaIssues(result.error)
        .map((i) => `${i.path || "(root)"}: ${i.message}`)
        .join("; ");
      throw new Error(`${uiStringsFile(locale)}: ${issues}`);
    }
    strings = result.data;
    parsed.set(locale, strings);
  }
  return strings;
}

export { formatMessage };

export type Translate = (key: UiKey, params?: Record<string, string | number>) => string;

/** The `t()` of one locale. */
export function translator(locale: string): Translate {
  const strings = uiStrings(locale);
  return (key, params) => formatMessage(strings[key], params, locale);
}
