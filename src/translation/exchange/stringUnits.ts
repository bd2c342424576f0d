import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { UI_STRINGS_DIR } from "../locales.ts";
import { parseStringTable, type StringTable } from "../model/stringTable.ts";
import { messageProblem } from "../strings/messageFormat.ts";
import { droppedPluralNumbers, placeholderList, placeholderMismatches } from "../strings/strings.ts";
import type { ContentTree } from "../status/contentTree.ts";
import type { ReadUnit, UnitProblem } from "./apply.ts";
import type { ExchangeFile, ExchangeUnit } from "./exchange.ts";
import { inlineKey, plainText } from "./inline.ts";
import { textUnit } from "./textUnits.ts";
import { icuPlural, poPluralForms, simplePlural } from "./pluralForms.ts";
import { formatProblem } from "../../lib/problem.ts";

/**
 * The site's, the chapters' and the datasets' strings in the exchange: one file per layer
 * (`src/translation/ui`, `chapters/<chapter>/strings`, `datasets/<dataset>/strings`), one unit
 * per key, named `@<key>` (so `src/translation/ui#@search.results` in PO and XLIFF 1.2). The text
 * is the ICU message as written (`{count, plural, one {# section matches} other {…}}`); an import
 * checks it as the build does before a file is written.
 */
const STRING_ID = /^@([\w.-]+)$/;

/** The folders of string layers a project has, the site's first. */
export function stringLayers(tree: ContentTree): string[] {
  const under = (dir: string) => {
    const full = join(tree.root, dir);
    if (!existsSync(full)) return [];
    return readdirSync(full, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(`strings/${tree.sourceLocale}.json`))
      .map((f) => join(dir, f.slice(0, -`/${tree.sourceLocale}.json`.length)))
      .sort();
  };
  return [UI_STRINGS_DIR, ...under("chapters"), ...under("datasets")];
}

/** Whether a file read back from an exchange file holds strings (its units are `@<key>`), not a chapter's text. */
export function isStringsFile(units: readonly { readonly id: string }[]): boolean {
  return units.length > 0 && units.every((u) => STRING_ID.test(u.id));
}

/** The layer a strings file read back names: its folder (PO, XLIFF 1.2) or its locale's file (XLIFF 2.0 `original`). */
export function layerOf(tree: ContentTree, named: { chapter?: string | undefined; original?: string | undefined }): string | undefined {
  const layers = stringLayers(tree);
  if (named.chapter !== undefined) return layers.find((l) => l === named.chapter);
  return layers.find((l) => named.original?.startsWith(`${l}/`) && named.original.endsWith(".json"));
}

function readTable(tree: ContentTree, file: string): StringTable {
  const text = tree.read(file);
  if (text === null) return {};
  const parsed = parseStringTable(text, file);
  if ("problems" in parsed) throw new Error(parsed.problems.map(formatProblem).join("\n"));
  return parsed.table;
}

/** A layer's allowed identical keys for a locale (`identical.json`): strings rightly left as the source's. */
function identicalKeys(tree: ContentTree, layer: string, locale: string): Set<string> {
  try {
    const parsed = JSON.parse(tree.read(join(layer, "identical.json")) ?? "{}") as Record<string, unknown>;
    const keys = parsed[locale];
    return new Set(Array.isArray(keys) ? keys.filter((k): k is string => typeof k === "string") : []);
  } catch {
    return new Set();
  }
}

/**
 * A locale's strings as exchange files, a layer each: every key of the source's, its text, and
 * the locale's translation when it has one (a value left identical to the source's is not a
 * translation, unless the layer's identical.json lists it).
 */
export function stringFiles(tree: ContentTree, locale: string): ExchangeFile[] {
  return stringLayers(tree).map((layer): ExchangeFile => {
    const source = readTable(tree, join(layer, `${tree.sourceLocale}.json`));
    const mine = readTable(tree, join(layer, `${locale}.json`));
    const same = identicalKeys(tree, layer, locale);
    const forms = poPluralForms(locale);
    const units = Object.entries(source).map(([key, text], i): ExchangeUnit => {
      const have = Object.hasOwn(mine, key) ? mine[key]! : null;
      const translated = have !== null && (have !== text || same.has(key));
      const plural = simplePlural(text);
      const unit = textUnit({ key, section: "strings", kind: "string", line: i + 2, source: text, target: translated ? have : null });
      if (!plural || !forms) return unit;
      const target = translated ? (simplePlural(have)?.forms ?? null) : null;
      return { ...unit, plural: { name: plural.name, source: plural.forms, categories: forms.categories, header: forms.header, target } };
    });
    return { chapter: layer, original: join(layer, `${locale}.json`), units };
  });
}

