import { po as gettextPo, type GetTextTranslation, type GetTextTranslations } from "gettext-parser";
import type { ReadUnit } from "../apply.ts";
import type { ExchangeDocument } from "../exchange.ts";
import { ExchangeError } from "../exchangeError.ts";
import { FINGERPRINT_NOTE, fingerprintOf, type Code, type Inline } from "../inline.ts";
import type { ReadDocument, ReadFile } from "./read.ts";
import { MAX_EXCHANGE_BYTES } from "./xml.ts";

/**
 * Codes in PO text: `<1/>` for a placeholder, `<2>…</2>` around words a pair formats (bold,
 * a link). Numbered tags only, so a `<` a translator types is text.
 */
const CODE_TAG = /<(\/?)((?:t)?\d+)(\/?)>/g;

/** Inline content as PO text, codes as numbered tags. */
export function poText(inline: readonly Inline[]): string {
  return inline.map((i) => ("text" in i ? i.text : "ph" in i ? `<${i.ph}/>` : "open" in i ? `<${i.open}>` : `</${i.close}>`)).join("");
}

/** PO text back as inline content (tags that are not ours stay text). */
export function poInline(text: string): Inline[] {
  const out: Inline[] = [];
  let at = 0;
  const push = (t: string) => {
    if (!t) return;
    const last = out.at(-1);
    if (last && "text" in last) out[out.length - 1] = { text: last.text + t };
    else out.push({ text: t });
  };
  for (const m of text.matchAll(CODE_TAG)) {
    const [all, slash, id, selfClose] = m;
    if (slash && selfClose) continue;
    push(text.slice(at, m.index));
    out.push(selfClose ? { ph: id! } : slash ? { close: id! } : { open: id! });
    at = m.index + all.length;
  }
  push(text.slice(at));
  return out;
}

const describe = (code: Code) =>
  code.kind === "ph" ? `<${code.id}/> = ${code.data}` : `<${code.id}>…</${code.id}> = ${code.start}…${code.end}`;

/** The key that names a unit in PO and XLIFF 1.2 files: `<chapter>#<unit id>` (the unit id is `<section>.<n>`). */
export const poContext = (chapter: string, unit: string) => `${chapter}#${unit}`;
/** A unit key's chapter and unit id, or null when the text is not one. */
export function parseUnitKey(key: string): { chapter: string; id: string } | null {
  // A chapter's unit is `<section>.<n>`; a string's is `@<key>` (src/translation/exchange/stringUnits.ts).
  const m = /^([\w./-]+)#(_?[A-Za-z][\w-]*\.\d+|@[\w.-]+)$/.exec(key.trim());
  return m ? { chapter: m[1]!, id: m[2]! } : null;
}

/**
 * Writes a gettext PO file: an entry per unit, `msgctxt` the chapter and unit id, `msgid` the
 * source, `msgstr` the current translation (empty when there is none). Notes for the
 * translator (`#.`) give the section, its state, the kind of text and what each numbered code
 * stands for; `#:` the line of the source. A stale translation is `fuzzy` (to review); a
 * unit without one gets the memory's best match as a `fuzzy` suggestion, its similarity noted.
 * `msgfmt --check` accepts it; fuzzy entries are not imported until the translator clears the flag.
 */
export function writePo(doc: ExchangeDocument): string {
  let plurals: string | undefined;
  const translations: Record<string, Record<string, GetTextTranslation>> = {
    "": { "": { msgid: "", msgstr: [""] } },
  };
  for (const file of doc.files)
    for (const unit of file.units) {
      const msgctxt = poContext(file.chapter, unit.id);
      const best = unit.target ? null : (unit.matches[0] ?? null);
      const notes = [
        `section ${unit.section} (${unit.status}); ${unit.kind}`,
        ...[...unit.codes.values()].map(describe),
        ...(best ? [`memory: ${best.similarity}% match, from ${best.origin}`] : []),
        // Other translations of the same unit: to read, not to copy (PO has no place for them but a note).
        ...unit.references.map((r) => `reference, ${r.locale}: ${poText(r.target).replace(/\n/g, " ")}`),
        `${FINGERPRINT_NOTE}${unit.fingerprint}`,
      ];
      const fuzzy = (unit.target !== null && unit.status !== "current") || best !== null;
      // A string that is one ICU plural: gettext's msgid_plural and one msgstr per form of the language.
      if (unit.plural) {
        const p = unit.plural;
        const target = p.target;
        plurals = p.header;
        const msgid = p.source.one ?? p.source.other!;
        translations[msgctxt] = {
          [msgid]: {
            msgctxt,
            msgid,
            msgid_plural: p.source.other!,
            msgstr: p.categories.map((c) => (target ? (target[c] ?? target.other ?? "") : "")),
            comments: {
              extracted: [
                ...notes,
                `plural {${p.name}}: "#" is the number; msgstr[n] is the form for ${p.categories.map((c, i) => `[${i}] ${c}`).join(", ")}`,
              ].join("\n"),
              reference: `${msgctxt} ${file.original}:${unit.line}`,
              ...(fuzzy ? { flag: "fuzzy" } : {}),
            },
          },
        };
        continue;
      }
      translations[msgctxt] = {
        [poText(unit.source)]: {
          msgctxt,
          msgid: poText(unit.source),
          msgstr: [unit.target ? poText(unit.target) : best ? poText(best.target) : ""],
          comments: {
            extracted: notes.join("\n"),
            // The unit's key first: tools that drop msgctxt (po2xliff) keep references.
            reference: `${msgctxt} ${file.original.replace(`/${doc.trgLang}/`, `/${doc.srcLang}/`)}:${unit.line}`,
            ...(fuzzy ? { flag: "fuzzy" } : {}),
            // A stale unit's older source, as gettext's msgmerge writes it: tools show the change.
            ...(unit.previousSource ? { previous: `msgid ${poString(poText(unit.previousSource))}` } : {}),
          },
        },
      };
    }
  const table: GetTextTranslations = {
    charset: "utf-8",
    headers: {
      "Project-Id-Version": "course",
      "PO-Revision-Date": new Date().toISOString().replace(/T(\d\d:\d\d).*/, " $1+0000"),
      "Last-Translator": "",
      "Language-Team": doc.trgLang,
      // gettext's spelling (zh_TW, pt_BR), as Poedit and msgfmt expect; the import reads either.
      Language: gettextLanguage(doc.trgLang),
      "MIME-Version": "1.0",
      "Content-Type": "text/plain; charset=UTF-8",
      "Content-Transfer-Encoding": "8bit",
      "X-Source-Language": doc.srcLang,
      ...(plurals ? { "Plural-Forms": plurals } : {}),
    },
    translations,
  };
  return gettextPo.compile(table, { foldLength: 0 }).toString("utf8") + "\n";
}

