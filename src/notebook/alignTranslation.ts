import { componentKey, componentsIn } from "../translation/model/components.ts";
import { PROSE_PROPS } from "../translation/model/proseProps.ts";
import { splitSections } from "../translation/model/sections.ts";

/** A translated chapter's sections given the source's ids, or the sections that do not line up. */
export type Alignment =
  | { readonly ok: true; readonly mdx: string; readonly sections: readonly string[] }
  | { readonly ok: false; readonly problems: readonly string[] };

const signature = (text: string) => componentsIn(text).map((c) => componentKey(c, PROSE_PROPS));

/**
 * Lines up a chapter imported from a translated notebook with its source chapter, section by
 * section in order, by structure (the components each section holds, prose props aside). When
 * every section lines up, the translation takes the source's section ids; otherwise the
 * sections that do not are listed, with what differs.
 */
export function alignTranslation(sourceMdx: string, translationMdx: string): Alignment {
  const source = splitSections(sourceMdx).sections;
  const mine = splitSections(translationMdx).sections;
  const problems: string[] = [];
  if (mine.length !== source.length)
    problems.push(`the notebook has ${mine.length} section(s), the source chapter ${source.length}: a heading is missing or added`);
  const n = Math.min(mine.length, source.length);
  for (let i = 0; i < n; i++) {
    const want = signature(source[i]!.text);
    const have = signature(mine[i]!.text);
    if (want.join("\n") === have.join("\n")) continue;
    const k = want.findIndex((w, j) => w !== have[j]);
    const at = k < 0 ? Math.min(want.length, have.length) : k;
    problems.push(
      `section ${i + 1} ("${mine[i]!.heading || "before the first heading"}", source "${source[i]!.id}"): ${have[at] ?? "nothing"} where the source has ${want[at] ?? "nothing"}`,
    );
  }
  if (problems.length) return { ok: false, problems };
  let mdx = translationMdx;
  mine.forEach((s, i) => {
    if (s.id !== source[i]!.id) mdx = mdx.replace(`\\{#${s.id}\\}`, `\\{#${source[i]!.id}\\}`);
  });
  return { ok: true, mdx, sections: source.map((s) => s.id) };
}
