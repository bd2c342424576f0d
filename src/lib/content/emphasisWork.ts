import { forEachInlineCharacter, forEachParagraph, nestedDepth, runLength } from "./paragraphText.ts";
import {
  classifyCharacter,
  classifyPrecedingCharacter,
  isCjk,
  isCjkOrIvs,
  isNonCjkPunctuation,
  isSpaceOrPunctuation,
  isUnicodeWhitespace,
} from "micromark-extension-cjk-friendly-util";

/**
 * What pairing a text's emphasis markers (`*`, `_`) costs the parser, found in one pass before
 * anything is parsed. The Markdown parser pairs each closing marker by looking back through the
 * paragraph to its opener, or to the paragraph's start when it has none, over every marker in
 * between, and each pair it makes moves the paragraph's tokens after it: markers nested or left
 * open cost the square of their number (2,000 nested levels in a 12 KB paragraph took 1.8 s to
 * parse; 10,000 openers and 10,000 closers that never pair, 60 KB, 25 s; 120 KB, 144 s), and so
 * do very many pairs in one paragraph, more slowly (20,000 pairs of `*a*`, 80 KB, 1.3 s).
 *
 * `work` counts those looks over the whole text, paragraph by paragraph, the markers paired by
 * CommonMark's rules with the CJK-friendly amendment the chapters are parsed with; `line` is the
 * first line of the costliest paragraph. `depth` is how deep the pairs found nest, at their
 * paragraph's `depthLine`. The chapters of the course cost a look or two each. Code spans,
 * inline maths, `{…}` expressions, `<…>` tags and escaped characters hold no markers, nor do
 * fenced code and display maths. Stops once the work is over `limit`.
 */
export function emphasisWork(text: string, limit = Infinity): { work: number; line: number; depth: number; depthLine: number } {
  let total = 0;
  let costliest = { work: 0, line: 1 };
  let deepest = { depth: 0, line: 1 };
  forEachParagraph(text, (paragraph, start) => {
    const found = pairing(paragraph);
    total += found.work;
    if (found.work > costliest.work) costliest = { work: found.work, line: start };
    if (found.depth > deepest.depth) deepest = { depth: found.depth, line: start };
    return total <= limit;
  });
  return { work: total, line: costliest.line, depth: deepest.depth, depthLine: deepest.line };
}

interface Delimiter {
  readonly char: string;
  /** Offset of the run's first character in the paragraph. */
  readonly at: number;
  readonly length: number;
  /** Characters not yet used by a pair: taken from the inner end of an opener, the outer end of a closer. */
  left: number;
  /** Order of the run in its paragraph. */
  readonly serial: number;
  readonly canOpen: boolean;
  readonly canClose: boolean;
}

/** `*` or `_`: a run beside another emphasis marker flanks it as it would a space. */
const isEmphasisMarker = (code: number | null) => code === 0x2a || code === 0x5f;
/** GFM's strikethrough marker (`~`, the chapters are parsed with GFM): a run beside it may open or close. */
const TILDE = 0x7e;

/** The code point before `i` (or null at the start), whole when it is a surrogate pair. */
function codeBefore(text: string, i: number): number | null {
  if (i <= 0) return null;
  const low = text.charCodeAt(i - 1);
  return low >= 0xdc00 && low <= 0xdfff && i >= 2 ? text.codePointAt(i - 2)! : low;
}

/**
 * Whether a run of `*` or `_` can open and close emphasis, by the parser's own rules: CommonMark's
 * flanking runs with the CJK-friendly amendment the chapters are parsed with (remark-cjk-friendly),
 * its character classes from the same package.
 */
