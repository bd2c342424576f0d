import type { InputSpec } from "../api/types.ts";
import type { StringTable } from "../translation/model/stringTable.ts";
import { ownString } from "../translation/model/stringTable.ts";
import { problemAt, type Problem } from "../lib/problem.ts";

/** Where a cell's problems are reported: its file, and its text to find the line a name is written on. */
export interface CellSource {
  readonly file: string;
  readonly text: string;
  readonly id: string;
}

/** The line where the cell's source declares `name: "name"` (else first quotes it; else none). */
function lineOf(source: CellSource, name: string): number | undefined {
  const quoted = `["'\`]${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}["'\`]`;
  const declared = source.text.search(new RegExp(`name\\s*:\\s*${quoted}`));
  const at = declared >= 0 ? declared : source.text.search(new RegExp(quoted));
  return at < 0 ? undefined : source.text.slice(0, at).split("\n").length;
}

/** True when `x` is a whole number of steps above `min` (to a millionth of a step). */
function onStep(x: number, min: number, step: number): boolean {
  const k = (x - min) / step;
  return Math.abs(k - Math.round(k)) < 1e-6;
}

/**
 * Mistakes in a cell's controls, each at its file and line, saying what to do: a
 * range with min not below max, a default outside it or off its steps, a step that is not
 * positive or does not divide the range, two controls of the same name, a label or unit
 * that no strings file of the source language has.
 */
export function checkInputSpecs(specs: readonly InputSpec[], source: CellSource, strings: StringTable, stringsFile: string): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    const line = lineOf(source, spec.name);
    const say = (what: string) => problems.push(problemAt(source.file, `control "${spec.name}" of cell "${source.id}": ${what}`, { line }));
    if (seen.has(spec.name)) say("another control of this cell has the same name; give each its own");
    seen.add(spec.name);
    for (const key of [spec.label, ...("unit" in spec && spec.unit ? [spec.unit] : [])])
      if (ownString(strings, key) === undefined) say(`no string "${key}": add it to ${stringsFile}`);
    if (spec.kind === "toggle") continue;
    const { min, max, value } = spec;
    if (![min, max, value].every(Number.isFinite)) {
      say("min, max and value must be finite numbers");
      continue;
    }
    if (!(min < max)) {
      say(`min (${min}) must be below max (${max}); swap them or fix one`);
      continue;
    }
    if (value < min || value > max) say(`the default value ${value} is outside ${min}..${max}; choose one inside`);
    if (spec.kind === "integer") {
      if (![min, max, value].every(Number.isInteger)) say("an integer control needs whole numbers for min, max and value");
      continue;
    }
    if (!(spec.step > 0) || !Number.isFinite(spec.step)) say(`step (${spec.step}) must be a positive number`);
    else if (!onStep(max, min, spec.step)) say(`step ${spec.step} does not divide ${min}..${max}; the slider could not reach ${max}`);
    else if (!onStep(value, min, spec.step)) say(`the default value ${value} is not on a step of ${spec.step} from ${min}`);
  }
  return problems;
}
