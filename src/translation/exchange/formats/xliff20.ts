import type { SectionStatus } from "../../model/status.ts";
import type { ReadUnit } from "../apply.ts";
import type { ExchangeDocument, ExchangeUnit } from "../exchange.ts";
import { ExchangeError } from "../exchangeError.ts";
import { fingerprintOf, type Code, type Inline } from "../inline.ts";
import type { ReadDocument, ReadFile } from "./read.ts";
import { attribute, childElements, escapeAttr, escapeText, localName, parseXliffXml, readInline, type El } from "./xml.ts";

export const XLIFF20_NS = "urn:oasis:names:tc:xliff:document:2.0";
const MDA_NS = "urn:oasis:names:tc:xliff:metadata:2.0";
const MTC_NS = "urn:oasis:names:tc:xliff:matches:2.0";

/** XLIFF segment states for our section states: current is final, stale translated (to review), the rest initial. */
const SEGMENT_STATE: Record<SectionStatus, string> = {
  current: "final",
  stale: "translated",
  partial: "initial",
  untranslated: "initial",
  missing: "initial",
  extra: "initial",
};

const display = (s: string) => (s.length > 40 ? `${s.slice(0, 39)}…` : s);

/** A unit's codes as `<originalData>` entries: code id -> data ids (one for a placeholder, start and end for a pair). */
function dataRefs(unit: ExchangeUnit): { refs: Map<string, string[]>; data: [string, string][] } {
  const refs = new Map<string, string[]>();
  const data: [string, string][] = [];
  const add = (content: string) => {
    const id = `d${data.length + 1}`;
    data.push([id, content]);
    return id;
  };
  for (const code of unit.codes.values()) refs.set(code.id, code.kind === "ph" ? [add(code.data)] : [add(code.start), add(code.end)]);
  return { refs, data };
}

function writeInline(inline: readonly Inline[], codes: ReadonlyMap<string, Code>, refs: Map<string, string[]>): string {
  return inline
    .map((i) => {
      if ("text" in i) return escapeText(i.text);
      if ("ph" in i) {
        const code = codes.get(i.ph) as Code & { kind: "ph" };
        return `<ph id="${i.ph}" dataRef="${refs.get(i.ph)![0]}" disp="${escapeAttr(display(code.data))}" canDelete="no" canCopy="no"/>`;
      }
      if ("open" in i) {
        const [start, end] = refs.get(i.open)!;
        return `<pc id="${i.open}" dataRefStart="${start}" dataRefEnd="${end}" canOverlap="no" canDelete="no" canCopy="no">`;
      }
      return "</pc>";
    })
    .join("");
}

/**
 * Writes XLIFF 2.0: a `<file>` per chapter, a `<unit>` per segment with the section id and its
 * state as metadata, the source text, and the current translation as `<target>`. Code, maths,
 * images and values are `<ph>` placeholders; bold, italics, links and inline tags are `<pc>`
 * paired codes around the words they hold; what each stands for is in the unit's
 * `<originalData>`, never in the editable text. The memory's matches are `<mtc:matches>`.
 */
