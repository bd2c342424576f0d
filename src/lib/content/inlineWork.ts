import { forEachInlineCharacter, forEachParagraph, nestedDepth, runLength } from "./paragraphText.ts";

/** The most of something one paragraph holds, and that paragraph's first line. */
export interface MostInOneParagraph {
  readonly count: number;
  readonly line: number;
}

/** Characters of a paragraph that merging its text around one break moves, for the cost of one character looked back over. */
const MOVES_PER_LOOK = 50;

/**
 * What the parser's passes over a paragraph's text cost, found in one pass before anything is
 * parsed. The parser cuts a paragraph's text at every construct that may start there; once the
 * paragraph is read, it merges the pieces between two constructs, each merge moving the
 * paragraph's tokens after it. So whatever breaks a paragraph's text (a line break, an escaped
 * character, a character reference, a code span or maths, a tag or an expression, a square
 * bracket or a run of tildes that makes nothing) costs a pass over the paragraph. Besides, each
 * `]` looks back through the paragraph for its `[` (to the paragraph's start when it has none),
 * and each run of `~` for its strikethrough partner. Measured with the parser, one paragraph
 * each: 20,000 `x]` (59 KB) took 33 s, 1,000 `x]` among 50 words each (247 KB) 2.9 s, 50,000
 * `[a]` with no definition (195 KB) 24 s, images nested 2,000 deep (12 KB) 3.7 s, 20,000 `a~b`
 * (78 KB) 16 s, 20,000 `&amp;` (195 KB) 9.3 s, 20,000 `\<` (137 KB) 7.9 s, 20,000 short lines
 * (195 KB) 4.2 s; 200 KB of words with nothing between them, 0.27 s.
 *
 * `work` counts, over the whole text, the characters looked back over and, for each break, a
 * fiftieth of its paragraph; `line` is the first line of the costliest paragraph. `brackets`
 * and `tildes` are the most of each in one paragraph, `depth` how deep the brackets that pair
 * nest. Fenced code and display maths are no paragraph, and what is escaped, in code, in maths,
 * in an expression or in a tag holds no bracket or tilde. Stops once the work is over `limit`.
 */
export function inlineWork(
  text: string,
  limit = Infinity,
): { work: number; line: number; brackets: MostInOneParagraph; depth: MostInOneParagraph; tildes: MostInOneParagraph } {
  let total = 0;
  let costliest = { count: 0, line: 1 };
  let brackets = { count: 0, line: 1 };
  let depth = { count: 0, line: 1 };
  let tildes = { count: 0, line: 1 };
  forEachParagraph(text, (paragraph, line) => {
    let squares = 0;
    let runs = 0;
    let breaks = 0;
    let looks = 0;
    const open: number[] = [];
    const pairs: [number, number][] = [];
    forEachInlineCharacter(
      paragraph,
      (c, i) => {
        if (c === "[") {
          squares++;
          open.push(i);
        } else if (c === "]") {
          squares++;
          const from = open.pop();
          looks += i - (from ?? 0);
          if (from !== undefined) pairs.push([from, i + 1]);
        } else if (c === "~") {
          runs++;
          return i + runLength(paragraph, i, c);
        } else if (c === "\n" || c === "&") breaks++;
        return i + 1;
      },
      () => breaks++,
    );
    const work = looks + Math.floor(((breaks + squares + runs) * paragraph.length) / MOVES_PER_LOOK);
    total += work;
    if (work > costliest.count) costliest = { count: work, line };
    if (squares > brackets.count) brackets = { count: squares, line };
    if (runs > tildes.count) tildes = { count: runs, line };
    const deepest = nestedDepth(pairs);
    if (deepest > depth.count) depth = { count: deepest, line };
    return total <= limit;
  });
  return { work: total, line: costliest.line, brackets, depth, tildes };
}
