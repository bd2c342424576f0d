/** nbformat 4.5 cells and notebook, as written to .ipynb. */
export interface MarkdownCell {
  readonly id: string;
  readonly cell_type: "markdown";
  readonly metadata: Record<string, unknown>;
  readonly source: string[];
}
export interface CodeCell {
  readonly id: string;
  readonly cell_type: "code";
  readonly metadata: Record<string, unknown>;
  readonly source: string[];
  readonly execution_count: null;
  readonly outputs: CodeOutput[];
}

/** What a code cell shows under it: printed text, or a figure (the page's own drawing). */
export type CodeOutput =
  | { readonly output_type: "stream"; readonly name: "stdout"; readonly text: string[] }
  | {
      readonly output_type: "display_data";
      readonly data: { readonly "text/html"?: string[]; readonly "image/svg+xml": string[]; readonly "text/plain": string[] };
      readonly metadata: Record<string, unknown>;
    };
export type NotebookCell = MarkdownCell | CodeCell;

export interface Notebook {
  readonly nbformat: 4;
  readonly nbformat_minor: 5;
  readonly metadata: Record<string, unknown>;
  readonly cells: NotebookCell[];
}

/** A cell's source as nbformat stores it: lines, each but the last ending in "\n". */
export function sourceLines(text: string): string[] {
  return textLines(text.replace(/\s+$/, ""));
}

/** Any text as nbformat's list of lines, exactly (every line but the last ends in "\n"; nothing trimmed). */
export function textLines(text: string): string[] {
  const lines = text.split("\n");
  return lines.map((l, i) => (i < lines.length - 1 ? `${l}\n` : l)).filter((l, i, all) => l !== "" || i < all.length - 1);
}

/** A notebook as JSON text: one space of indent, as Jupyter writes it, and a final newline. */
export function notebookJson(nb: Notebook): string {
  return `${JSON.stringify(nb, null, 1)}\n`;
}
