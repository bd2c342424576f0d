import { DOMParser } from "linkedom";
import type { SectionStatus } from "../../model/status.ts";
import type { Piece } from "./segments.ts";
import { kept, type Unit } from "./units.ts";

export const XLIFF_NS = "urn:oasis:names:tc:xliff:document:2.0";
const MDA_NS = "urn:oasis:names:tc:xliff:metadata:2.0";

/** One chapter's units in an XLIFF file. */
export interface XliffFile {
  /** The translation's path, content/<locale>/<chapter>/index.mdx. */
  readonly original: string;
  readonly units: readonly Unit[];
}

const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, "&quot;").replace(/\n/g, "&#10;");

/** XLIFF segment states for our section states: current is final, stale translated (to review), the rest initial. */
const SEGMENT_STATE: Record<SectionStatus, string> = {
  current: "final",
  stale: "translated",
  untranslated: "initial",
  missing: "initial",
  extra: "initial",
};

/**
 * Writes XLIFF 2.0: a `<file>` per chapter, a `<unit>` per segment with the section id and its
 * state as metadata, the source text, and the current translation as `<target>`. Code, maths,
 * tags, link addresses and `<Value>`s are `<ph>` placeholders (`canDelete="no"`), their text
 * in the unit's `<originalData>`: never editable.
 */
