import { componentKey, componentsIn, type ComponentUse } from "./components.ts";
import type { Provenance } from "./provenance.ts";
import { PROSE_PROPS } from "./proseProps.ts";
import { sectionHash, splitSections, type Section } from "./sections.ts";

/**
 * A section of a translation is `current` (translated from the source as it is now), `stale`
 * (translated from an older source), `partial` (some of its units translated, the others still
 * the source's), `untranslated` (in the file but no translation recorded: a copied source, a new
 * locale), `missing` (not in the file) or `extra` (not in the source).
 */
export type SectionStatus = "current" | "stale" | "partial" | "untranslated" | "missing" | "extra";

/** Every state, in the order reports list them. */
export const SECTION_STATES: readonly SectionStatus[] = ["current", "stale", "partial", "untranslated", "missing", "extra"];

/** The states whose text a reader gets from the source, marked as such. */
export const FROM_SOURCE: ReadonlySet<SectionStatus> = new Set(["untranslated", "missing"]);

export interface SectionReport {
  readonly section: string;
  readonly status: SectionStatus;
  /** Hash of the source section now, and the one the translation recorded (if any). */
  readonly sourceHash?: string;
  readonly recordedHash?: string;
  /** Where to edit: the translation's heading line, or the source's for a missing section. */
  readonly line?: number;
  readonly sourceLine?: number;
  /** For a partial section: the units translated (1-based), and whether the source changed since they were. */
  readonly translatedUnits?: readonly number[];
  readonly unitsStale?: boolean;
}

/** What the exchange needs of a section's state: its status and, when partial, which units are translated. */
export type SectionState = Pick<SectionReport, "status" | "translatedUnits" | "unitsStale">;

/** A unit's own state in a section in this state (`n` 1-based): a partial section's units are current (or stale) or untranslated one by one. */
export function unitStatus(state: SectionState, n: number): SectionStatus {
  if (state.status !== "partial") return state.status;
  if (!state.translatedUnits?.includes(n)) return "untranslated";
  return state.unitsStale ? "stale" : "current";
}

/** A structural difference between a translation and its source (fails `i18n:check`). */
export interface StructureProblem {
  readonly section: string;
  readonly line: number;
  readonly message: string;
}

/**
 * Compares a translated chapter with its source, section by section: `current` when the
 * recorded hash matches the source section now, `stale` when it does not, `partial` when only
 * some units are recorded, `untranslated` when nothing is recorded (or there is no translation
 * file), `missing` / `extra` when the ids differ.
 */
export function compareChapter(sourceMdx: string, translationMdx: string | null, provenance: Provenance | null): SectionReport[] {
  const source = splitSections(sourceMdx).sections;
  if (translationMdx === null)
    return source.map((s) => ({ section: s.id, status: "untranslated", sourceHash: sectionHash(s.text), sourceLine: s.line }));
  const translated = new Map(splitSections(translationMdx).sections.map((s) => [s.id, s]));
  const reports: SectionReport[] = source.map((s): SectionReport => {
    const t = translated.get(s.id);
    const sourceHash = sectionHash(s.text);
    if (!t) return { section: s.id, status: "missing", sourceHash, sourceLine: s.line };
    const recordedHash = provenance?.sections[s.id];
    const base = { section: s.id, sourceHash, line: t.line, sourceLine: s.line, ...(recordedHash ? { recordedHash } : {}) };
    const partial = recordedHash ? undefined : provenance?.partial?.[s.id];
    if (partial?.units.length)
      return {
        ...base,
        status: "partial",
        recordedHash: partial.source,
        translatedUnits: partial.units,
        unitsStale: partial.source !== sourceHash,
      };
    return { ...base, status: !recordedHash ? "untranslated" : recordedHash === sourceHash ? "current" : "stale" };
  });
  const sourceIds = new Set(source.map((s) => s.id));
  for (const t of translated.values()) if (!sourceIds.has(t.id)) reports.push({ section: t.id, status: "extra", line: t.line });
  return reports;
}

/**
 * Structural problems of a translation: sections in another order, and in each translated
 * section a component missing, added, or with different props (translatable prose props aside).
 */
export function structureProblems(sourceMdx: string, translationMdx: string): StructureProblem[] {
  const source = splitSections(sourceMdx).sections;
  const split = splitSections(translationMdx);
  const problems: StructureProblem[] = split.problems.map((p) => ({ section: "", line: p.line, message: p.message }));
  const translated = new Map(split.sections.map((s) => [s.id, s]));
  const order = split.sections.map((s) => s.id).filter((id) => source.some((s) => s.id === id));
  const sourceOrder = source.map((s) => s.id).filter((id) => translated.has(id));
  if (order.join() !== sourceOrder.join()) {
    const first = order.findIndex((id, i) => id !== sourceOrder[i]);
    problems.push({
      section: order[first]!,
      line: translated.get(order[first]!)!.line,
      message: `sections are in a different order than in the source (expected "${sourceOrder[first]}" here)`,
    });
  }
  // Each file's components read once from its whole tree, then taken section by section.
  const sourceUses = componentsIn(sourceMdx);
  const translationUses = componentsIn(translationMdx);
  const within = (uses: readonly ComponentUse[], s: Section) => uses.filter((u) => u.line >= s.line && u.line <= s.lastLine);
  for (const s of source) {
    const t = translated.get(s.id);
    if (!t) continue; // a section not translated yet: a status, not a fault
    problems.push(...compareComponents(s, t, within(sourceUses, s), within(translationUses, t)));
  }
  return problems;
}

function compareComponents(
  source: Section,
  translation: Section,
  want: readonly ComponentUse[],
  have: readonly ComponentUse[],
): StructureProblem[] {
  const problems: StructureProblem[] = [];
  const n = Math.max(want.length, have.length);
  for (let i = 0; i < n; i++) {
    const w = want[i];
    const h = have[i];
    if (w && h && componentKey(w, PROSE_PROPS) === componentKey(h, PROSE_PROPS)) continue;
    const line = h?.line ?? translation.lastLine;
    const message = !h
      ? `${componentKey(w!)} from the source (line ${w!.line}) is missing`
      : !w
        ? `${componentKey(h)} is not in the source section`
        : `${componentKey(h)} differs from the source's ${componentKey(w)} (line ${w.line})`;
    problems.push({ section: source.id, line, message });
    break; // after the first mismatch the rest of the section is shifted: one message is clearer
  }
  return problems;
}
