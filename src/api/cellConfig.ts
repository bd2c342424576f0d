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
  };
}