export function writeXliff(srcLang: string, trgLang: string, files: readonly XliffFile[]): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="${XLIFF_NS}" xmlns:mda="${MDA_NS}" version="2.0" srcLang="${escapeAttr(srcLang)}" trgLang="${escapeAttr(trgLang)}">`,
  ];
  files.forEach((file, f) => {
    out.push(` <file id="f${f + 1}" original="${escapeAttr(file.original)}">`);
    for (const unit of file.units) {
      const data = new Map<string, string>();
      for (const k of [...kept(unit.source.pieces), ...(unit.target ? kept(unit.target.pieces) : [])])
        if (!data.has(k)) data.set(k, `d${data.size + 1}`);
      const sourceIds = kept(unit.source.pieces).map((k, i) => ({ k, id: String(i + 1) }));
      const inline = (pieces: readonly Piece[], isTarget: boolean) => {
        const free = [...sourceIds];
        let extra = 0;
        return pieces
          .map((p) => {
            if ("text" in p) return escapeText(p.text);
            let id: string;
            if (isTarget) {
              const at = free.findIndex((x) => x.k === p.keep);
              id = at >= 0 ? free.splice(at, 1)[0]!.id : `t${++extra}`;
            } else id = free.shift()!.id;
            const disp = p.keep.length > 40 ? `${p.keep.slice(0, 39)}…` : p.keep;
            return `<ph id="${id}" dataRef="${data.get(p.keep)}" disp="${escapeAttr(disp)}" canDelete="no" canCopy="no"/>`;
          })
          .join("");
      };
      out.push(`  <unit id="${escapeAttr(unit.id)}" name="${escapeAttr(unit.kind)}">`);
      out.push(
        `   <mda:metadata><mda:metaGroup category="course"><mda:meta type="section">${escapeText(unit.section)}</mda:meta><mda:meta type="state">${unit.status}</mda:meta></mda:metaGroup></mda:metadata>`,
      );
      if (data.size) {
        out.push("   <originalData>");
        for (const [content, id] of data) out.push(`    <data id="${id}" xml:space="preserve">${escapeText(content)}</data>`);
        out.push("   </originalData>");
      }
      const state = unit.target ? SEGMENT_STATE[unit.status] : "initial";
      out.push(`   <segment state="${state}">`);
      out.push(`    <source xml:space="preserve">${inline(unit.source.pieces, false)}</source>`);
      if (unit.target) out.push(`    <target xml:space="preserve">${inline(unit.target.pieces, true)}</target>`);
      out.push("   </segment>");
      out.push("  </unit>");
    }
    out.push(" </file>");
  });
  out.push("</xliff>");
  return `${out.join("\n")}\n`;
}

/** A unit read back from an XLIFF file. */
export interface ReadUnit {
  readonly id: string;
  /** The source as the file has it, placeholders as their data. */
  readonly source: string;
  readonly sourceKept: string[];
  /** The target text with placeholders filled from the unit's data; null when there is none. */
  readonly target: string | null;
  readonly targetKept: string[];
  readonly state: string;
  /** The unit's `<originalData>`: id -> content. */
  readonly data: ReadonlyMap<string, string>;
}

export interface ReadFile {
  readonly original: string;
  readonly units: readonly ReadUnit[];
}

/** A problem with an XLIFF file: one line naming the file (and the unit). */
export class XliffError extends Error {}

/** The most an XLIFF file may weigh (a chapter's is well under 1 MB). */
export const MAX_XLIFF_BYTES = 8 * 1024 * 1024;
/** The deepest an XLIFF file's elements may nest (ours: xliff, file, unit, segment, target, ph). */
const MAX_XLIFF_DEPTH = 16;

/** How deep a file's elements nest, counted in one pass over its tags (before any XML parser sees it). */
function tagDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let at = text.indexOf("<"); at >= 0; at = text.indexOf("<", at + 1)) {
    const next = text[at + 1];
    if (next === "/") depth--;
    else if (next !== "!" && next !== "?") {
      const end = text.indexOf(">", at);
      if (end < 0) break;
      if (text[end - 1] !== "/") deepest = Math.max(deepest, ++depth);
      at = end;
    }
  }
  return deepest;
}

interface El {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<El>;
  getAttribute(name: string): string | null;
}
const localName = (el: El) => el.nodeName.replace(/^.*:/, "");
const childElements = (el: El, name: string): El[] => Array.from(el.childNodes).filter((c) => c.nodeType === 1 && localName(c) === name);

/**
 * Reads an XLIFF 2.0 file we wrote (or a CAT tool edited): its languages and, per `<file>`,
 * each unit's source and target with placeholders replaced by their data. Refuses, in one line,
 * anything else: another version, a DTD, an unknown placeholder, markup other than `<ph>`.
 */
export function readXliff(text: string, name: string): { srcLang: string; trgLang: string; files: ReadFile[] } {
  if (Buffer.byteLength(text) > MAX_XLIFF_BYTES) throw new XliffError(`${name}: larger than ${MAX_XLIFF_BYTES / 1024 / 1024} MB`);
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new XliffError(`${name}: a DTD or entity declaration is not allowed in XLIFF`);
  if (tagDepth(text) > MAX_XLIFF_DEPTH)
    throw new XliffError(`${name}: its elements nest more than ${MAX_XLIFF_DEPTH} levels; that is not a file of ours`);
  if (!/^\s*(<\?xml[^>]*\?>\s*)?<xliff[\s>]/.test(text)) throw new XliffError(`${name}: not an XLIFF file (no <xliff> root element)`);
  const doc = new DOMParser().parseFromString(text, "text/xml") as unknown as { documentElement: El | null };
  const root = doc.documentElement;
  if (!root || localName(root) !== "xliff") throw new XliffError(`${name}: not an XLIFF file (no <xliff> root element)`);
  if (root.getAttribute("version") !== "2.0" || root.getAttribute("xmlns") !== XLIFF_NS)
    throw new XliffError(`${name}: not XLIFF 2.0 (version="${root.getAttribute("version")}", xmlns="${root.getAttribute("xmlns")}")`);
  const srcLang = root.getAttribute("srcLang") ?? "";
  const trgLang = root.getAttribute("trgLang") ?? "";
  if (!srcLang || !trgLang) throw new XliffError(`${name}: the <xliff> element needs srcLang and trgLang`);
  const files = childElements(root, "file").map((file): ReadFile => {
    const original = file.getAttribute("original") ?? "";
    const units = childElements(file, "unit").map((unit): ReadUnit => {
      const id = unit.getAttribute("id") ?? "";
      const where = `${name}: unit "${id}"`;
      const data = new Map<string, string>();
      for (const od of childElements(unit, "originalData"))
        for (const d of childElements(od, "data")) data.set(d.getAttribute("id") ?? "", d.textContent ?? "");
      const segments = childElements(unit, "segment");
      if (segments.length !== 1) throw new XliffError(`${where}: expected one <segment>, found ${segments.length}`);
      const segment = segments[0]!;
      const read = (el: El | undefined): { text: string; kept: string[] } | null => {
        if (!el) return null;
        let text = "";
        const used: string[] = [];
        for (const node of Array.from(el.childNodes)) {
          // Text, whether written with entities or in a CDATA section, is text.
          if (node.nodeType === 3 || node.nodeType === 4) text += node.textContent ?? "";
          else if (node.nodeType === 1 && localName(node) === "ph") {
            const ref = node.getAttribute("dataRef") ?? "";
            const content = data.get(ref);
            if (content === undefined)
              throw new XliffError(
                `${where}: placeholder ${node.getAttribute("id")} refers to "${ref}", which the unit's data does not have`,
              );
            text += content;
            used.push(content);
          } else if (node.nodeType === 1)
            throw new XliffError(`${where}: <${node.nodeName}> is not allowed here; only text and the <ph> placeholders we wrote`);
        }
        return { text, kept: used };
      };
      const source = read(childElements(segment, "source")[0]);
      if (!source) throw new XliffError(`${where}: no <source>`);
      const target = read(childElements(segment, "target")[0]);
      return {
        id,
        source: source.text,
        sourceKept: source.kept,
        target: target?.text ?? null,
        targetKept: target?.kept ?? [],
        state: segment.getAttribute("state") ?? "initial",
        data,
      };
    });
    return { original, units };
  });
  return { srcLang, trgLang, files };
}
