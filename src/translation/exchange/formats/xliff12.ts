import type { SectionStatus } from "../../model/status.ts";
import type { ReadUnit } from "../apply.ts";
import type { ExchangeDocument } from "../exchange.ts";
import { ExchangeError } from "../exchangeError.ts";
import { FINGERPRINT_NOTE, fingerprintOf, type Code, type Inline } from "../inline.ts";
import type { ReadDocument, ReadFile } from "./read.ts";
import { parseUnitKey, poContext, poInline } from "./po.ts";
import { attribute, childElements, escapeAttr, escapeText, localName, parseXliffXml, readInline, type El } from "./xml.ts";

export const XLIFF12_NS = "urn:oasis:names:tc:xliff:document:1.2";

/** XLIFF 1.2 target states for our section states. */
const TARGET_STATE: Partial<Record<SectionStatus, string>> = { current: "final", stale: "needs-review-translation" };

/** What kind of formatting a pair is, as XLIFF 1.2's `ctype` says it. */
function pairType(code: Code & { kind: "pc" }): string {
  if (code.start.startsWith("**") || code.start.startsWith("__")) return "bold";
  if (code.start.startsWith("*") || code.start.startsWith("_")) return "italic";
  if (code.start.startsWith("[") || code.start.startsWith("<http")) return "link";
  if (code.start.startsWith("~")) return "x-strike";
  return "x-tag";
}

function writeInline(inline: readonly Inline[], codes: ReadonlyMap<string, Code>): string {
  return inline
    .map((i) => {
      if ("text" in i) return escapeText(i.text);
      if ("ph" in i) {
        const code = codes.get(i.ph) as Code & { kind: "ph" };
        return `<x id="${i.ph}" ctype="x-code" equiv-text="${escapeAttr(code.data)}"/>`;
      }
      if ("open" in i) return `<g id="${i.open}" ctype="${pairType(codes.get(i.open) as Code & { kind: "pc" })}">`;
      return "</g>";
    })
    .join("");
}

/**
 * Writes XLIFF 1.2 (what translate-toolkit, Pootle, Virtaal, OmegaT and Lokalize read): a
 * `<file>` per chapter, a `<trans-unit>` per segment, the current translation as `<target>`
 * (`final` and approved when current, `needs-review-translation` when stale), the section and
 * state as a note. Placeholders are `<x/>` (what they stand for in `equiv-text`), pairs `<g>`;
 * the memory's matches are `<alt-trans>` with their `match-quality`.
 */
export function writeXliff12(doc: ExchangeDocument): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', `<xliff version="1.2" xmlns="${XLIFF12_NS}">`];
  for (const file of doc.files) {
    out.push(
      ` <file original="${escapeAttr(file.original)}" source-language="${escapeAttr(doc.srcLang)}" target-language="${escapeAttr(doc.trgLang)}" datatype="plaintext">`,
    );
    out.push("  <body>");
    for (const unit of file.units) {
      const inline = (xs: readonly Inline[]) => writeInline(xs, unit.codes);
      const approved = unit.target && unit.status === "current" ? ' approved="yes"' : "";
      const key = escapeAttr(poContext(file.chapter, unit.id));
      out.push(`   <trans-unit id="${key}" resname="${key}" xml:space="preserve"${approved}>`);
      out.push(`    <source>${inline(unit.source)}</source>`);
      if (unit.target) out.push(`    <target state="${TARGET_STATE[unit.status] ?? "new"}">${inline(unit.target)}</target>`);
      out.push(`    <note from="course">section ${escapeText(unit.section)}, ${unit.kind}, ${unit.status}</note>`);
      out.push(`    <note from="course">${FINGERPRINT_NOTE}${unit.fingerprint}</note>`);
      // A stale unit's older source and the translation made from it (a CAT tool shows the change).
      if (unit.previousSource && unit.target)
        out.push(
          `    <alt-trans alttranstype="previous-version"><source>${inline(unit.previousSource)}</source><target>${inline(unit.target)}</target></alt-trans>`,
        );
      for (const m of unit.matches)
        out.push(
          `    <alt-trans match-quality="${m.similarity}%" origin="${escapeAttr(m.origin)}"><source>${inline(m.source)}</source><target>${inline(m.target)}</target></alt-trans>`,
        );
      // Another translation of the same unit, in its own language: a reference (alttranstype="reference").
      for (const r of unit.references)
        out.push(
          `    <alt-trans alttranstype="reference" origin="${escapeAttr(`translation, ${r.locale}`)}"><source>${inline(unit.source)}</source><target xml:lang="${escapeAttr(r.locale)}">${inline(r.target)}</target></alt-trans>`,
        );
      out.push("   </trans-unit>");
    }
    out.push("  </body>");
    out.push(" </file>");
  }
  out.push("</xliff>");
  return `${out.join("\n")}\n`;
}

