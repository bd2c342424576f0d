import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { isMap, isSeq, parseDocument, type YAMLMap } from "yaml";
import { COURSE_GLOSSARY, parseGlossary } from "../model/glossary.ts";
import type { ContentTree } from "../status/contentTree.ts";
import type { ReadUnit, UnitProblem } from "./apply.ts";
import type { ExchangeFile } from "./exchange.ts";
import { readTextUnits, textUnit } from "./textUnits.ts";

/**
 * The glossaries in the exchange (with `--strings`): the course's (content/glossary.yaml) and each
 * chapter's own (chapters/<chapter>/glossary.yaml), one file each named by the glossary without
 * its extension (`content/glossary`), one unit per term (`@<term id>`): the source's rendering
 * and the locale's agreed one.
 */
export function glossaryFiles(tree: ContentTree): string[] {
  const chapters = join(tree.root, "chapters");
  const own = existsSync(chapters)
    ? readdirSync(chapters, { recursive: true, encoding: "utf8" })
        .filter((f) => f.endsWith("glossary.yaml"))
        .map((f) => join("chapters", f))
        .sort()
    : [];
  return [...(tree.read(COURSE_GLOSSARY) !== null ? [COURSE_GLOSSARY] : []), ...own];
}

/** A glossary file's name in the exchange: its path without `.yaml`. */
export const glossaryLayer = (file: string): string => file.replace(/\.yaml$/, "");

/** Each glossary's terms as an exchange file: the source's rendering, and the locale's when the glossary has one. */
export function glossaryExchangeFiles(tree: ContentTree, locale: string): ExchangeFile[] {
  return glossaryFiles(tree).map((file): ExchangeFile => {
    const terms = parseGlossary(tree.read(file) ?? "[]", file);
    const units = terms
      .filter((t) => t.names[tree.sourceLocale] !== undefined)
      .map((term, i) =>
        textUnit({
          key: term.id,
          section: "glossary",
          kind: "term",
          line: i + 1,
          source: term.names[tree.sourceLocale]!,
          target: term.names[locale] ?? null,
        }),
      );
    return { chapter: glossaryLayer(file), original: file, units };
  });
}

/**
 * A glossary's terms read back: each target becomes the locale's agreed rendering of its term,
 * written into the YAML file in place (its comments and other entries kept). A term whose source
 * rendering or project rendering changed since the export is skipped (the latter unless `force`).
 */
export function applyGlossaryImport(
  tree: ContentTree,
  file: string,
  locale: string,
  units: readonly ReadUnit[],
  force = false,
): { file: string; text: string | null; imported: string[]; skipped: UnitProblem[]; refused: UnitProblem[] } {
  const text = tree.read(file) ?? "[]";
  const doc = parseDocument(text, { keepSourceTokens: false });
  const current = new Map(
    glossaryExchangeFiles(tree, locale)
      .find((f) => f.original === file)
      ?.units.map((u) => [u.id, u]) ?? [],
  );
  const { values, skipped, refused } = readTextUnits(units, current, force);
  const imported: string[] = [];
  const seq = doc.contents;
  for (const [id, value] of values) {
    const entry = isSeq(seq) ? seq.items.find((item) => isMap(item) && String(item.get("id")) === id.slice(1)) : undefined;
    if (!isMap(entry)) continue;
    const map = entry as YAMLMap;
    if (map.has(locale)) map.set(locale, value);
    else {
      // Beside the other renderings, before the term's variants and forbidden forms.
      const at = map.items.findIndex((pair) =>
        ["variants", "forbidden"].includes(String((pair.key as { value?: unknown }).value ?? pair.key)),
      );
      map.items.splice(at < 0 ? map.items.length : at, 0, doc.createPair(locale, value));
    }
    imported.push(id);
  }
  const out = imported.length ? doc.toString({ lineWidth: 0, flowCollectionPadding: false }) : null;
  if (out !== null) parseGlossary(out, file); // what is written still reads as a glossary
  return { file, text: out, imported, skipped, refused };
}
