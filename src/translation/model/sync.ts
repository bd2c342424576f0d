import { verbatimParts, type VerbatimPart } from "./verbatim.ts";

/** What `i18n:sync` did to one part of a translation, or why it left one alone. */
export interface SyncNote {
  readonly section: string;
  readonly line: number;
  readonly message: string;
}

export interface SyncResult {
  /** The translation with the source's code, formulas and non-prose props copied in. */
  readonly text: string;
  readonly copied: SyncNote[];
  /** Differences it could not pair up (a part added or removed): for the translator. */
  readonly skipped: SyncNote[];
}

/**
 * Copies the source's verbatim parts into a translation where they differ: code blocks and
 * display formulas paired in order, inline formulas paired among the ones that differ, and
 * non-prose props of the same component. The prose is not touched. Counts that differ cannot
 * be paired safely and are reported instead.
 */
export function syncVerbatim(sourceMdx: string, translationMdx: string): SyncResult {
  const source = verbatimParts(sourceMdx);
  const translation = verbatimParts(translationMdx);
  const edits: { start: number; end: number; text: string }[] = [];
  const copied: SyncNote[] = [];
  const skipped: SyncNote[] = [];
  const copy = (section: string, from: VerbatimPart, to: VerbatimPart) => {
    edits.push({ start: to.start, end: to.end, text: sourceMdx.slice(from.start, from.end) });
    copied.push({ section, line: to.line, message: `${to.label} copied from the source (line ${from.line})` });
  };
  for (const [section, mine] of translation) {
    const theirs = source.get(section);
    if (!theirs) continue;
    for (const kind of ["code", "math"] as const) {
      const want = theirs.filter((p) => p.kind === kind);
      const have = mine.filter((p) => p.kind === kind);
      if (want.length !== have.length) {
        if (want.some((w, i) => w.value !== have[i]?.value))
          skipped.push({
            section,
            line: have[0]?.line ?? 0,
            message: `section "${section}" has ${have.length} ${kind === "code" ? "code block(s)" : "formula(s)"}, the source ${want.length}: add or remove them by hand`,
          });
        continue;
      }
      want.forEach((w, i) => {
        if (w.value !== have[i]!.value) copy(section, w, have[i]!);
      });
    }
    // Inline formulas may move within a translated sentence: pair only those that differ.
    const wantInline = theirs.filter((p) => p.kind === "inline-math");
    const haveInline = mine.filter((p) => p.kind === "inline-math");
    const unmatchedWant = [...wantInline];
    const unmatchedHave = haveInline.filter((h) => {
      const at = unmatchedWant.findIndex((w) => w.value === h.value);
      if (at < 0) return true;
      unmatchedWant.splice(at, 1);
      return false;
    });
    if (unmatchedWant.length === unmatchedHave.length)
      unmatchedHave.forEach((h, i) => {
        copy(section, unmatchedWant[i]!, h);
      });
    else
      skipped.push({
        section,
        line: unmatchedHave[0]?.line ?? 0,
        message: `section "${section}": ${unmatchedHave.length} inline formula(s) differ from ${unmatchedWant.length} of the source: fix by hand`,
      });
    // Props: the same prop of the same component (by position and name) takes the source's value.
    for (const w of theirs.filter((p) => p.kind === "prop")) {
      const h = mine.find((p) => p.kind === "prop" && p.component === w.component && p.prop === w.prop);
      if (h?.label === w.label && h.value !== w.value) copy(section, w, h);
      else if (!h)
        skipped.push({
          section,
          line: 0,
          message: `section "${section}": ${w.label} is not in the translation's component ${w.component! + 1}`,
        });
    }
  }
  edits.sort((a, b) => b.start - a.start);
  let text = translationMdx;
  for (const e of edits) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  return { text, copied: copied.sort((a, b) => a.line - b.line), skipped };
}
