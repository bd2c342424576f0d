import { sourceLines, type CodeCell, type CodeOutput, type NotebookCell } from "../cells.ts";

/**
 * The cells of a notebook being written, in order: prose gathers into one markdown cell until
 * something else comes (a heading starts a new one); a marked markdown cell or a code cell
 * stands alone. Cell ids are `cell-001`, `cell-002`, …
 */
export class NotebookCells {
  readonly cells: NotebookCell[] = [];
  private pending: string[] = [];
  private count = 0;

  private id(): string {
    return `cell-${String(++this.count).padStart(3, "0")}`;
  }

  /** Prose for the markdown cell being gathered. */
  prose(text: string): void {
    this.pending.push(text);
  }

  /** Ends the markdown cell being gathered (when it has text). */
  flush(): void {
    const text = this.pending.join("\n\n").trim();
    if (text) this.cells.push({ id: this.id(), cell_type: "markdown", metadata: {}, source: sourceLines(text) });
    this.pending = [];
  }

  /** A markdown cell of its own, marked with what it stands for on the page (so an import can bring it back). */
  marked(text: string, course: Record<string, unknown>): void {
    this.flush();
    this.cells.push({ id: this.id(), cell_type: "markdown", metadata: { course }, source: text ? sourceLines(text) : [] });
  }

  code(text: string, metadata: Record<string, unknown> = {}, outputs: CodeOutput[] = []): void {
    this.flush();
    this.cells.push({ id: this.id(), cell_type: "code", metadata, source: sourceLines(text), execution_count: null, outputs });
  }

  /** The last code cell written, if any. */
  lastCode(): CodeCell | undefined {
    this.flush();
    return this.cells.findLast((c): c is CodeCell => c.cell_type === "code");
  }
}
