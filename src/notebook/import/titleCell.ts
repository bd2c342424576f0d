import { schemaIssues } from "../../lib/schemaIssues.ts";
import { chapterSchemaFor, type ChapterFrontmatter, type FrontmatterFields } from "../../lib/content/frontmatter.ts";
import { NotebookError, type ReadCell, type ReadNotebook } from "../readNotebook.ts";
import { isRecord } from "./shared.ts";

/** What a notebook's title cell says: the course's form ("# Tutorial 1: …", course and byline in bold, credits). */
export interface TitleCell {
  readonly cell: ReadCell;
  readonly course?: string;
  readonly title?: string;
  readonly byline?: string;
  readonly credits: { creators: string[]; reviewers: string[]; editors: string[] };
}

/** A markdown cell of "Open in Colab/Kaggle" badges only (the course's notebooks start with one). */
export const isBadgeCell = (c: ReadCell): boolean =>
  c.type === "markdown" && /^\s*(<a\s[^>]*>\s*<img\s[^>]*>\s*<\/a>\s*(&nbsp;)?\s*)+$/i.test(c.source) && /colab|kaggle/i.test(c.source);

/** The frontmatter our own export put in the notebook's metadata (metadata.course.frontmatter), checked; null when none. */
export function exportedFrontmatter(nb: ReadNotebook, name: string, fields: FrontmatterFields = {}): ChapterFrontmatter | null {
  const meta = isRecord(nb.metadata.course) ? nb.metadata.course : {};
  if (!isRecord(meta.frontmatter)) return null;
  const parsed = chapterSchemaFor(fields).safeParse(meta.frontmatter);
  if (!parsed.success) {
    const issue = schemaIssues(parsed.error, meta.frontmatter)[0]!;
    throw new NotebookError(`${name}: metadata.course.frontmatter: ${issue.path}: ${issue.message}`);
  }
  return parsed.data;
}

const CREDIT = /^(?:__|\*\*)([^_*]+?):?(?:__|\*\*)\s*:?\s*(.+)$/;

/**
 * The notebook's title cell, when its first markdown cell (badges aside) is one: headings, bold
 * lines and credit lines only. "# Tutorial 1: …" is the title, the first bold line the course,
 * the next the byline (or "# Course" and "## Title"); "__Content creators:__ A, B" and the like
 * are the credits (reviewers, creators, and every other role as editors).
 */
export function readTitleCell(nb: ReadNotebook): TitleCell | null {
  const cell = nb.cells.find((c) => c.type === "markdown" && !isBadgeCell(c));
  if (!cell) return null;
  const lines = cell.source
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  if (!lines.length || !lines.every((l) => /^#{1,2} \S|^\*\*[^*]+\*\*$/.test(l) || CREDIT.test(l))) return null;
  const found: { course?: string; title?: string; byline?: string } = {};
  const credits = { creators: [] as string[], reviewers: [] as string[], editors: [] as string[] };
  const twoLevels = lines.some((l) => l.startsWith("## "));
  for (const l of lines) {
    const c = CREDIT.exec(l);
    if (l.startsWith("## ")) found.title ??= l.slice(3).trim();
    else if (l.startsWith("# ")) {
      if (twoLevels) found.course ??= l.slice(2).trim();
      else found.title ??= l.slice(2).trim();
    } else if (/^\*\*[^*]+\*\*$/.test(l)) {
      if (!twoLevels && found.course === undefined) found.course = l.slice(2, -2).trim();
      else found.byline ??= l.slice(2, -2).trim();
    } else if (c) {
      // "A, B and C", "A & B", "A with help from B": one name each.
      const names = c[2]!
        .replace(/[*_]+$/, "")
        .split(/\s*[,;&]\s*|\s+(?:and|with(?: the)? help (?:from|of))\s+/i)
        .map((n) => n.replace(/^and\s+/i, "").trim())
        .filter(Boolean);
      credits[/review/i.test(c[1]!) ? "reviewers" : /creat|author/i.test(c[1]!) ? "creators" : "editors"].push(...names);
    }
  }
  return { cell, ...found, credits };
}

/**
 * A frontmatter made up for a notebook that has none of ours: the title cell's title, course,
 * byline and credits (or the first heading), the first paragraph of prose as the description,
 * the slides its slides cell shows, and defaults the author checks (order, time).
 */
export function madeUpFrontmatter(title: TitleCell | null, blocks: readonly string[], name: string, slides?: string): ChapterFrontmatter {
  const first = title?.title ?? /^#{1,6} (.*?) \\\{#/m.exec(blocks.join("\n"))?.[1] ?? name.replace(/\.ipynb$/, "");
  const plain = (s: string) => s.replace(/\\([{}<])/g, "$1").replace(/[*_`]/g, "");
  // The first paragraph of prose (a list after it without a blank line is not part of it).
  const paragraph =
    blocks
      .filter((b) => !/^[<`]/.test(b)) // prose only: not a component (a code cell) or a fenced block
      .flatMap((b) => b.split(/\n\s*\n/))
      // A rule or a heading on the lines just above the text (no blank line between) is not prose.
      .map((b) => b.replace(/^(?:(?:[-_*]\s*){3,}|#{1,6}\s.*)(?:\n|$)/gm, "").trim())
      .map((b) => b.split(/\n\s*(?:[-*+]|\d+[.)])\s/)[0]!)
      .find((b) => /^[\p{L}\p{N}]/u.test(b) && b.length > 20) ?? first;
  return {
    title: plain(first).slice(0, 200),
    description: shortened(plain(paragraph).replace(/\s+/g, " ").trim(), 300),
    course: plain(title?.course ?? first).slice(0, 200),
    ...(title?.byline ? { byline: plain(title.byline).slice(0, 200) } : {}),
    order: 1000,
    estimatedMinutes: estimatedMinutes(blocks) ?? 30,
    elapsed: {},
    credits: title?.credits ?? { creators: [], reviewers: [], editors: [] },
    ...(slides ? { slides } : {}),
  };
}

/**
 * A text of at most `max` characters: whole, or cut after its last sentence that fits, or else
 * at its last word that fits, with an ellipsis (never mid-word).
 */
export function shortened(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const sentence = /^[\s\S]*[.!?。！？](?=\s|$)/u.exec(head)?.[0];
  if (sentence && sentence.length >= 20) return sentence;
  const word = head.slice(0, Math.max(head.lastIndexOf(" "), 0)).replace(/[\s,;:]+$/, "");
  return `${word || head.slice(0, max - 1)}…`;
}

/** The notebook's own estimate of its time ("Estimated timing of tutorial: 1 hour 10 minutes"), in minutes, if it gives one. */
export function estimatedMinutes(blocks: readonly string[]): number | undefined {
  const m = /estimated tim(?:e|ing)[^:\n]*:[\W_]*(?:(\d+)\s*h(?:ours?|rs?)?\b)?[\s,]*(?:and\s*)?(?:(\d+)\s*min)?/i.exec(blocks.join("\n"));
  if (!m || (m[1] === undefined && m[2] === undefined)) return undefined;
  const minutes = Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
  return minutes > 0 && minutes <= 24 * 60 ? minutes : undefined;
}
