import { MdxSyntaxError, parseMdx } from "../../lib/content/parseMdx.ts";
import { splitSections } from "../model/sections.ts";
import type { SectionState } from "../model/status.ts";
import { META, segmentsOf, segmentText, type Segment } from "./segments.ts";
import {
  codeIds,
  codeProblem,
  inlineKey,
  plainText,
  targetFingerprint,
  unitInline,
  writeInline,
  type Code,
  type Inline,
} from "./inline.ts";
import { aligned, bySection, chapterUnits } from "./units.ts";
import { ExchangeError } from "./exchangeError.ts";

/** A unit read back from an exchange file (XLIFF 2.0, XLIFF 1.2 or PO), whatever its format. */
export interface ReadUnit {
  /** The unit id we wrote (`<section>.<n>`). */
  readonly id: string;
  /** The source as the file has it (codes by id): it must still be the chapter's. */
  readonly source: Inline[];
  /** The translation, or null when the unit is not translated (empty, or needing review in PO). */
  readonly target: Inline[] | null;
  /** Whether the translator confirmed it (XLIFF final/signed-off, approved, a PO entry that is not fuzzy). */
  readonly confirmed: boolean;
  /** What the file says each code stands for, when it says (checked against the chapter). */
  readonly data: ReadonlyMap<string, string>;
  /** The project's target when the file was exported (targetFingerprint), when the file says. */
  readonly fingerprint?: string | undefined;
  /** A gettext plural entry: its msgid_plural and its msgstr forms in order (the source's singular is `source`). */
  readonly plural?: { readonly sourcePlural: string; readonly forms: readonly string[] } | undefined;
}

/** A unit the import did not take, and why (in words a CAT tool's user acts on). */
export interface UnitProblem {
  readonly id: string;
  readonly reason: string;
}

/** What importing one chapter's units gives: the translation's new text, the sections to mark current, what was left out. */
export interface ImportResult {
  readonly text: string;
  readonly changed: boolean;
  readonly mark: readonly string[];
  /** Sections translated in part: the units (1-based) now translated in each; the others stay the source's. */
  readonly partial: ReadonlyMap<string, readonly number[]>;
  /** Units whose target is the source's text (copied, not translated): taken, but not counted as translated. */
  readonly copied: readonly string[];
  /** Units with a translation taken into the text (or confirmed unchanged). */
  readonly imported: readonly string[];
  /** Units whose source changed since the export: not imported, export again to translate them. */
  readonly skipped: readonly UnitProblem[];
  /** Units whose target cannot go into the chapter (codes altered, structure added): not imported. */
  readonly refused: readonly UnitProblem[];
}

const codeText = (code: Code) => (code.kind === "ph" ? code.data : `${code.start}…${code.end}`);

/**
 * Writes a chapter's imported targets into its translation (or a new one, from the source),
 * unit by unit: a target replaces its segment's text, escaped so that it stays text; a section
 * the translation lacks is made from the source's with its segments replaced, and put in its
 * place. A unit whose source changed since the export is skipped; one whose codes were altered
 * or whose text would not stay one paragraph, heading or prop is refused; both are listed by
 * unit id and the others are imported. A unit counts as translated when its target is not the
 * source's own text (a tool's copy of the source is not a translation; a unit with no words, only
 * code or numbers, needs none). A translated section whose text changed, or whose every unit
 * came back confirmed, is marked current; a section not translated before is marked current
 * once every one of its units is translated (with those translated earlier), and otherwise
 * recorded as partial with the units that are. A section with a skipped or refused unit is
 * never marked current.
 */
