import { createHash } from "node:crypto";
import { decodeNamedCharacterReference } from "decode-named-character-reference";
import type { PhrasingContent } from "mdast";
import { gfmToMarkdown } from "mdast-util-gfm";
import { mathToMarkdown } from "mdast-util-math";
import { mdxToMarkdown } from "mdast-util-mdx";
import { toMarkdown } from "mdast-util-to-markdown";
import type { Piece, Segment } from "./segments.ts";

/**
 * A unit's text as a translator's tool sees it: plain text (no Markdown, YAML or HTML escapes),
 * whole placeholders (`ph`: code, maths, an image, a value) and paired codes (`open` / `close`:
 * bold, a link, `<sub>`) around text the translator edits. Codes are named by id; the unit's
 * code table says what each stands for in the file.
 */
export type Inline = { readonly text: string } | { readonly ph: string } | { readonly open: string } | { readonly close: string };

/** What a code stands for in the chapter file, before it is given an id. */
export type CodeContent =
  { readonly kind: "ph"; readonly data: string } | { readonly kind: "pc"; readonly start: string; readonly end: string };
/** What a code stands for in the chapter file. */
export type Code = CodeContent & { readonly id: string };
/** A kept piece of a segment (not text). */
type KeptPiece = Exclude<Piece, { text: string }>;

/** A unit's source and translation as inline content, and the codes both use. */
export interface UnitInline {
  readonly source: Inline[];
  readonly target: Inline[] | null;
  /** id -> code: the source's codes ("1", "2", ...), then codes only the translation has ("t1", ...). */
  readonly codes: ReadonlyMap<string, Code>;
}

/**
 * Text as written in a paragraph or heading, decoded as the Markdown parser reads it: a backslash
 * before ASCII punctuation is the character, a character reference is the character.
 */
