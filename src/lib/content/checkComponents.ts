import { componentsIn } from "../i18n/components.ts";

/** What a chapter can refer to: its cells, code-cell outputs, prose values and timed sections. */
export interface ChapterIds {
  readonly cells: readonly string[];
  readonly outputs: readonly string[];
  readonly values: readonly string[];
  readonly elapsed: readonly string[];
}

interface Rule {
  readonly required: readonly string[];
  readonly optional: readonly string[];
  /** Checks the props' values; returns what is wrong, or null. */
  readonly check?: (props: Readonly<Record<string, string>>, ids: ChapterIds) => string | null;
}

const oneOf = (what: string, value: string | undefined, known: readonly string[]) =>
  value === undefined || known.includes(value) ? null : `no ${what} "${value}" (there are: ${known.join(", ")})`;

/** The components an MDX chapter may use, with their props (src/components/). */
export const MDX_COMPONENTS: Readonly<Record<string, Rule>> = {
  Cell: { required: ["id"], optional: [], check: (p, ids) => oneOf("cell", p.id, ids.cells) },
  CodeCell: { required: [], optional: ["output", "hidden"], check: (p, ids) => oneOf("code-cell output", p.output, ids.outputs) },
  Value: { required: ["k"], optional: [], check: (p, ids) => oneOf("value", p.k, ids.values) },
  Elapsed: {
    required: [],
    optional: ["section", "total"],
    check: (p, ids) =>
      p.section === undefined && p.total === undefined
        ? "give section=... or total"
        : oneOf("elapsed time for section", p.section, ids.elapsed),
  },
  Video: { required: ["id", "title", "youtube", "bilibili"], optional: [] },
  Feedback: { required: ["id"], optional: [] },
  Slides: { required: [], optional: [] },
  Solution: { required: [], optional: ["for"], check: (p) => oneOf("kind of solution", p.for, ["bonus"]) },
  DataNote: { required: [], optional: [] },
};

/**
 * Checks every component an MDX chapter uses before anything is built: known component, known
 * props, required props present, ids that exist. Returns "file:line: problem" messages.
 */
export function checkComponents(mdx: string, file: string, ids: ChapterIds): string[] {
  const problems: string[] = [];
  for (const use of componentsIn(mdx)) {
    const rule = MDX_COMPONENTS[use.name];
    const where = `${file}:${use.line}: <${use.name}>`;
    if (!rule) {
      problems.push(`${where}: unknown component (components: ${Object.keys(MDX_COMPONENTS).join(", ")})`);
      continue;
    }
    const allowed = [...rule.required, ...rule.optional];
    for (const prop of Object.keys(use.props)) {
      if (!allowed.includes(prop)) problems.push(`${where}: unknown prop "${prop}" (props: ${allowed.join(", ") || "none"})`);
    }
    for (const prop of rule.required) if (!(prop in use.props)) problems.push(`${where}: missing prop "${prop}"`);
    const wrong = rule.check?.(use.props, ids);
    if (wrong) problems.push(`${where}: ${wrong}`);
  }
  return problems;
}
