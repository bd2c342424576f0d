import { MdxSyntaxError } from "../../../lib/content/parseMdx.ts";
import { splitSections } from "../../model/sections.ts";
import type { SectionStatus } from "../../model/status.ts";
import { META, segmentsOf, segmentText, type Segment } from "./segments.ts";
import { aligned, bySection, chapterUnits, kept } from "./units.ts";
import { XliffError, type ReadUnit } from "./xliff.ts";

/** What importing one chapter's units gives: the translation's new text, and the sections to mark current. */
export interface ImportResult {
  readonly text: string;
  readonly changed: boolean;
  readonly mark: readonly string[];
}

const sorted = (xs: readonly string[]) => [...xs].sort().join("\u0000");

/**
 * Writes a chapter's imported targets into its translation (or a new one, from the source):
 * each target replaces its segment's text; a section the translation lacks is made from the
 * source's with its segments replaced, and put in its place. A unit whose source changed since
 * the export, whose placeholders differ, or that lands in a section not structured as the
 * source's is refused, naming it; so is a result that is not safe MDX. Sections whose text
 * changed, or whose every segment came back `final`, are the ones to mark current.
 */
export function applyImport(
  xliffName: string,
  file: string,
  sourceMdx: string,
  translationMdx: string | null,
  states: ReadonlyMap<string, SectionStatus>,
  units: readonly ReadUnit[],
): ImportResult {
  const base = translationMdx ?? sourceMdx;
  const all = chapterUnits(sourceMdx, translationMdx, states);
  const byId = new Map(all.map((u) => [u.id, u]));
  const sourceSegs = bySection(segmentsOf(sourceMdx));
  const baseSegs = bySection(segmentsOf(base));
  const edits: { start: number; end: number; text: string }[] = [];
  const newSections = new Map<string, Map<number, string>>();
  const changedSections = new Set<string>();
  const finalCount = new Map<string, number>();
  const editedUnits = new Map<string, string[]>();
  const unitsOf = (section: string) => editedUnits.get(section) ?? editedUnits.set(section, []).get(section)!;

  for (const read of units) {
    const where = `${xliffName}: unit "${read.id}"`;
    const unit = byId.get(read.id);
    if (!unit) throw new XliffError(`${where}: the chapter has no such unit (its source changed: export again)`);
    if (read.source !== segmentText(unit.source)) throw new XliffError(`${where}: its source text changed since the export: export again`);
    // An empty target is what translation tools write for a unit nobody translated yet.
    if (read.target === null || read.target.trim() === "") continue;
    const allowed = new Set([...kept(unit.source.pieces), ...(unit.target ? kept(unit.target.pieces) : [])]);
    for (const content of read.data.values())
      if (!allowed.has(content)) throw new XliffError(`${where}: a placeholder's data was altered ("${content.slice(0, 40)}")`);
    const want = [sorted(kept(unit.source.pieces)), ...(unit.target ? [sorted(kept(unit.target.pieces))] : [])];
    if (!want.includes(sorted(read.targetKept)))
      throw new XliffError(`${where}: its placeholders differ from the source's (every <ph> must stay, none added)`);
    if (["final", "reviewed"].includes(read.state)) finalCount.set(unit.section, (finalCount.get(unit.section) ?? 0) + 1);
    const index = Number(read.id.slice(read.id.lastIndexOf(".") + 1)) - 1;
    const mine = baseSegs.get(unit.section);
    const theirs = sourceSegs.get(unit.section)!;
    if (mine) {
      if (!aligned(theirs, mine))
        throw new XliffError(
          `${where}: section "${unit.section}" of ${file} is not structured as the source's (npm run i18n:check says how)`,
        );
      const seg: Segment = mine[index]!;
      if (segmentText(seg) !== read.target) {
        edits.push({ start: seg.start, end: seg.end, text: read.target });
        changedSections.add(unit.section);
        unitsOf(unit.section).push(read.id);
      }
    } else {
      if (!newSections.has(unit.section)) newSections.set(unit.section, new Map());
      newSections.get(unit.section)!.set(index, read.target);
      changedSections.add(unit.section);
      unitsOf(unit.section).push(read.id);
    }
  }

  edits.sort((a, b) => b.start - a.start);
  let text = base;
  for (const e of edits) text = text.slice(0, e.start) + e.text + text.slice(e.end);

  // Sections the translation lacks: the source's text, its segments replaced, after the section before it.
  const sourceSections = splitSections(sourceMdx).sections;
  for (const [section, targets] of newSections) {
    const s = sourceSections.find((x) => x.id === section)!;
    const sourceLines = sourceMdx.split("\n");
    const sectionStart = sourceLines.slice(0, s.line - 1).join("\n").length + (s.line > 1 ? 1 : 0);
    const sectionEnd = sourceLines.slice(0, s.lastLine).join("\n").length;
    let body = sourceMdx.slice(sectionStart, sectionEnd);
    const segs = sourceSegs.get(section)!;
    for (const [i, target] of [...targets].sort((a, b) => b[0] - a[0])) {
      const seg = segs[i]!;
      body = body.slice(0, seg.start - sectionStart) + target + body.slice(seg.end - sectionStart);
    }
    const present = splitSections(text).sections;
    const before = sourceSections
      .slice(0, sourceSections.indexOf(s))
      .reverse()
      .find((x) => present.some((p) => p.id === x.id));
    const lines = text.split("\n");
    const at = before ? present.find((p) => p.id === before.id)!.lastLine : (present[0]?.line ?? lines.length + 1) - 1;
    const head = lines.slice(0, at).join("\n");
    const tail = lines.slice(at).join("\n");
    text = `${head.replace(/\n*$/, "")}\n\n${body.replace(/\n*$/, "")}\n\n${tail.replace(/^\n*/, "")}`;
    if (!text.endsWith("\n")) text += "\n";
  }

  if (text !== base) checkStructure(xliffName, text, sourceMdx, sourceSegs, editedUnits);
  const segmentCount = (section: string) => sourceSegs.get(section)?.length ?? 0;
  const mark = [...new Set([...changedSections, ...[...finalCount].filter(([s, n]) => n === segmentCount(s)).map(([s]) => s)])].filter(
    (s) => s !== META,
  );
  return { text, changed: text !== (translationMdx ?? ""), mark };
}