export function writeXliff20(doc: ExchangeDocument): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="${XLIFF20_NS}" xmlns:mda="${MDA_NS}" xmlns:mtc="${MTC_NS}" version="2.0" srcLang="${escapeAttr(doc.srcLang)}" trgLang="${escapeAttr(doc.trgLang)}">`,
  ];
  doc.files.forEach((file, f) => {
    out.push(` <file id="f${f + 1}" original="${escapeAttr(file.original)}">`);
    for (const unit of file.units) {
      const { refs, data } = dataRefs(unit);
      const inline = (xs: readonly Inline[]) => writeInline(xs, unit.codes, refs);
      out.push(`  <unit id="${escapeAttr(xliffId(unit.id))}" name="${escapeAttr(unit.kind)}">`);
      if (unit.matches.length || unit.references.length) {
        out.push("   <mtc:matches>");
        for (const m of unit.matches)
          out.push(
            `    <mtc:match ref="#s1" similarity="${m.similarity}" origin="${escapeAttr(m.origin)}"><mtc:source xml:space="preserve">${inline(m.source)}</mtc:source><mtc:target xml:space="preserve">${inline(m.target)}</mtc:target></mtc:match>`,
          );
        // Another translation of the same unit (type "other": not this language's text, a reference only).
        for (const r of unit.references)
          out.push(
            `    <mtc:match ref="#s1" type="other" subType="course:reference" origin="${escapeAttr(`translation, ${r.locale}`)}"><mtc:source xml:space="preserve">${inline(unit.source)}</mtc:source><mtc:target xml:space="preserve">${inline(r.target)}</mtc:target></mtc:match>`,
          );
        out.push("   </mtc:matches>");
      }
      out.push(
        `   <mda:metadata><mda:metaGroup category="course"><mda:meta type="section">${escapeText(unit.section)}</mda:meta><mda:meta type="state">${unit.status}</mda:meta><mda:meta type="target-at-export">${unit.fingerprint}</mda:meta>${unit.previousSource ? `<mda:meta type="previous-source">${escapeText(plainSource(unit.previousSource))}</mda:meta>` : ""}</mda:metaGroup></mda:metadata>`,
      );
      if (data.length) {
        out.push("   <originalData>");
        for (const [id, content] of data) out.push(`    <data id="${id}" xml:space="preserve">${escapeText(content)}</data>`);
        out.push("   </originalData>");
      }
      out.push(`   <segment id="s1" state="${unit.target ? SEGMENT_STATE[unit.status] : "initial"}">`);
      out.push(`    <source xml:space="preserve">${inline(unit.source)}</source>`);
      if (unit.target) out.push(`    <target xml:space="preserve">${inline(unit.target)}</target>`);
      out.push("   </segment>");
      out.push("  </unit>");
    }
    out.push(" </file>");
  });
  out.push("</xliff>");
  return `${out.join("\n")}\n`;
}

/**
 * Reads an XLIFF 2.0 file we wrote (or a CAT tool edited): its languages and, per `<file>`,
 * each unit's source and target. Refuses, in one line, anything else: another version, a DTD,
 * markup other than our codes. The memory's matches are not read.
 */
export function readXliff20(text: string, name: string): ReadDocument {
  const root = parseXliffXml(text, name);
  if (root.getAttribute("version") !== "2.0" || root.getAttribute("xmlns") !== XLIFF20_NS)
    throw new ExchangeError(`${name}: not XLIFF 2.0 (version="${root.getAttribute("version")}", xmlns="${root.getAttribute("xmlns")}")`);
  const srcLang = root.getAttribute("srcLang") ?? "";
  const trgLang = root.getAttribute("trgLang") ?? "";
  if (!srcLang || !trgLang) throw new ExchangeError(`${name}: the <xliff> element needs srcLang and trgLang`);
  const files = childElements(root, "file").map((file): ReadFile => {
    const units = childElements(file, "unit").map((unit): ReadUnit => {
      const id = unitId(unit.getAttribute("id") ?? "");
      const where = `${name}: unit "${id}"`;
      const original = new Map<string, string>();
      for (const od of childElements(unit, "originalData"))
        for (const d of childElements(od, "data")) original.set(d.getAttribute("id") ?? "", d.textContent ?? "");
      const content = (ref: string | null, codeId: string | null) => {
        const c = original.get(ref ?? "");
        if (c === undefined) throw new ExchangeError(`${where}: code ${codeId} refers to "${ref}", which the unit's data does not have`);
        return c;
      };
      const codeOf = (node: El) => {
        const codeId = node.getAttribute("id") ?? "";
        if (localName(node) === "ph") return { kind: "ph" as const, id: codeId, data: content(node.getAttribute("dataRef"), codeId) };
        if (localName(node) === "pc")
          return {
            kind: "pc" as const,
            id: codeId,
            data: `${content(node.getAttribute("dataRefStart"), codeId)}…${content(node.getAttribute("dataRefEnd"), codeId)}`,
          };
        return null;
      };
      const segments = childElements(unit, "segment");
      if (segments.length !== 1) throw new ExchangeError(`${where}: expected one <segment>, found ${segments.length}`);
      const segment = segments[0]!;
      const data = new Map<string, string>();
      const sourceEl = childElements(segment, "source")[0];
      if (!sourceEl) throw new ExchangeError(`${where}: no <source>`);
      const source = readInline(sourceEl, where, codeOf, data);
      const targetEl = childElements(segment, "target")[0];
      const target = targetEl ? readInline(targetEl, where, codeOf, data) : null;
      const fingerprint = childElements(unit, "metadata")
        .flatMap((m) => childElements(m, "metaGroup"))
        .flatMap((g) => childElements(g, "meta"))
        .find((m) => m.getAttribute("type") === "target-at-export")?.textContent;
      return {
        id,
        source,
        target,
        confirmed: ["final", "reviewed"].includes(segment.getAttribute("state") ?? ""),
        data,
        fingerprint: fingerprint ? fingerprintOf(`target at export: ${fingerprint.trim()}`) : undefined,
      };
    });
    return { original: attribute(file, "original") ?? "", units };
  });
  return { srcLang, trgLang, files };
}

/** A source's words with its codes as the text they stand for, for a metadata note (XLIFF 2.0 has no element for an older source). */
function plainSource(inline: readonly Inline[]): string {
  return inline.map((i) => ("text" in i ? i.text : "ph" in i ? `{${i.ph}}` : "")).join("");
}

// A unit's id is an NMTOKEN in XLIFF 2.0: a string's `@key` is written `str:key`, and read back.
const xliffId = (id: string) => (id.startsWith("@") ? `str:${id.slice(1)}` : id);
const unitId = (id: string) => (id.startsWith("str:") ? `@${id.slice(4)}` : id);
