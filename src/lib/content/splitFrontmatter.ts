/**
 * Astro's own frontmatter rule (@astrojs/markdown-remark's `frontmatterRE`): optional BOM or
 * blank lines, a `---` or `+++` fence, anything, a line break, a fence. The MDX compiler blanks
 * what it matches and compiles the rest, so what we check must be cut by the same rule.
 */
const ASTRO_FRONTMATTER = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;

/** A chapter file cut where the compiler cuts it. */
export interface SplitFile {
  /** The frontmatter's YAML text, or null when the file has none. */
  readonly yaml: string | null;
  /**
   * The text the MDX compiler compiles: the file with its frontmatter replaced by spaces (line
   * breaks kept), as Astro's "empty-with-spaces" does, so offsets, lines and columns are the file's.
   */
  readonly body: string;
  /** Why the frontmatter is not in the one form we accept (line 1), or null. */
  readonly problem: string | null;
}

/**
 * Cuts a chapter into frontmatter and body exactly as Astro's MDX compiler does, and says when
 * the frontmatter is not in the plain form (`---` on the first line, a line that is exactly
 * `---` closing it): forms the compiler reads differently from a person (`---x`, `+++`, blank
 * lines or a byte-order mark first) are refused rather than guessed at.
 */
export function splitFrontmatter(text: string): SplitFile {
  const m = ASTRO_FRONTMATTER.exec(text);
  if (!m) return { yaml: null, body: text, problem: null };
  const raw = m[1]!;
  const end = m.index + m[0].length;
  const opensPlainly = m.index === 0 && /^---\r?\n/.test(text);
  const closesPlainly = m[0].endsWith("---") && /^(?:\r?\n|$)/.test(text.slice(end));
  const problem = !opensPlainly
    ? "the frontmatter must start on the first line with a line that is exactly ---"
    : !closesPlainly
      ? "the frontmatter must end with a line that is exactly --- (nothing after it on that line)"
      : null;
  // The compiler replaces `<fence><raw><fence>` (the opening fence's kind twice) with spaces; when
  // the closing fence is of the other kind nothing matches and it compiles the whole file.
  const delims = /^\s*\+\+\+/.test(m[0]) ? "+++" : "---";
  const fenced = `${delims}${raw}${delims}`;
  const at = text.indexOf(fenced);
  const body = at < 0 ? text : `${text.slice(0, at)}   ${raw.replace(/[^\r\n]/g, " ")}   ${text.slice(at + fenced.length)}`;
  return { yaml: problem ? null : raw, body, problem };
}
