/**
 * Offsets in a file from 1-based lines and columns. The MDX parser's own offsets count from the
 * text it was given, which has the frontmatter blanked; lines and columns are the file's.
 */
export function fileOffsets(text: string): (p: { line: number; column: number }) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return (p) => starts[p.line - 1]! + p.column - 1;
}
