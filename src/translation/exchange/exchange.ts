import { compareChapter, type SectionReport, type SectionStatus } from "../model/status.ts";
import type { ContentTree } from "../status/contentTree.ts";
import { inlineKey, targetFingerprint, unitInline, type Code, type Inline } from "./inline.ts";
import { TranslationMemory, type MemoryEntry, type MemoryMatch } from "./memory.ts";
import { META, segmentsOf } from "./segments.ts";
import { aligned, bySection, chapterUnits } from "./units.ts";

/** A unit as every exchange format writes it. */
export interface ExchangeUnit {
  /** `<section>.<n>`. */
  readonly id: string;
  readonly section: string;
  /** "heading", "paragraph", "prop:Video.title", "meta:title". */
  readonly kind: string;
  readonly status: SectionStatus;
  /** The line of the source file where the unit is. */
  readonly line: number;
  readonly source: Inline[];
  /** The current translation, when the section is translated; null otherwise. */
  readonly target: Inline[] | null;
  readonly codes: ReadonlyMap<string, Code>;
  /** Translations already made for the same or similar text elsewhere (best first); empty when the unit is current. */
  readonly matches: readonly MemoryMatch[];
  /** The same unit as the course's other translations have it (current ones only): references to read, never to fill in. */
  readonly references: readonly { readonly locale: string; readonly target: Inline[] }[];
  /** The project's target now, as a fingerprint (targetFingerprint): an import of this file checks the project still has it. */
  readonly fingerprint: string;
  /** For a stale unit: the source text its translation was made from, when git has it (a CAT tool shows the difference). */
  readonly previousSource: Inline[] | null;
  /**
   * A string that is one ICU plural, as gettext writes plurals: the argument, the source's forms by
   * category, the target language's categories in msgstr order with its Plural-Forms header, and
   * the translation's forms (null when there is none). Only PO uses it; XLIFF keeps the ICU text.
   */
  readonly plural?: {
    readonly name: string;
    readonly source: Readonly<Record<string, string>>;
    readonly categories: readonly string[];
    readonly header: string;
    readonly target: Readonly<Record<string, string>> | null;
  };
}

/** One chapter's units in an exchange file. */
export interface ExchangeFile {
  readonly chapter: string;
  /** The translation's path, content/<locale>/<chapter>/index.mdx. */
  readonly original: string;
  readonly units: readonly ExchangeUnit[];
}

/** What an export writes, in any format. */
export interface ExchangeDocument {
  readonly srcLang: string;
  readonly trgLang: string;
  readonly files: readonly ExchangeFile[];
}

/** Each source section's state in a locale's translation of a chapter (a partial one with its translated units). */
export function sectionStates(tree: ContentTree, locale: string, chapter: string): Map<string, SectionReport> {
  const source = tree.read(tree.file(tree.sourceLocale, chapter))!;
  return new Map(
    compareChapter(source, tree.read(tree.file(locale, chapter)), tree.provenance(locale, chapter)).map((r) => [r.section, r]),
  );
}

/**
 * For each stale section whose older source git still has (with the same units, kind for kind):
 * per unit, its source text then, or null when it did not change. A unit whose source did not
 * change is not stale: only the units whose text changed are.
 */
function previousSources(
  tree: ContentTree,
  chapter: string,
  sourceMdx: string,
  states: ReadonlyMap<string, SectionReport>,
): Map<string, Inline[] | null> {
  const previous = new Map<string, Inline[] | null>();
  const now = bySection(segmentsOf(sourceMdx));
  for (const [section, state] of states) {
    if (state.status !== "stale" || !state.recordedHash) continue;
    const old = tree.sourceSectionAt(chapter, section, state.recordedHash);
    if (old === null) continue;
    let then;
    try {
      then = bySection(segmentsOf(old)).get(section);
    } catch {
      continue; // an old text the parser refuses now: the section stays stale as a whole
    }
    const segs = now.get(section);
    if (!then || !aligned(then, segs)) continue;
    segs!.forEach((seg, i) => {
      const before = unitInline(then[i]!, null).source;
      previous.set(`${section}.${i + 1}`, inlineKey(before) === inlineKey(unitInline(seg, null).source) ? null : before);
    });
  }
  return previous;
}