export function decodeMarkdownText(raw: string): string {
  return raw.replace(/\\([!-/:-@[-`{-~])|&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/g, (all, escaped, ref) => {
    if (escaped !== undefined) return escaped as string;
    return decodeReference(ref as string) ?? all;
  });
}

function decodeReference(ref: string): string | null {
  if (!ref.startsWith("#")) {
    const named = decodeNamedCharacterReference(ref);
    return named === false ? null : named;
  }
  const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
  return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : "\uFFFD";
}

/** A frontmatter field's text (inside YAML double quotes) as the YAML parser reads it. */
export function decodeYamlQuoted(raw: string): string {
  try {
    return JSON.parse(`"${raw.replace(/\\x([0-9a-fA-F]{2})/g, "\\u00$1")}"`) as string;
  } catch {
    return raw;
  }
}

/** How a text piece of a segment of this kind is read, and how text is written back into one. */
function decoderFor(kind: string): (raw: string) => string {
  if (kind.startsWith("meta:")) return decodeYamlQuoted;
  if (kind.startsWith("prop:"))
    return (raw) =>
      raw.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/g, (all, ref: string) => decodeReference(ref) ?? all);
  return decodeMarkdownText;
}

/** A segment's pieces as inline content, codes named by `idOf`. */
function inlineOf(segment: Segment, idOf: (piece: KeptPiece, index: number) => string): Inline[] {
  const decode = decoderFor(segment.kind);
  const out: Inline[] = [];
  segment.pieces.forEach((piece, i) => {
    if ("text" in piece) {
      const text = decode(piece.text);
      const last = out.at(-1);
      if (last && "text" in last) out[out.length - 1] = { text: last.text + text };
      else if (text) out.push({ text });
    } else {
      const id = idOf(piece, i);
      out.push(piece.pair ? (piece.pair.end === "open" ? { open: id } : { close: id }) : { ph: id });
    }
  });
  return out;
}

/** The codes of a segment's pieces: whole placeholders, and pairs (their two ends joined). */
function codesOf(pieces: readonly Piece[]): { index: number; code: CodeContent }[] {
  const out: { index: number; code: CodeContent }[] = [];
  const opens = new Map<number, number>();
  pieces.forEach((p, i) => {
    if ("text" in p) return;
    if (!p.pair) out.push({ index: i, code: { kind: "ph", data: p.keep } });
    else if (p.pair.end === "open") opens.set(p.pair.n, i);
    else {
      const open = opens.get(p.pair.n)!;
      out.push({ index: open, code: { kind: "pc", start: (pieces[open] as { keep: string }).keep, end: p.keep } });
    }
  });
  return out.sort((a, b) => a.index - b.index);
}

const sameCode = (a: CodeContent, b: CodeContent) =>
  a.kind === "ph" && b.kind === "ph" ? a.data === b.data : a.kind === "pc" && b.kind === "pc" && a.start === b.start && a.end === b.end;

/**
 * A unit as inline content: the source's codes numbered in order ("1", "2", ...); the
 * translation's codes take the id of the source's code they equal (first unused one), or
 * "t1", "t2", ... when only the translation has them (a link to the translated page).
 */
export function unitInline(source: Segment, target: Segment | null): UnitInline {
  const codes = new Map<string, Code>();
  const ids = new Map<number, string>();
  const pairIds = new Map<number, string>();
  codesOf(source.pieces).forEach(({ index, code }, i) => {
    const id = String(i + 1);
    codes.set(id, { ...code, id });
    ids.set(index, id);
    const piece = source.pieces[index] as { pair?: { n: number } };
    if (piece.pair) pairIds.set(piece.pair.n, id);
  });
  const idIn = (table: Map<number, string>, pairTable: Map<number, string>) => (piece: KeptPiece, index: number) =>
    piece.pair ? pairTable.get(piece.pair.n)! : table.get(index)!;
  const sourceInline = inlineOf(source, idIn(ids, pairIds));
  if (!target) return { source: sourceInline, target: null, codes };
  const used = new Set<string>();
  const tIds = new Map<number, string>();
  const tPairIds = new Map<number, string>();
  let extra = 0;
  for (const { index, code } of codesOf(target.pieces)) {
    let id = [...codes.values()].find((c) => !used.has(c.id) && !c.id.startsWith("t") && sameCode(c, code))?.id;
    if (!id) {
      id = `t${++extra}`;
      codes.set(id, { ...code, id });
    }
    used.add(id);
    tIds.set(index, id);
    const piece = target.pieces[index] as { pair?: { n: number } };
    if (piece.pair) tPairIds.set(piece.pair.n, id);
  }
  return { source: sourceInline, target: inlineOf(target, idIn(tIds, tPairIds)), codes };
}

/** A stable key for inline content: equal keys, equal content. */
export function inlineKey(inline: readonly Inline[]): string {
  return inline
    .map((i) => ("text" in i ? `t:${i.text}` : "ph" in i ? `p:${i.ph}` : "open" in i ? `o:${i.open}` : `c:${i.close}`))
    .join("\u0000");
}

/**
 * A translation's fingerprint, written into each exported unit: what the project's target was
 * when the file was made ("none" when it had none). An import compares it with the project's
 * target now, so an older file never silently undoes newer work.
 */
export function targetFingerprint(target: readonly Inline[] | null): string {
  return target === null ? "none" : createHash("sha256").update(inlineKey(target)).digest("hex").slice(0, 12);
}

/** The note line that carries a fingerprint in PO and XLIFF 1.2 (`target at export: 1a2b3c4d5e6f`), and its reader. */
export const FINGERPRINT_NOTE = "target at export: ";
export function fingerprintOf(notes: string | undefined | null): string | undefined {
  return /(?:^|\n)target at export: (none|[0-9a-f]{12})\s*(?:$|\n)/.exec(notes ?? "")?.[1];
}

/** The plain text of inline content (codes left out): what a memory compares, what a check reads. */
export function plainText(inline: readonly Inline[]): string {
  return inline.map((i) => ("text" in i ? i.text : "")).join("");
}

/** Inline content whose codes are well formed: each pair opened once then closed, ph never paired. */
export function codeProblem(inline: readonly Inline[], codes: ReadonlyMap<string, Code>): string | null {
  const open: string[] = [];
  for (const i of inline) {
    if ("text" in i) continue;
    const id = "ph" in i ? i.ph : "open" in i ? i.open : i.close;
    const code = codes.get(id);
    if (!code) return `code ${id} is not one of the unit's codes`;
    if ("ph" in i && code.kind !== "ph") return `code ${id} is a pair (it wraps text), not a placeholder`;
    if (!("ph" in i) && code.kind !== "pc") return `code ${id} is a placeholder, not a pair`;
    if ("open" in i) open.push(id);
    if ("close" in i && open.pop() !== id) return `code ${id} is closed where it was not the last one opened`;
  }
  return open.length ? `code ${open.at(-1)} is opened and never closed` : null;
}

/** The ids of the codes inline content uses, sorted. */
export function codeIds(inline: readonly Inline[]): string {
  return inline
    .flatMap((i) => ("ph" in i ? [i.ph] : "open" in i ? [i.open] : []))
    .sort()
    .join(",");
}

const MARKDOWN = { extensions: [mdxToMarkdown(), mathToMarkdown(), gfmToMarkdown()] };

/**
 * Inline content written into a segment of this kind: text escaped so that it stays text (a `<`,
 * `{`, `*` or `#` a translator typed is shown, never parsed), codes as the file's own text.
 */
export function writeInline(kind: string, inline: readonly Inline[], codes: ReadonlyMap<string, Code>, quote = '"'): string {
  const code = (i: Inline) => {
    const c = codes.get("ph" in i ? i.ph : "open" in i ? i.open : (i as { close: string }).close)!;
    return c.kind === "ph" ? c.data : "open" in i ? c.start : c.end;
  };
  if (kind.startsWith("meta:")) return inline.map((i) => ("text" in i ? JSON.stringify(i.text).slice(1, -1) : code(i))).join("");
  if (kind.startsWith("prop:"))
    return inline
      .map((i) =>
        "text" in i ? i.text.replace(/&/g, "&amp;").replace(quote === "'" ? /'/g : /"/g, quote === "'" ? "&#39;" : "&quot;") : code(i),
      )
      .join("");
  const children = inline.map((i): PhrasingContent => ("text" in i ? { type: "text", value: i.text } : { type: "html", value: code(i) }));
  return toMarkdown({ type: "paragraph", children }, MARKDOWN).replace(/\n$/, "");
}
