import type { Translate } from "../../api/types.ts";
import { formatMessage } from "./messageFormat.ts";
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

/** The `{name}` placeholders of a template (a plural `{name, plural, …}` and a number `{name, number}` included), sorted. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)(?:\}|\s*,\s*(?:plural\s*,|number\s*\}))/g)].map((m) => m[1]!))].sort();
}

/** Keys whose placeholders differ from the source's: a translation must use exactly the same ones. */
export function placeholderMismatches(source: StringTable, translation: StringTable): { key: string; want: string[]; have: string[] }[] {
  return Object.keys(translation)
    .filter((key) => ownString(source, key) !== undefined && typeof translation[key] === "string")
    .map((key) => ({ key, want: placeholders(source[key]!), have: placeholders(translation[key]!) }))
    .filter((m) => m.want.join() !== m.have.join());
}