/**
 * Reads an XLIFF 1.2 file we wrote (or a tool edited or converted): per `<file>`, each
 * trans-unit's source and target. Codes are `<x/>`, `<g>` (ours) and `<ph>` (the code as its
 * content); anything else is refused in one line. A target is confirmed when the unit is
 * approved or its state is final or signed-off.
 */
export function readXliff12(text: string, name: string): ReadDocument {
  const root = parseXliffXml(text, name);
  const version = root.getAttribute("version") ?? "";
  if (!["1.1", "1.2"].includes(version)) throw new ExchangeError(`${name}: not XLIFF 1.2 (version="${version}")`);
  let srcLang = "";
  let trgLang = "";
  const byFile = new Map<string, { original?: string; chapter?: string; units: ReadUnit[] }>();
  for (const file of childElements(root, "file")) {
    srcLang ||= file.getAttribute("source-language") ?? "";
    trgLang ||= file.getAttribute("target-language") ?? "";
    const original = attribute(file, "original") ?? "";
    const bodies = childElements(file, "body");
    const transUnits = bodies.flatMap((b) => [
      ...childElements(b, "trans-unit"),
      ...childElements(b, "group").flatMap((g) => childElements(g, "trans-unit")),
    ]);
    for (const unit of transUnits) {
      if (unit.getAttribute("restype") === "x-gettext-domain-header") continue;
      // The unit's key: resname or id as we write them, or a location a converter kept (po2xliff).
      const contexts = childElements(unit, "context-group").flatMap((g) => childElements(g, "context"));
      const key = [attribute(unit, "resname"), attribute(unit, "id"), ...contexts.map((c) => c.textContent)]
        .map((k) => (k ? parseUnitKey(k) : null))
        .find((k) => k !== null);
      const id = key?.id ?? attribute(unit, "resname") ?? attribute(unit, "id") ?? "";
      const where = `${name}: unit "${id}"`;
      if (!key && !original.startsWith("content/"))
        throw new ExchangeError(`${where}: it names no chapter (its id is not <chapter>#<unit>, as we write it)`);
      const codeOf = (node: El) => {
        const codeId = node.getAttribute("id") ?? "";
        if (localName(node) === "x") return { kind: "ph" as const, id: codeId, data: attribute(node, "equiv-text") };
        if (localName(node) === "ph") return { kind: "ph" as const, id: codeId, data: node.textContent ?? "" };
        if (localName(node) === "g") return { kind: "pc" as const, id: codeId, data: null };
        return null;
      };
      const data = new Map<string, string>();
      const sourceEl = childElements(unit, "source")[0];
      if (!sourceEl) throw new ExchangeError(`${where}: no <source>`);
      // A file converted from our PO (po2xliff) has the PO's numbered tags as text: they are codes.
      const withTags = (inline: Inline[]) => inline.flatMap((i) => ("text" in i ? poInline(i.text) : [i]));
      const source = withTags(readInline(sourceEl, where, codeOf, data));
      const targetEl = childElements(unit, "target")[0];
      const target = targetEl ? withTags(readInline(targetEl, where, codeOf, data)) : null;
      const state = targetEl?.getAttribute("state") ?? "";
      const slot = key ? `chapter:${key.chapter}` : `file:${original}`;
      const group = byFile.get(slot) ?? byFile.set(slot, key ? { chapter: key.chapter, units: [] } : { original, units: [] }).get(slot)!;
      group.units.push({
        id,
        source,
        target,
        confirmed: unit.getAttribute("approved") === "yes" || ["final", "signed-off"].includes(state),
        data,
        fingerprint: fingerprintOf(
          childElements(unit, "note")
            .map((n) => n.textContent ?? "")
            .join("\n"),
        ),
      });
    }
  }
  if (!srcLang) throw new ExchangeError(`${name}: its <file> elements need a source-language`);
  const files: ReadFile[] = [...byFile.values()];
  return { srcLang, trgLang, files };
}
