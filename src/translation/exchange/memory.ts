import { distance } from "fastest-levenshtein";
import type { Code, Inline } from "./inline.ts";

/** A translated unit the memory holds: where it is, its source and translation, its codes. */
export interface MemoryEntry {
  /** `<chapter>#<unit id>`. */
  readonly origin: string;
  readonly source: readonly Inline[];
  readonly target: readonly Inline[];
  readonly codes: ReadonlyMap<string, Code>;
}

/** A suggestion for a unit: a translation already made for the same or a similar source. */
export interface MemoryMatch {
  readonly origin: string;
  /** 0-100: 100 for the same text and codes, less as the sources differ (edit distance). */
  readonly similarity: number;
  /** The entry's source and its translation, with codes renamed to the unit's (codes it cannot map left out). */
  readonly source: Inline[];
  readonly target: Inline[];
}

/** The least similarity offered as a near match, in percent. */
export const NEAR_MATCH = 75;

// Codes compared as single characters (private use) so that moving one counts as an edit.
const PH = "\uE000";
const OPEN = "\uE001";
const CLOSE = "\uE002";
const comparable = (inline: readonly Inline[]) =>
  inline.map((i) => ("text" in i ? i.text : "ph" in i ? PH : "open" in i ? OPEN : CLOSE)).join("");
const codeData = (inline: readonly Inline[], codes: ReadonlyMap<string, Code>) =>
  inline
    .flatMap((i) => {
      const c = codes.get("ph" in i ? i.ph : "open" in i ? i.open : "");
      return c ? [c.kind === "ph" ? c.data : `${c.start}\u0000${c.end}`] : [];
    })
    .join("\u0001");

/**
 * A translation memory: every unit a locale already has a current translation for (any chapter,
 * any section). `matches` offers, for a unit's source, the entries whose source is the same or
 * similar enough, best first; an entry is never offered to itself.
 */
export class TranslationMemory {
  private readonly entries: { entry: MemoryEntry; text: string; data: string }[];

  constructor(entries: readonly MemoryEntry[]) {
    this.entries = entries.map((entry) => ({ entry, text: comparable(entry.source), data: codeData(entry.source, entry.codes) }));
  }

  get size(): number {
    return this.entries.length;
  }

  matches(origin: string, source: readonly Inline[], codes: ReadonlyMap<string, Code>, limit = 3): MemoryMatch[] {
    const text = comparable(source);
    const data = codeData(source, codes);
    if (!text.trim()) return [];
    const found: MemoryMatch[] = [];
    const seen = new Set<string>();
    for (const { entry, text: other, data: otherData } of this.entries) {
      if (entry.origin === origin) continue;
      const longest = Math.max(text.length, other.length);
      // Too different in length to reach a near match: skip the distance.
      if ((Math.min(text.length, other.length) / longest) * 100 < NEAR_MATCH) continue;
      const exact = text === other && data === otherData;
      const similarity = exact ? 100 : Math.min(99, Math.floor((1 - distance(text, other) / longest) * 100));
      if (similarity < NEAR_MATCH) continue;
      const target = renameCodes(entry.target, entry.codes, entry.source, source, codes);
      const key = `${similarity}\u0000${JSON.stringify(target)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({ origin: entry.origin, similarity, source: renameCodes(entry.source, entry.codes, entry.source, source, codes), target });
    }
    return found.sort((a, b) => b.similarity - a.similarity || a.origin.localeCompare(b.origin)).slice(0, limit);
  }
}

/**
 * An entry's inline content with its codes renamed to the unit's: the entry source's n-th
 * placeholder (pair) is the unit's n-th placeholder (pair); codes with no counterpart are left
 * out (a pair's text stays).
 */
function renameCodes(
  inline: readonly Inline[],
  entryCodes: ReadonlyMap<string, Code>,
  entrySource: readonly Inline[],
  unitSource: readonly Inline[],
  unitCodes: ReadonlyMap<string, Code>,
): Inline[] {
  const order = (xs: readonly Inline[], codes: ReadonlyMap<string, Code>, kind: Code["kind"]) =>
    xs.flatMap((i) => ("ph" in i ? [i.ph] : "open" in i ? [i.open] : [])).filter((id) => codes.get(id)?.kind === kind);
  const rename = new Map<string, string>();
  for (const kind of ["ph", "pc"] as const) {
    const mine = order(unitSource, unitCodes, kind);
    order(entrySource, entryCodes, kind).forEach((id, n) => {
      if (mine[n] !== undefined) rename.set(id, mine[n]);
    });
  }
  return inline.flatMap((i): Inline[] => {
    if ("text" in i) return [i];
    if ("ph" in i) return rename.has(i.ph) ? [{ ph: rename.get(i.ph)! }] : [];
    if ("open" in i) return rename.has(i.open) ? [{ open: rename.get(i.open)! }] : [];
    return rename.has(i.close) ? [{ close: rename.get(i.close)! }] : [];
  });
}

/** How much of a chapter the memory covers: units and source words with an exact, a near or no match. */
export interface Leverage {
  readonly units: number;
  readonly words: number;
  readonly exact: { readonly units: number; readonly words: number };
  readonly near: { readonly units: number; readonly words: number };
  readonly none: { readonly units: number; readonly words: number };
}

/** Words in a text, as `Intl.Segmenter` finds them in its language. */
export function wordCount(text: string, locale: string): number {
  let n = 0;
  for (const s of new Intl.Segmenter(locale, { granularity: "word" }).segment(text)) if (s.isWordLike) n++;
  return n;
}

/** The memory's leverage on a list of units (each offered matches from everything but itself). */
export function leverage(
  memory: TranslationMemory,
  units: readonly { origin: string; source: readonly Inline[]; codes: ReadonlyMap<string, Code> }[],
  sourceLocale: string,
): Leverage {
  const tally = { exact: { units: 0, words: 0 }, near: { units: 0, words: 0 }, none: { units: 0, words: 0 } };
  let words = 0;
  for (const unit of units) {
    const w = wordCount(unit.source.map((i) => ("text" in i ? i.text : " ")).join(""), sourceLocale);
    words += w;
    const best = memory.matches(unit.origin, unit.source, unit.codes, 1)[0];
    const bucket = !best ? tally.none : best.similarity === 100 ? tally.exact : tally.near;
    bucket.units++;
    bucket.words += w;
  }
  return { units: units.length, words, ...tally };
}
