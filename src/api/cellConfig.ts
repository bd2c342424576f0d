import type { DataTable } from "./types.ts";

// The contract between the build, which inlines it in the page, and the browser, which reads it.

/** What an interactive cell's browser code is given (inlined in the page as JSON). */
export interface CellConfig {
  readonly payload: unknown;
  readonly locale: string;
  /** Where each of the chapter's file sets is served from (ends with /). */
  readonly files: Readonly<Record<string, string>>;
  /**
   * The addresses of the files a first move may need (src/integration/firstMoveFiles.ts): the default
   * view's, fetched at once when a reader lands on the figure, and those one step away, fetched
   * once it runs, or at once for a move made before it runs (`byMove`: `name=value` → the files
   * that move needs beyond the default view's).
   */
  readonly firstMove?: {
    readonly atDefault: readonly string[];
    readonly oneStepAway: readonly string[];
    readonly byMove?: Readonly<Record<string, readonly string[]>>;
    /** What the figure shows after each first move of a slider, drawn by the build (FirstMoveAnswer). */
    readonly answers?: FirstMoveAnswers;
  };
}

/**
 * Where a figure's first-move answers are: `base` + the move's number + `-wide.json` or
 * `-narrow.json` (the drawing at the page's full width or at the phones'), by move (`name=value`).
 */
export interface FirstMoveAnswers {
  readonly base: string;
  readonly moves: Readonly<Record<string, number>>;
}

/**
 * What a figure shows after one move of a slider from its default view, computed by the build
 * (src/integration/firstMoveAnswers.ts): shown by the page's script when the reader's move comes
 * before the figure's code, until the code runs.
 */
export interface FirstMoveAnswer {
  /** The drawing (Plot's markup, built by this site) at one of the page's two widths. */
  readonly svg: string;
  readonly alt: string;
  /** The figure's data as its table shows it (the same at both widths). */
  readonly table: DataTable;
  readonly state?: string;
  /** The moved slider's value as said to assistive technology (its aria-valuetext). */
  readonly valueText: string;
  readonly readouts: readonly {
    readonly key: string;
    readonly value: number;
    readonly text: string;
    readonly spoken?: string;
    readonly hidden: boolean;
    readonly best: boolean;
  }[];
}
