/** A computed value shown on the page: `data-output` key, raw value, and the text a reader sees. */
export interface Computed {
  readonly key: string;
  readonly value: unknown;
  readonly text: string;
}

/** What a code cell printed: plain text interleaved with computed values. */
export type PythonOutput = readonly (string | Computed)[];

/** A computed value: its key, its raw value and how it reads. */
export function computed(key: string, value: unknown, text: string): Computed {
  return { key, value, text };
}

/** A printed output that does not depend on the data (a help text, a type name): no stand-in mark. */
export interface FixedOutput {
  readonly fixed: PythonOutput;
}

/** Declares an output the same whatever the data (`help(...)`, a constant): readers see no stand-in mark on it. */
export function fixedOutput(output: PythonOutput): FixedOutput {
  return { fixed: output };
}