function flanking(text: string, i: number, length: number, c: string): { canOpen: boolean; canClose: boolean } {
  const previous = codeBefore(text, i);
  const next = i + length < text.length ? text.codePointAt(i + length)! : null;
  const before = classifyPrecedingCharacter(
    classifyCharacter(previous),
    () => (previous === null ? null : codeBefore(text, i - String.fromCodePoint(previous).length)),
    previous,
  );
  const after = classifyCharacter(next);
  const beforeNonCjkPunctuation = isNonCjkPunctuation(before);
  const afterNonCjkPunctuation = isNonCjkPunctuation(after);
  const beforeSpaceOrPunctuation = beforeNonCjkPunctuation || isUnicodeWhitespace(before) || isEmphasisMarker(previous);
  const afterSpaceOrPunctuation = afterNonCjkPunctuation || isUnicodeWhitespace(after) || isEmphasisMarker(next);
  const open = !afterSpaceOrPunctuation || (afterNonCjkPunctuation && (beforeSpaceOrPunctuation || isCjkOrIvs(before))) || next === TILDE;
  const close = !beforeSpaceOrPunctuation || (beforeNonCjkPunctuation && (afterSpaceOrPunctuation || isCjk(after))) || previous === TILDE;
  return c === "*"
    ? { canOpen: open, canClose: close }
    : { canOpen: open && (isSpaceOrPunctuation(before) || !close), canClose: close && (isSpaceOrPunctuation(after) || !open) };
}

/** Markers moved when a pair is made that cost the parser as much as one look back (measured: 3 ns against 160 ns). */
const SPLICES_PER_LOOK = 50;

/** The looks pairing one paragraph's markers costs the parser, and how deep the pairs nest. */
function pairing(text: string): { work: number; depth: number } {
  const pairs: [number, number][] = [];
  const work = { looks: 0 };
  const openers: Delimiter[] = [];
  // Per kind of closer (character, whether it can open, length mod 3): below this, no opener matches.
  const bottom = new Map<string, number>();
  let serial = 0;
  forEachInlineCharacter(text, (c, i) => {
    if (c !== "*" && c !== "_") return i + 1;
    const length = runLength(text, i, c);
    const { canOpen, canClose } = flanking(text, i, length, c);
    const run: Delimiter = { char: c, at: i, length, left: length, serial: serial++, canOpen, canClose };
    if (canClose) close(run, openers, bottom, pairs, work);
    if (run.left > 0 && canOpen) openers.push(run);
    return i + length;
  });
  // Each pair also rewrites the paragraph's list of tokens after it: about one look for every 50
  // markers of the paragraph (60,000 pairs of `*強調*` in one paragraph took more than 15 s).
  return { work: work.looks + Math.floor((pairs.length * serial) / SPLICES_PER_LOOK), depth: nestedDepth(pairs) };
}

/**
 * Pairs a closer with the openers before it, as CommonMark's "process emphasis" does: the
 * nearest opener of the same character that the rule of three allows; the delimiters between
 * them are literal text from then on. `bottom` keeps, per kind of closer (character, whether it
 * can open, length mod 3), the newest opener already searched in vain, so no opener is searched
 * twice for the same kind: the pass stays linear.
 */
function close(
  closer: Delimiter,
  openers: Delimiter[],
  bottom: Map<string, number>,
  pairs: [number, number][],
  work: { looks: number },
): void {
  const kind = `${closer.char}${closer.canOpen ? 1 : 0}${closer.length % 3}`;
  while (closer.left > 0) {
    const floor = bottom.get(kind) ?? -1;
    let k = openers.length - 1;
    for (; k >= 0 && openers[k]!.serial > floor; k--) {
      const o = openers[k]!;
      const ruleOfThree =
        (closer.canOpen || o.canClose) && (o.length + closer.length) % 3 === 0 && !(o.length % 3 === 0 && closer.length % 3 === 0);
      if (o.char === closer.char && !ruleOfThree) break;
    }
    if (k < 0 || openers[k]!.serial <= floor) {
      // The parser looks back to the paragraph's start.
      work.looks += closer.serial;
      bottom.set(kind, openers.at(-1)?.serial ?? floor);
      return;
    }
    const opener = openers[k]!;
    work.looks += closer.serial - opener.serial;
    const use = opener.left >= 2 && closer.left >= 2 ? 2 : 1;
    opener.left -= use;
    const used = closer.length - closer.left;
    closer.left -= use;
    pairs.push([opener.at + opener.left, closer.at + used + use]);
    openers.length = opener.left > 0 ? k + 1 : k;
  }
}
