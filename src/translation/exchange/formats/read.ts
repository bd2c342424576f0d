import type { ReadUnit } from "../apply.ts";

/** One chapter's units read from an exchange file: named by its translation's path (XLIFF) or its chapter (PO). */
export interface ReadFile {
  readonly original?: string;
  readonly chapter?: string;
  readonly units: readonly ReadUnit[];
}

/** An exchange file read back, whatever its format. */
export interface ReadDocument {
  readonly srcLang: string;
  readonly trgLang: string;
  readonly files: readonly ReadFile[];
}
