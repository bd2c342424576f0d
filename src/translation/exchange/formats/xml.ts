import { DOMParser } from "linkedom";
import { ExchangeError } from "../exchangeError.ts";
import type { Inline } from "../inline.ts";

/** The most an exchange file may weigh (a chapter's is well under 1 MB). */
export const MAX_EXCHANGE_BYTES = 8 * 1024 * 1024;
/** The deepest an XLIFF file's elements may nest (ours: xliff, file, body/unit, unit/segment, source, a few codes). */
const MAX_XML_DEPTH = 16;

export const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
export const escapeAttr = (s: string) => escapeText(s).replace(/"/g, "&quot;").replace(/\n/g, "&#10;");

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

/** An element as the reader walks it (linkedom's XML DOM). */
export interface El {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<El>;
  getAttribute(name: string): string | null;
}
/**
 * An attribute's value with its character references decoded (linkedom's XML parser hands them
 * over as written: `&lt;` stays `&lt;`).
 */
export function attribute(el: El, name: string): string | null {
  const raw = el.getAttribute(name);
  if (!raw?.includes("&")) return raw;
  return raw.replace(/&(lt|gt|amp|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});/g, (all, ref: string) => {
    const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
    if (named[ref]) return named[ref];
    const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}
export const localName = (el: El) => el.nodeName.replace(/^.*:/, "");
export const childElements = (el: El, name: string): El[] =>
  Array.from(el.childNodes).filter((c) => c.nodeType === 1 && localName(c) === name);

/**
 * Parses an XLIFF file's XML after the checks that keep a hostile file cheap: its size, no DTD
 * or entity declaration, a bounded depth, an `<xliff>` root. Returns the root element.
 */
export function parseXliffXml(text: string, name: string): El {
  if (Buffer.byteLength(text) > MAX_EXCHANGE_BYTES) throw new ExchangeError(`${name}: larger than ${MAX_EXCHANGE_BYTES / 1024 / 1024} MB`);
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new ExchangeError(`${name}: a DTD or entity declaration is not allowed in XLIFF`);
  if (tagDepth(text) > MAX_XML_DEPTH)
    throw new ExchangeError(`${name}: its elements nest more than ${MAX_XML_DEPTH} levels; that is not a file of ours`);
  if (!/^\s*(<\?xml[^>]*\?>\s*)?<xliff[\s>]/.test(text)) throw new ExchangeError(`${name}: not an XLIFF file (no <xliff> root element)`);
  const doc = new DOMParser().parseFromString(text, "text/xml") as unknown as { documentElement: El | null };
  const root = doc.documentElement;
  if (!root || localName(root) !== "xliff") throw new ExchangeError(`${name}: not an XLIFF file (no <xliff> root element)`);
  return root;
}

/**
 * Reads inline content: text (written with entities or as CDATA), `<ph>` and `<pc>` codes.
 * `data` collects what the file says each code stands for; `codeOf` says which elements are a
 * format's codes (`<ph>`/`<pc>` in XLIFF 2.0, `<x/>`/`<g>`/`<ph>` in 1.2) and what each is.
 */
export function readInline(
  el: El,
  where: string,
  codeOf: (node: El) => { kind: "ph" | "pc"; id: string; data: string | null } | null,
  data: Map<string, string>,
): Inline[] {
  const out: Inline[] = [];
  const text = (t: string) => {
    const last = out.at(-1);
    if (last && "text" in last) out[out.length - 1] = { text: last.text + t };
    else if (t) out.push({ text: t });
  };
  const walk = (parent: El) => {
    for (const node of Array.from(parent.childNodes)) {
      if (node.nodeType === 3 || node.nodeType === 4) text(node.textContent ?? "");
      else if (node.nodeType === 1) {
        const code = codeOf(node);
        if (!code) throw new ExchangeError(`${where}: <${node.nodeName}> is not allowed here; only text and the codes we wrote`);
        if (code.data !== null) data.set(code.id, code.data);
        if (code.kind === "ph") out.push({ ph: code.id });
        else {
          out.push({ open: code.id });
          walk(node);
          out.push({ close: code.id });
        }
      }
    }
  };
  walk(el);
  return out;
}