/** What importing a layer's strings gives: the file to write (if anything changed), what was taken and left. */
export interface StringsImport {
  readonly file: string;
  readonly text: string | null;
  readonly imported: readonly string[];
  readonly skipped: readonly UnitProblem[];
  readonly refused: readonly UnitProblem[];
}

/**
 * A layer's strings read back: each target is checked as the build checks a strings file (a
 * valid ICU message, the source's placeholders, a plural's number kept) and written as the
 * locale's value; a unit whose source or project translation changed since the export is
 * skipped (unless `force`, for the latter). A site strings file the locale lacks starts as the
 * source's (every key is required there); a chapter's or dataset's holds only what is translated.
 */
export function applyStringsImport(
  tree: ContentTree,
  layer: string,
  locale: string,
  units: readonly ReadUnit[],
  force = false,
): StringsImport {
  const file = join(layer, `${locale}.json`);
  const source = readTable(tree, join(layer, `${tree.sourceLocale}.json`));
  const exists = tree.read(file) !== null;
  const before = readTable(tree, file);
  const table: Record<string, string> = { ...(exists || layer !== UI_STRINGS_DIR ? {} : source), ...before };
  const current = stringFiles(tree, locale).find((f) => f.chapter === layer)!;
  const byId = new Map(current.units.map((u) => [u.id, u]));
  const imported: string[] = [];
  const skipped: UnitProblem[] = [];
  const refused: UnitProblem[] = [];
  for (let read of units) {
    const unit = byId.get(read.id);
    const key = read.id.slice(1);
    if (!unit) {
      skipped.push({ id: read.id, reason: `${layer} has no string "${key}" now: export again` });
      continue;
    }
    // A gettext plural entry: its source is the plural's forms, its target the language's forms in order.
    if (read.plural) {
      const p = unit.plural;
      const singular = p ? (p.source.one ?? p.source.other) : undefined;
      if (!p || plainText(read.source) !== singular || read.plural.sourcePlural !== p.source.other) {
        skipped.push({ id: read.id, reason: "its source text changed since the export: export again" });
        continue;
      }
      if (read.plural.forms.every((f) => f.trim() === "")) continue;
      if (read.plural.forms.some((f) => f.trim() === "")) {
        refused.push({ id: read.id, reason: `every plural form (${p.categories.join(", ")}) needs its text` });
        continue;
      }
      read = { ...read, source: unit.source, target: [{ text: icuPlural(p.name, p.categories, read.plural.forms) }] };
    }
    if (inlineKey(read.source) !== inlineKey(unit.source)) {
      skipped.push({ id: read.id, reason: "its source text changed since the export: export again" });
      continue;
    }
    if (read.target === null || plainText(read.target).trim() === "") continue;
    if (read.target.some((i) => !("text" in i))) {
      refused.push({ id: read.id, reason: "a string has no codes: write its text, with {placeholders} as the source has them" });
      continue;
    }
    const text = plainText(read.target);
    if (!force && read.fingerprint !== undefined && read.fingerprint !== unit.fingerprint && text !== (before[key] ?? null)) {
      skipped.push({
        id: read.id,
        reason: `its translation in the project changed since the export (the project's: "${before[key] ?? ""}"): export again, or import with --force to replace it`,
      });
      continue;
    }
    const problem =
      messageProblem(text, locale) ??
      placeholderMismatches({ [key]: source[key]! }, { [key]: text }).map(
        (m) => `its placeholders are ${placeholderList(m.have)}, the source's ${placeholderList(m.want)}`,
      )[0] ??
      droppedPluralNumbers({ [key]: source[key]! }, { [key]: text }, tree.sourceLocale, locale).map(
        (d) => `the plural {${d.name}} shows no number in its form(s) ${d.forms.join(", ")}: write # where the number goes`,
      )[0];
    if (problem) {
      refused.push({ id: read.id, reason: problem });
      continue;
    }
    table[key] = text;
    imported.push(read.id);
  }
  // The source's key order, then keys only the locale's file has.
  const order = [
    ...Object.keys(source).filter((k) => Object.hasOwn(table, k)),
    ...Object.keys(table).filter((k) => !Object.hasOwn(source, k)),
  ];
  const ordered: Record<string, string> = {};
  for (const k of order) ordered[k] = table[k]!;
  const text = `${JSON.stringify(ordered, null, 2)}\n`;
  const changed = imported.length > 0 && text !== tree.read(file);
  return { file, text: changed ? text : null, imported, skipped, refused };
}