/** Which of a unit's notes say what a code stands for: `<1/> = data`, `<2>…</2> = start…end`. */
function codeNotes(extracted: string | undefined): Map<string, string> {
  const data = new Map<string, string>();
  for (const line of (extracted ?? "").split("\n")) {
    const m = /^<((?:t)?\d+)(?:\/>|>…<\/\1>) = (.*)$/.exec(line);
    if (m) data.set(m[1]!, m[2]!);
  }
  return data;
}

/**
 * Reads a PO file we wrote (or a tool edited, rewrapped or converted): the languages from its
 * header, and per chapter each entry's unit (from `msgctxt`), source and translation. A fuzzy
 * entry or an empty `msgstr` is not translated; a plural entry is refused.
 */
export function readPo(text: string, name: string): ReadDocument {
  if (Buffer.byteLength(text) > MAX_EXCHANGE_BYTES) throw new ExchangeError(`${name}: larger than ${MAX_EXCHANGE_BYTES / 1024 / 1024} MB`);
  let table: GetTextTranslations;
  try {
    table = gettextPo.parse(text);
  } catch (err) {
    throw new ExchangeError(`${name}: not a PO file we can read (${(err as Error).message.split("\n")[0]})`);
  }
  const headers = Object.fromEntries(Object.entries(table.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const trgLang = headers.language ?? "";
  const srcLang = headers["x-source-language"] ?? "";
  const byChapter = new Map<string, ReadUnit[]>();
  for (const [context, entries] of Object.entries(table.translations))
    for (const entry of Object.values(entries)) {
      if (context === "" && entry.msgid === "") continue;
      // The unit: msgctxt as we write it, or (after a tool dropped it) a reference that is the unit's key.
      const key =
        parseUnitKey(context) ??
        (entry.comments?.reference ?? "")
          .split(/\s+/)
          .map((ref) => parseUnitKey(ref.replace(/%23/gi, "#")))
          .find((k) => k !== null);
      if (!key)
        throw new ExchangeError(
          `${name}: the entry "${entry.msgid.slice(0, 40)}" names no unit (msgctxt or a #: reference <chapter>#<unit>, as we write them)`,
        );
      const { chapter, id } = key;
      const fuzzy = (entry.comments?.flag ?? "").split(/[\s,]+/).includes("fuzzy");
      // A plural entry is a string's (its forms become an ICU plural on import); a chapter's units are never plural.
      if (entry.msgid_plural !== undefined) {
        if (!id.startsWith("@")) throw new ExchangeError(`${name}: unit "${id}": a plural entry is not one of ours`);
        const units = byChapter.get(chapter) ?? byChapter.set(chapter, []).get(chapter)!;
        units.push({
          id,
          source: [{ text: entry.msgid }],
          target: null,
          confirmed: !fuzzy,
          data: new Map(),
          fingerprint: fingerprintOf(entry.comments?.extracted),
          plural: { sourcePlural: entry.msgid_plural, forms: fuzzy ? [] : entry.msgstr },
        });
        continue;
      }
      const msgstr = entry.msgstr[0] ?? "";
      const target = fuzzy || msgstr === "" ? null : poInline(msgstr);
      const units = byChapter.get(chapter) ?? byChapter.set(chapter, []).get(chapter)!;
      units.push({
        id,
        source: poInline(entry.msgid),
        target,
        confirmed: target !== null,
        data: codeNotes(entry.comments?.extracted),
        fingerprint: fingerprintOf(entry.comments?.extracted),
      });
    }
  const files: ReadFile[] = [...byChapter].map(([chapter, units]) => ({ chapter, units }));
  return { srcLang, trgLang, files };
}

/** A PO string literal: quoted, with backslashes, quotes, tabs and line breaks escaped. */
function poString(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\t/g, "\\t").replace(/\r/g, "\\r").replace(/\n/g, "\\n")}"`;
}

/**
 * A BCP 47 tag as gettext names the language: `_` before the region, the script left out when it
 * is the one the language has there anyway (zh-Hant-TW is zh_TW; sr-Latn-RS keeps its script).
 */
export function gettextLanguage(tag: string): string {
  try {
    const locale = new Intl.Locale(tag);
    const { language, script, region } = locale;
    const usual = region ? new Intl.Locale(`${language}-${region}`).maximize().script : new Intl.Locale(language).maximize().script;
    return [language, ...(script && script !== usual ? [script] : []), ...(region ? [region] : [])].join("_");
  } catch {
    return tag;
  }
}