/**
 * A target replaces one paragraph, heading or prop and must stay one: the imported chapter must
 * parse, have the source's sections (no heading added or lost) and, in every section a unit
 * changed, the source's segments kind for kind. Refuses naming the units of the section at fault.
 */
function checkStructure(
  xliffName: string,
  text: string,
  sourceMdx: string,
  sourceSegs: ReadonlyMap<string, Segment[]>,
  editedUnits: ReadonlyMap<string, string[]>,
): void {
  const units = (section: string | undefined) => {
    const ids = section ? editedUnits.get(section) : [...editedUnits.values()].flat();
    return `unit${ids && ids.length > 1 ? "s" : ""} "${(ids ?? []).join('", "')}"`;
  };
  let segments: Map<string, Segment[]>;
  try {
    segments = bySection(segmentsOf(text));
  } catch (err) {
    if (!(err instanceof MdxSyntaxError)) throw err;
    const section = splitSections(text).sections.find((s) => err.line >= s.line && err.line <= s.lastLine)?.id;
    throw new XliffError(
      `${xliffName}: ${units(section)}: the translated text does not parse as MDX (${err.reason}); write a < or { as text with a backslash`,
    );
  }
  const want = splitSections(sourceMdx).sections.map((s) => s.id);
  const have = splitSections(text).sections.map((s) => s.id);
  const extra = have.find((id) => !want.includes(id));
  if (extra !== undefined || new Set(have).size !== have.length) {
    const section = [...editedUnits.keys()].find((s) => !aligned(sourceSegs.get(s), segments.get(s)));
    throw new XliffError(
      `${xliffName}: ${units(section)}: a target adds a heading; a target is the text of one paragraph, heading or prop`,
    );
  }
  for (const section of editedUnits.keys())
    if (!aligned(sourceSegs.get(section), segments.get(section)))
      throw new XliffError(
        `${xliffName}: ${units(section)}: the targets change the structure of section "${section}" (a new paragraph, list or heading); a target is the text of one paragraph, heading or prop`,
      );
}