export function applyImport(
  fileName: string,
  file: string,
  sourceMdx: string,
  translationMdx: string | null,
  states: ReadonlyMap<string, SectionState>,
  units: readonly ReadUnit[],
  /** Import a target even where the project's changed since the export (`--force`). */
  force = false,
): ImportResult {
  const base = translationMdx ?? sourceMdx;
  const all = chapterUnits(sourceMdx, translationMdx, states);
  const byId = new Map(all.map((u) => [u.id, u]));
  const sourceSegs = bySection(segmentsOf(sourceMdx));
  const baseSegs = bySection(segmentsOf(base));
  const edits: { start: number; end: number; text: string }[] = [];
  const newSections = new Map<string, Map<number, string>>();
  const changedSections = new Set<string>();
  const confirmedCount = new Map<string, number>();
  const editedUnits = new Map<string, string[]>();
  const unitsOf = (section: string) => editedUnits.get(section) ?? editedUnits.set(section, []).get(section)!;
  const imported: string[] = [];
  const skipped: UnitProblem[] = [];
  const refused: UnitProblem[] = [];
  const troubled = new Set<string>();
  const translatedNow = new Map<string, Set<number>>();
  const copied: string[] = [];

  for (const read of units) {
    const unit = byId.get(read.id);
    if (!unit) {
      skipped.push({ id: read.id, reason: "the chapter has no such unit now (its source changed): export again" });
      continue;
    }
    const inline = unitInline(unit.source, unit.target);
    if (inlineKey(read.source) !== inlineKey(inline.source)) {
      const lostCodes = plainText(read.source) === plainText(inline.source) && codeIds(read.source) !== codeIds(inline.source);
      skipped.push({
        id: read.id,
        reason: lostCodes
          ? "its placeholders are missing from its source (a converter such as xliff2po drops them): translate it in a file i18n:export wrote"
          : "its source text changed since the export: export again",
      });
      troubled.add(unit.section);
      continue;
    }
    const refuse = (reason: string) => {
      refused.push({ id: read.id, reason });
      troubled.add(unit.section);
    };
    const altered = [...read.data].find(([id, data]) => inline.codes.has(id) && codeText(inline.codes.get(id)!) !== data);
    if (altered) {
      refuse(`placeholder ${altered[0]}'s data was altered ("${altered[1].slice(0, 40)}")`);
      continue;
    }
    const unknown = [...read.data.keys()].find((id) => !inline.codes.has(id));
    if (unknown !== undefined) {
      refuse(`placeholder ${unknown} is not one of the unit's codes`);
      continue;
    }
    const target = read.target;
    // An empty target is what translation tools write for a unit nobody translated yet.
    if (target === null || (plainText(target).trim() === "" && !target.some((i) => !("text" in i)))) continue;
    // Newer work in the project than in the file: the file's target would undo it.
    const now = inline.target;
    if (
      !force &&
      read.fingerprint !== undefined &&
      read.fingerprint !== targetFingerprint(now) &&
      inlineKey(target) !== inlineKey(now ?? [])
    ) {
      skipped.push({
        id: read.id,
        reason: `its translation in the project changed since the export (the project's: "${short(now ? plainText(now) : "")}"; the file's: "${short(plainText(target))}"): export again and translate from the newer text, or import with --force to replace it`,
      });
      troubled.add(unit.section);
      continue;
    }
    const problem = codeProblem(target, inline.codes);
    if (problem) {
      refuse(problem);
      continue;
    }
    const want = [codeIds(inline.source), ...(inline.target ? [codeIds(inline.target)] : [])];
    if (!want.includes(codeIds(target))) {
      refuse("its placeholders differ from the source's (every code must stay, none added)");
      continue;
    }
    const quote = unit.source.quote ?? '"';
    const text = writeInline(unit.kind, target, inline.codes, quote);
    const shape = shapeProblem(unit.kind, plainText(target), text);
    if (shape) {
      refuse(shape);
      continue;
    }
    imported.push(read.id);
    if (read.confirmed) confirmedCount.set(unit.section, (confirmedCount.get(unit.section) ?? 0) + 1);
    const number = Number(read.id.slice(read.id.lastIndexOf(".") + 1));
    if (inlineKey(target) === inlineKey(inline.source) && hasWords(inline.source)) copied.push(read.id);
    else (translatedNow.get(unit.section) ?? translatedNow.set(unit.section, new Set()).get(unit.section)!).add(number);
    if (inline.target && inlineKey(inline.target) === inlineKey(target)) continue;
    const index = Number(read.id.slice(read.id.lastIndexOf(".") + 1)) - 1;
    const mine = baseSegs.get(unit.section);
    const theirs = sourceSegs.get(unit.section)!;
    if (mine) {
      if (!aligned(theirs, mine)) {
        refuse(`section "${unit.section}" of ${file} is not structured as the source's (npm run i18n:check says how)`);
        imported.pop();
        continue;
      }
      const seg: Segment = mine[index]!;
      if (segmentText(seg) !== text) {
        edits.push({ start: seg.start, end: seg.end, text });
        changedSections.add(unit.section);
        unitsOf(unit.section).push(read.id);
      }
    } else {
      if (!newSections.has(unit.section)) newSections.set(unit.section, new Map());
      newSections.get(unit.section)!.set(index, text);
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

  if (text !== base) checkStructure(fileName, text, sourceMdx, sourceSegs, editedUnits);
  const segmentCount = (section: string) => sourceSegs.get(section)?.length ?? 0;
  const wasTranslated = (section: string) => ["current", "stale"].includes(states.get(section)?.status ?? "untranslated");
  // A translated section is brought up to date as before; one that was not is current only when all its units are.
  const mark = new Set(
    [...changedSections, ...[...confirmedCount].filter(([s, n]) => n === segmentCount(s)).map(([s]) => s)].filter(
      (s) => s !== META && !troubled.has(s) && wasTranslated(s),
    ),
  );
  const partial = new Map<string, number[]>();
  for (const [section, now] of translatedNow) {
    if (section === META || wasTranslated(section)) continue;
    const state = states.get(section);
    const done = new Set([...(state?.status === "partial" ? (state.translatedUnits ?? []) : []), ...now]);
    (sourceSegs.get(section) ?? []).forEach((seg, i) => {
      if (!hasWords(unitInline(seg, null).source)) done.add(i + 1);
    });
    if (done.size >= segmentCount(section) && !troubled.has(section)) mark.add(section);
    else
      partial.set(
        section,
        [...done].sort((a, b) => a - b),
      );
  }
  // A new translation file is made only when something was translated into it.
  const changed = translationMdx === null ? edits.length > 0 || newSections.size > 0 : text !== translationMdx;
  const none = translationMdx === null && !changed;
  return {
    text,
    changed,
    mark: none ? [] : [...mark],
    partial: none ? new Map() : partial,
    copied,
    imported,
    skipped,
    refused,
  };
}

/** Whether inline content has words to translate (a letter outside its codes), not only code, maths, numbers and punctuation. */
function hasWords(inline: readonly Inline[]): boolean {
  return /\p{L}/u.test(plainText(inline));
}

/**
 * Why a target would not stay the one paragraph, heading or prop it replaces (an empty line
 * the translator typed starts another paragraph; a heading is one line), or null. The escaped
 * text is then parsed alone, as the compiler would read it.
 */
function shapeProblem(kind: string, typed: string, text: string): string | null {
  if (kind.startsWith("meta:") || kind.startsWith("prop:")) return null;
  if (/\n[ \t]*\n/.test(typed))
    return "its target has an empty line, which would start a new paragraph; a target is the text of one paragraph, heading or prop";
  if (kind === "heading" && typed.includes("\n")) return "a heading's target must be one line";
  let tree;
  try {
    tree = parseMdx(kind === "heading" ? `## ${text}\n` : `${text}\n`);
  } catch (err) {
    if (!(err instanceof MdxSyntaxError)) throw err;
    return `its target does not read as MDX (${err.reason})`;
  }
  const want = kind === "heading" ? "heading" : "paragraph";
  if (tree.children.length !== 1 || tree.children[0]!.type !== want)
    return `its target would not stay one ${want} (a new paragraph, list or heading); a target is the text of one paragraph, heading or prop`;
  return null;
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
    throw new ExchangeError(
      `${xliffName}: ${units(section)}: the translated text does not parse as MDX (${err.reason}); write a < or { as text with a backslash`,
    );
  }
  const want = splitSections(sourceMdx).sections.map((s) => s.id);
  const have = splitSections(text).sections.map((s) => s.id);
  const extra = have.find((id) => !want.includes(id));
  if (extra !== undefined || new Set(have).size !== have.length) {
    const section = [...editedUnits.keys()].find((s) => !aligned(sourceSegs.get(s), segments.get(s)));
    throw new ExchangeError(
      `${xliffName}: ${units(section)}: a target adds a heading; a target is the text of one paragraph, heading or prop`,
    );
  }
  for (const section of editedUnits.keys())
    if (!aligned(sourceSegs.get(section), segments.get(section)))
      throw new ExchangeError(
        `${xliffName}: ${units(section)}: the targets change the structure of section "${section}" (a new paragraph, list or heading); a target is the text of one paragraph, heading or prop`,
      );
}

/** A text shortened for a one-line message. */
function short(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}
