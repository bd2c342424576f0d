import type { ReadUnit, UnitProblem } from "./apply.ts";
import type { ExchangeUnit } from "./exchange.ts";
import { inlineKey, plainText, targetFingerprint, type Inline } from "./inline.ts";

/**
 * A unit of plain text outside a chapter (a string, a glossary term, the course's title) as every
 * exchange format writes it: `@<key>`, the source's text, the locale's when it has one.
 */
export function textUnit(fields: {
  readonly key: string;
  readonly section: string;
  readonly kind: string;
  readonly line: number;
  readonly source: string;
  readonly target: string | null;
}): ExchangeUnit {
  const target: Inline[] | null = fields.target === null ? null : [{ text: fields.target }];
  return {
    id: `@${fields.key}`,
    section: fields.section,
    kind: fields.kind,
    status: target ? "current" : "untranslated",
    line: fields.line,
    source: [{ text: fields.source }],
    target,
    codes: new Map(),
    matches: [],
    references: [],
    fingerprint: targetFingerprint(target),
    previousSource: null,
  };
}

/**
 * One-line text units read back against the project's units now: the value each new target
 * gives, by unit id; a unit whose source changed, or whose project text changed since the export
 * (unless `force`), is skipped; a target that is not one line of text is refused. An empty target,
 * or the project's own text again, gives nothing.
 */
export function readTextUnits(
  units: readonly ReadUnit[],
  current: ReadonlyMap<string, ExchangeUnit>,
  force: boolean,
): { values: Map<string, string>; skipped: UnitProblem[]; refused: UnitProblem[] } {
  const values = new Map<string, string>();
  const skipped: UnitProblem[] = [];
  const refused: UnitProblem[] = [];
  for (const read of units) {
    const unit = current.get(read.id);
    if (!unit || inlineKey(read.source) !== inlineKey(unit.source)) {
      skipped.push({ id: read.id, reason: "the project has no such text now, or its source changed since the export: export again" });
      continue;
    }
    if (read.target === null) continue;
    const value = plainText(read.target).trim();
    if (!value) continue;
    if (read.target.some((i) => !("text" in i)) || value.includes("\n")) {
      refused.push({ id: read.id, reason: "its text is one line, with no codes" });
      continue;
    }
    const now = unit.target ? plainText(unit.target) : null;
    if (value === now) continue;
    if (!force && read.fingerprint !== undefined && read.fingerprint !== unit.fingerprint) {
      skipped.push({
        id: read.id,
        reason: `its text in the project changed since the export (now "${now ?? ""}"): export again, or import with --force to replace it`,
      });
      continue;
    }
    values.set(read.id, value);
  }
  return { values, skipped, refused };
}
