import type { Translate } from "../../api/types.ts";
import { formatMessage, messageArguments, pluralForms } from "./messageFormat.ts";
import { ownString, type StringTable } from "../model/stringTable.ts";

export type { StringTable };

/** A UI string that no layer has: names the key and where it was looked for. */
export class MissingStringError extends Error {}

/**
 * A `t()` over layers of strings, the first layer that has the key winning: a chapter's own
 * strings in the reader's language, then in the source language, then the site's. A key in
 * no layer throws, naming the key, `where` (a chapter, a page) and the file to add it to.
 */
export function layeredTranslator(
  layers: readonly StringTable[],
  where: string,
  locale: string,
  addTo?: string,
  /** Told which layer each string came from (its index in `layers`). */
  onFound?: (key: string, layer: number) => void,
): Translate {
  return (key, params) => {
    for (const [i, layer] of layers.entries()) {
      const template = ownString(layer, key);
      if (template === undefined) continue;
      onFound?.(key, i);
      return formatMessage(template, params, locale);
    }
    throw new MissingStringError(`${where}: no UI string "${key}"${addTo ? `; add it to ${addTo}` : ""}`);
  };
}

/**
 * The `{name}` placeholders of a template (a plural `{name, plural, …}` and a number `{name, number}`
 * included, in any script: `{數量}`), sorted: the ICU parser's argument names, or, for a message
 * that does not parse, what looks like one.
 */
export function placeholders(template: string, locale = "en"): string[] {
  const names = messageArguments(template, locale) ?? [...template.matchAll(/\{\s*([^\s{},#]+)\s*(?:\}|,)/g)].map((m) => m[1]!);
  return [...new Set(names)].sort();
}

/** Placeholders for a message: `{a}, {b}`, or "none". */
export function placeholderList(names: readonly string[]): string {
  return names.length ? `{${names.join("}, {")}}` : "none";
}

/**
 * Plural forms a translation writes without the number the source shows (`{n, plural, other {# spikes}}`
 * translated `{n, plural, other {尖峰}}`: the count disappears), per key.
 */
export function droppedPluralNumbers(
  source: StringTable,
  translation: StringTable,
  sourceLocale: string,
  locale: string,
): { key: string; name: string; forms: string[] }[] {
  const found: { key: string; name: string; forms: string[] }[] = [];
  for (const key of Object.keys(translation)) {
    const want = ownString(source, key);
    const have = translation[key];
    if (want === undefined || typeof have !== "string") continue;
    const theirs = pluralForms(want, sourceLocale);
    const mine = pluralForms(have, locale);
    if (!theirs || !mine) continue;
    for (const [name, plural] of mine)
      if (theirs.get(name)?.showing && plural.silent.length) found.push({ key, name, forms: plural.silent });
  }
  return found;
}

/** Keys whose placeholders differ from the source's: a translation must use exactly the same ones. */
export function placeholderMismatches(source: StringTable, translation: StringTable): { key: string; want: string[]; have: string[] }[] {
  return Object.keys(translation)
    .filter((key) => ownString(source, key) !== undefined && typeof translation[key] === "string")
    .map((key) => ({ key, want: placeholders(source[key]!), have: placeholders(translation[key]!) }))
    .filter((m) => m.want.join() !== m.have.join());
}
