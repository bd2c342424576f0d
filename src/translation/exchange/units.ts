import { unitStatus, type SectionState, type SectionStatus } from "../model/status.ts";
import { segmentsOf, type Segment } from "./segments.ts";

/** A translatable unit of a chapter: the source's segment and, when aligned, the translation's. */
export interface Unit {
  /** `<section>.<n>`: the section and the segment's place in it (1-based). */
  readonly id: string;
  readonly section: string;
  readonly kind: string;
  /** The unit's own state (in a partial section, each unit is current, stale or untranslated). */
  readonly status: SectionStatus;
  readonly source: Segment;
  /** The translation's segment, when the section is translated and has the source's structure. */
  readonly target: Segment | null;
}

/** Segments grouped by section, in order. */
export function bySection(segments: readonly Segment[]): Map<string, Segment[]> {
  const map = new Map<string, Segment[]>();
  for (const s of segments) map.set(s.section, [...(map.get(s.section) ?? []), s]);
  return map;
}

/** Whether two lists of segments have the same kinds in the same order (so they pair one to one). */
export function aligned(a: readonly Segment[] | undefined, b: readonly Segment[] | undefined): boolean {
  return !!a && !!b && a.length === b.length && a.every((s, i) => s.kind === b[i]!.kind);
}

/**
 * The units of a chapter: every segment of the source, paired with the translation's segment
 * of the same section and place when that unit is translated (its section current or stale, or
 * the unit one of a partial section's translated ones) and the section has the same structure.
 * `states` gives each section's state; the frontmatter counts as translated when the
 * translation exists.
 */
export function chapterUnits(sourceMdx: string, translationMdx: string | null, states: ReadonlyMap<string, SectionState>): Unit[] {
  const source = bySection(segmentsOf(sourceMdx));
  const translation = translationMdx === null ? new Map<string, Segment[]>() : bySection(segmentsOf(translationMdx));
  const units: Unit[] = [];
  for (const [section, segments] of source) {
    const state: SectionState =
      section === "_meta"
        ? { status: translationMdx === null ? "untranslated" : "current" }
        : (states.get(section) ?? { status: "untranslated" });
    const mine = translation.get(section);
    const paired = aligned(segments, mine);
    segments.forEach((s, i) => {
      const status = unitStatus(state, i + 1);
      const translated = status === "current" || status === "stale";
      units.push({ id: `${section}.${i + 1}`, section, kind: s.kind, status, source: s, target: translated && paired ? mine![i]! : null });
    });
  }
  return units;
}
