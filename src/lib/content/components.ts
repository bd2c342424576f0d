/** What a chapter can refer to: its cells, code-cell outputs, prose values and timed sections. */
export interface ChapterIds {
  readonly cells: readonly string[];
  readonly outputs: readonly string[];
  readonly values: readonly string[];
  readonly elapsed: readonly string[];
}

/** A component's props: which must be there, which may, and what their values may be. */
export interface ComponentRule {
  readonly required: readonly string[];
  readonly optional: readonly string[];
  /** Checks the props' values (against the chapter's ids when known); returns what is wrong, or null. */
  readonly check?: (props: Readonly<Record<string, string | true>>, ids: ChapterIds | null) => string | null;
}

const oneOf = (what: string, value: string | true | undefined, known: readonly string[] | undefined) =>
  value === undefined || known === undefined || (typeof value === "string" && known.includes(value))
    ? null
    : `no ${what} "${String(value)}" (there are: ${known.join(", ") || "none"})`;

const matches = (prop: string, value: string | true | undefined, pattern: RegExp) =>
  value === undefined || (typeof value === "string" && pattern.test(value))
    ? null
    : `prop "${prop}" is not a valid ${prop} (${String(pattern)})`;

/**
 * The components a chapter's MDX may use (src/components/), every prop a literal: a new
 * component is added here and to the chapter page's component map.
 */
export const COMPONENTS: Readonly<Record<string, ComponentRule>> = {
  Cell: { required: ["id"], optional: [], check: (p, ids) => oneOf("cell", p.id, ids?.cells) },
  CodeCell: {
    required: [],
    optional: ["output", "hidden", "summary"],
    check: (p, ids) =>
      p.summary !== undefined && p.hidden === undefined
        ? 'give "summary" with "hidden"'
        : oneOf("code-cell output", p.output, ids?.outputs),
  },
  Value: { required: ["k"], optional: [], check: (p, ids) => oneOf("value", p.k, ids?.values) },
  Elapsed: {
    required: [],
    optional: ["section", "total"],
    check: (p, ids) =>
      p.section === undefined && p.total === undefined
        ? "give section=... or total"
        : oneOf("elapsed time for section", p.section, ids?.elapsed),
  },
  Video: {
    required: ["id", "title", "youtube"],
    optional: ["bilibili"],
    check: (p) =>
      matches("id", p.id, /^video-[a-z0-9][a-z0-9-]{0,36}$/) ??
      matches("youtube", p.youtube, /^[\w-]{11}$/) ??
      matches("bilibili", p.bilibili, /^BV[0-9A-Za-z]{10}$/),
  },
  Feedback: { required: ["id"], optional: [], check: (p) => matches("id", p.id, /^\w{1,80}$/) },
  Slides: { required: [], optional: [] },
  Solution: { required: [], optional: ["for"], check: (p) => oneOf("kind of solution", p.for, ["bonus"]) },
  DataNote: { required: [], optional: [] },
  /** A fold readers open (a notebook's `<details>`): its summary is prose, translated. */
  Fold: { required: ["summary"], optional: [] },
};

/**
 * The Markdown elements a chapter page draws with components of its own (a heading with its
 * stale or source notice): the MDX compiler must leave them as elements, not fold them into
 * static HTML with the text around them.
 */
export const ELEMENT_COMPONENTS = ["h2", "h3"] as const;