/**
 * A chapter's units as inline content. A frontmatter field whose translation is still the
 * source's text is not translated (it is exported without a target, never as `final`). In a
 * stale section only the units whose source changed are stale, each with its older source.
 */
function chapterExchangeUnits(tree: ContentTree, locale: string, chapter: string): Omit<ExchangeUnit, "matches" | "references">[] {
  const sourceMdx = tree.read(tree.file(tree.sourceLocale, chapter))!;
  const states = sectionStates(tree, locale, chapter);
  const units = chapterUnits(sourceMdx, tree.read(tree.file(locale, chapter)), states);
  const previous = units.some((u) => u.status === "stale")
    ? previousSources(tree, chapter, sourceMdx, states)
    : new Map<string, Inline[] | null>();
  return units.map((unit) => {
    const inline = unitInline(unit.source, unit.target);
    const same = unit.section === META && inline.target !== null && inlineKey(inline.target) === inlineKey(inline.source);
    const before = previous.get(unit.id);
    const status: SectionStatus = same ? "untranslated" : unit.status === "stale" && before === null ? "current" : unit.status;
    return {
      id: unit.id,
      section: unit.section,
      kind: unit.kind,
      status,
      line: unit.source.line,
      source: inline.source,
      target: same ? null : inline.target,
      codes: inline.codes,
      fingerprint: targetFingerprint(same ? null : inline.target),
      previousSource: status === "stale" ? (before ?? null) : null,
    };
  });
}

/** A locale's chapters as exchange units, each chapter read and compared once however often it is asked for. */
export function unitReader(tree: ContentTree, locale: string): (chapter: string) => Omit<ExchangeUnit, "matches" | "references">[] {
  const read = new Map<string, Omit<ExchangeUnit, "matches" | "references">[]>();
  return (chapter) => read.get(chapter) ?? read.set(chapter, chapterExchangeUnits(tree, locale, chapter)).get(chapter)!;
}

/** Every current translation a locale has, in every chapter: the memory its exports draw on. */
export function courseMemory(tree: ContentTree, locale: string, unitsOf = unitReader(tree, locale)): TranslationMemory {
  const entries: MemoryEntry[] = [];
  for (const chapter of tree.chapters())
    for (const unit of unitsOf(chapter))
      if (unit.status === "current" && unit.target)
        entries.push({ origin: `${chapter}#${unit.id}`, source: unit.source, target: unit.target, codes: unit.codes });
  return new TranslationMemory(entries);
}

/**
 * A locale's chapters (all, or those asked for) as an exchange document: every unit, its
 * translation, and, with `withMemory`, for a unit that is not current, the memory's matches
 * and the other translations' current text of the same unit (a Japanese translator's work is a
 * reference for a Chinese one: shown as such, never written as a target).
 */
export function exportDocument(
  tree: ContentTree,
  locale: string,
  chapters: readonly string[],
  withMemory: boolean,
  unitsOf = unitReader(tree, locale),
): ExchangeDocument {
  const memory = withMemory ? courseMemory(tree, locale, unitsOf) : null;
  const others = withMemory
    ? tree
        .locales()
        .filter((l) => l !== locale && l !== tree.sourceLocale)
        .map((l) => ({ locale: l, unitsOf: unitReader(tree, l) }))
    : [];
  const referencesOf = (chapter: string, unit: Omit<ExchangeUnit, "matches" | "references">) =>
    others.flatMap((other) => {
      const theirs = other.unitsOf(chapter).find((u) => u.id === unit.id);
      const fits =
        theirs?.status === "current" &&
        theirs.target !== null &&
        inlineKey(theirs.source) === inlineKey(unit.source) &&
        theirs.target.every((i) => "text" in i || unit.codes.has("ph" in i ? i.ph : "open" in i ? i.open : i.close));
      return fits ? [{ locale: other.locale, target: theirs.target }] : [];
    });
  return {
    srcLang: tree.sourceLocale,
    trgLang: locale,
    files: chapters.map((chapter) => ({
      chapter,
      original: tree.file(locale, chapter),
      units: unitsOf(chapter).map((unit) => ({
        ...unit,
        matches: memory && unit.status !== "current" ? memory.matches(`${chapter}#${unit.id}`, unit.source, unit.codes) : [],
        references: unit.status !== "current" ? referencesOf(chapter, unit) : [],
      })),
    })),
  };
}
