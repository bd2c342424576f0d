/**
 * What makes a search hit real. Pagefind matches word prefixes, and splits text without
 * spaces into pieces: "ほげほげ" finds "ほど", "xyzzy" finds a formula's "x", "不応期" finds
 * "期間". A hit counts only when its text holds every term of the query: a Japanese term as
 * written, an alphabetic one as the start of a word (its stem: "spikes" finds "spiking").
 */

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]/;
const HIDDEN = /[\u200b\u00ad]/g;

/** Folds text for comparison: lower case, compatibility forms (full-width letters), no soft breaks. */
export function fold(text: string): string {
  return text.normalize("NFKC").replace(HIDDEN, "").toLowerCase();
}

/** A query's terms: split at spaces; empty for a query of spaces. */
export function queryTerms(query: string): string[] {
  return fold(query)
    .split(/[\s\u3000]+/)
    .map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter(Boolean);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Whether a text holds one term: a Japanese one anywhere, an alphabetic one as the start of a word, from its stem on. */
export function holdsTerm(text: string, term: string): boolean {
  const folded = fold(text);
  if (CJK.test(term)) return folded.replace(/\s+/g, "").includes(term);
  // An English stem: "spikes" and "spiking" share "spik"; short words must match whole.
  const stem = term.length > 4 ? term.replace(/(?:ing|es|ed|s|e)$/, "") : term;
  const whole = term.length <= 4 ? "(?![\\p{L}\\p{N}])" : "";
  return new RegExp(`(?<![\\p{L}\\p{N}])${escape(stem)}${whole}`, "u").test(folded);
}

/** Whether a text holds every term of a query (a query without terms matches nothing). */
export function matchesQuery(text: string, terms: readonly string[]): boolean {
  return terms.length > 0 && terms.every((t) => holdsTerm(text, t));
}

/** Text of an excerpt's HTML (Pagefind's, with `<mark>`s), entities decoded. */
export function excerptText(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, "&");
}

/**
 * An excerpt that starts where a reader can start: Pagefind cuts a window of words, which in
 * Japanese may begin inside a word or at the tail of the previous sentence ("す。スパイク…").
 * The part before the first sentence end is dropped when a match follows it; otherwise, and
 * whenever the excerpt starts mid-sentence, it begins with "…". Works on the HTML, so the
 * `<mark>`s stay.
 */
export function trimExcerpt(html: string): string {
  const body = html.replace(HIDDEN, "").trimStart();
  const firstMark = body.indexOf("<mark>");
  const end = /[。！？!?]\s*|\.\s+(?=[A-Z])/g;
  let m: RegExpExecArray | null;
  while ((m = end.exec(body)) !== null) {
    const cut = m.index + m[0].length;
    if (firstMark >= 0 && cut > firstMark) break;
    if (cut <= 40 && !body.slice(0, cut).includes("<")) return body.slice(cut);
    break;
  }
  const startsSentence = /^(?:<mark>)?[\p{Lu}\p{N}「『（(]/u.test(body);
  return startsSentence ? body : `…${body}`;
}
