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
  readonly outputs: [];
}
export type NotebookCell = MarkdownCell | CodeCell;

export interface Notebook {
  readonly nbformat: 4;
  readonly nbformat_minor: 5;
  readonly metadata: Record<string, unknown>;
  readonly cells: NotebookCell[];
}

/** A cell's source as nbformat stores it: lines, each but the last ending in "\n". */
export function sourceLines(text: string): string[] {
  const lines = text.replace(/\s+$/, "").split("\n");
  return lines.map((l, i) => (i < lines.length - 1 ? `${l}\n` : l));
}

/** A notebook as JSON text: one space of indent, as Jupyter writes it, and a final newline. */
export function notebookJson(nb: Notebook): string {
  return `${JSON.stringify(nb, null, 1)}\n`;
}
