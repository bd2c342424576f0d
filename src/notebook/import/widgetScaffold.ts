/**
 * A notebook's widget demo (`@widgets.interact(...)`, `interact(f, ...)`, `interactive(f, ...)`)
 * read for what it already says (each control's kind, range, step and default) and written as
 * the start of a cell module: its controls, and a figure that says it is not computed yet.
 */

/** A control as the cell module declares it (the authoring API's InputSpec, label as text). */
export type ScaffoldControl =
  | {
      readonly kind: "range";
      readonly name: string;
      readonly label: string;
      readonly min: number;
      readonly max: number;
      readonly step: number;
      readonly value: number;
    }
  | {
      readonly kind: "integer";
      readonly name: string;
      readonly label: string;
      readonly min: number;
      readonly max: number;
      readonly value: number;
    }
  | { readonly kind: "toggle"; readonly name: string; readonly label: string; readonly value: boolean };

export interface WidgetDemo {
  /** The function the widgets drive (`plot_lif_neuron`). */
  readonly fn: string;
  readonly controls: readonly ScaffoldControl[];
  /** What could not become a control, or changed on the way, in words. */
  readonly notes: readonly string[];
}

/**
 * Walks Python source from `from`, outside string literals, telling `visit` each character and
 * the bracket depth after it; stops when `visit` returns true. Returns where it stopped (or -1).
 */
function scanPython(code: string, from: number, visit: (c: string, at: number, depth: number) => boolean): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = from; i < code.length; i++) {
    const c = code[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
    if (visit(c, i, depth)) return i;
  }
  return -1;
}

/** The text between a `(` at `open` and its matching `)`, quotes and nesting respected; null when unbalanced. */
function balanced(code: string, open: number): string | null {
  const close = scanPython(code, open, (c, _at, depth) => ")]}".includes(c) && depth === 0);
  return close < 0 ? null : code.slice(open + 1, close);
}

/** Top-level comma-separated parts of an argument list (nesting and quotes respected). */
function splitArgs(args: string): string[] {
  const out: string[] = [];
  let start = 0;
  scanPython(args, 0, (c, at, depth) => {
    if (c === "," && depth === 0) {
      out.push(args.slice(start, at).trim());
      start = at + 1;
    }
    return false;
  });
  out.push(args.slice(start).trim());
  return out.filter(Boolean);
}

const number = (s: string | undefined): number | undefined => {
  if (s === undefined) return undefined;
  const n = Number(s.trim().replace(/_/g, ""));
  return Number.isFinite(n) ? n : undefined;
};
const pythonString = (s: string | undefined): string | undefined => /^\s*(["'])(.*)\1\s*$/.exec(s ?? "")?.[2];
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A tidy number (float noise removed: 0.30000000000000004 → 0.3). */
const tidy = (n: number) => Number(n.toPrecision(12));

/** A widget expression's positional and keyword arguments. */
function callArgs(expr: string): { name: string; positional: string[]; keyword: Map<string, string> } | null {
  const m = /^\s*(?:widgets\.|ipywidgets\.)?([A-Za-z]+)\s*\(/.exec(expr);
  if (!m) return null;
  const inner = balanced(expr, expr.indexOf("(", m.index));
  if (inner === null) return null;
  const positional: string[] = [];
  const keyword = new Map<string, string>();
  for (const part of splitArgs(inner)) {
    const kw = /^([A-Za-z_]\w*)\s*=(?!=)\s*([\s\S]*)$/.exec(part);
    if (kw) keyword.set(kw[1]!, kw[2]!);
    else positional.push(part);
  }
  return { name: m[1]!, positional, keyword };
}

/** The defaults of a function's parameters, from its `def` line(s). */
function defaults(code: string, fn: string): Map<string, string> {
  const at = code.search(new RegExp(`def\\s+${fn}\\s*\\(`));
  const out = new Map<string, string>();
  if (at < 0) return out;
  const params = balanced(code, code.indexOf("(", at));
  for (const p of splitArgs(params ?? "")) {
    const m = /^([A-Za-z_]\w*)\s*(?::[^=]+)?=\s*([\s\S]+)$/.exec(p);
    if (m) out.set(m[1]!, m[2]!.trim());
  }
  return out;
}

/** One widget argument as a control, or why it cannot be one. */
function control(name: string, expr: string, fallback: string | undefined): ScaffoldControl | string {
  const label = name.replace(/_/g, " ");
  const trimmed = expr.trim();
  if (/^(True|False)$/.test(trimmed)) return { kind: "toggle", name, label, value: trimmed === "True" };
  // An abbreviation: (min, max) or (min, max, step) makes a slider.
  const tuple = /^\(([\s\S]*)\)$/.exec(trimmed);
  if (tuple) {
    const [min, max, step] = splitArgs(tuple[1]!).map(number);
    if (min === undefined || max === undefined) return `${name}: a tuple that is not (min, max[, step])`;
    const integer = [min, max, step ?? 1].every(Number.isInteger) && !tuple[1]!.includes(".");
    const value = number(fallback) ?? (integer ? Math.round((min + max) / 2) : (min + max) / 2);
    return { kind: "range", name, label, min, max, step: step ?? (integer ? 1 : tidy((max - min) / 100)), value };
  }
  const call = callArgs(trimmed);
  if (!call) return `${name}: "${trimmed.slice(0, 40)}" is not a widget this import reads`;
  const kw = (k: string, index: number) => call.keyword.get(k) ?? call.positional[index];
  const description = pythonString(call.keyword.get("description"));
  const named = description ? description.replace(/:$/, "") : label;
  switch (call.name) {
    case "IntSlider":
    case "FloatSlider":
    case "BoundedIntText":
    case "BoundedFloatText":
    case "IntText":
    case "FloatText": {
      const integer = call.name.startsWith("Int") || call.name === "BoundedIntText";
      const min = number(call.keyword.get("min")) ?? 0;
      const max = number(call.keyword.get("max")) ?? (integer ? 100 : 10);
      const step = number(call.keyword.get("step")) ?? (integer ? 1 : 0.1);
      const value = number(kw("value", 0)) ?? number(fallback) ?? min;
      if (call.name.endsWith("Text")) return { kind: "integer", name, label: named, min, max, value: Math.round(value) };
      return { kind: "range", name, label: named, min, max, step, value };
    }
    case "FloatLogSlider": {
      const base = number(call.keyword.get("base")) ?? 10;
      const min = base ** (number(call.keyword.get("min")) ?? 0);
      const max = base ** (number(call.keyword.get("max")) ?? 4);
      const value = number(kw("value", 0)) ?? number(fallback) ?? min;
      return { kind: "range", name, label: named, min: tidy(min), max: tidy(max), step: tidy((max - min) / 100), value };
    }
    case "Checkbox":
    case "ToggleButton":
      return { kind: "toggle", name, label: named, value: /^\s*True\s*$/.test(kw("value", 0) ?? fallback ?? "False") };
    default:
      return `${name}: ${call.name} has no control kind yet (sliders, number fields and checkboxes have one): left out, its default stays in the notebook code`;
  }
}

/** Whether x is a whole number of steps from min (to rounding). */
const onStep = (x: number, min: number, step: number) => {
  const k = (x - min) / step;
  return Math.abs(k - Math.round(k)) < 1e-6;
};

/**
 * A control the build will accept, or why it cannot be one: finite numbers, `min` below `max`,
 * a positive step. What ipywidgets allows and a page's slider cannot is made so and said so: a
 * default outside the range is brought inside it; a `max` the steps from `min` do not reach
 * becomes the last one they do (the notebook's slider stops there too); a default between two
 * steps becomes the nearest step (the notebook's slider shows that value once moved).
 */
function settle(made: ScaffoldControl, notes: string[]): ScaffoldControl | string {
  if (made.kind === "toggle") return made;
  const step = made.kind === "range" ? made.step : 1;
  if (![made.min, made.max, step, made.value].every(Number.isFinite)) return `${made.name}: its range is not finite numbers`;
  if (!(made.min < made.max)) return `${made.name}: min ${made.min} is not below max ${made.max}`;
  if (!(step > 0)) return `${made.name}: its step ${step} is not positive`;
  let max = made.max;
  if (made.kind === "range" && !onStep(max, made.min, step)) {
    max = tidy(made.min + Math.floor((made.max - made.min) / step + 1e-9) * step);
    notes.push(`${made.name}: steps of ${step} from ${made.min} do not reach its max ${made.max}: max made ${max}, the last step`);
  }
  let value = Math.min(max, Math.max(made.min, made.value));
  if (value !== made.value) notes.push(`${made.name}: its default ${made.value} is outside ${made.min}…${max}, made ${value}`);
  if (made.kind === "range" && !onStep(value, made.min, step)) {
    const snapped = tidy(Math.min(max, made.min + Math.round((value - made.min) / step) * step));
    notes.push(`${made.name}: its default ${value} is not on a step of ${step} from ${made.min}: made ${snapped}, the nearest step`);
    value = snapped;
  }
  return { ...made, max, value };
}

/**
 * Reads a widget demo cell: the function its widgets drive and each widget as a control, or null
 * when the cell is not one this import reads (then the importer says so and leaves a placeholder).
 */
export function readWidgetDemo(code: string): WidgetDemo | null {
  let fn: string | undefined;
  let args: string | null = null;
  const decorator = /@(?:widgets\.)?interact\s*\(/.exec(code);
  if (decorator) {
    args = balanced(code, code.indexOf("(", decorator.index));
    fn = /\bdef\s+([A-Za-z_]\w*)\s*\(/.exec(code.slice(decorator.index))?.[1];
  } else {
    const call = /\b(?:widgets\.)?interact(?:ive)?\s*\(\s*([A-Za-z_]\w*)\s*,/.exec(code);
    if (call) {
      fn = call[1];
      const inner = balanced(code, code.indexOf("(", call.index));
      args = inner === null ? null : inner.slice(inner.indexOf(",") + 1);
    }
  }
  if (!fn || args === null || !IDENT.test(fn)) return null;
  const defs = defaults(code, fn);
  const controls: ScaffoldControl[] = [];
  const notes: string[] = [];
  for (const part of splitArgs(args)) {
    const kw = /^([A-Za-z_]\w*)\s*=(?!=)\s*([\s\S]*)$/.exec(part);
    if (!kw) continue;
    const read = control(kw[1]!, kw[2]!, defs.get(kw[1]!));
    if (controls.some((c) => c.name === kw[1])) {
      notes.push(`${kw[1]}: given twice (Python refuses a repeated keyword); the first is kept`);
      continue;
    }
    const made = typeof read === "string" ? read : settle(read, notes);
    if (typeof made === "string") notes.push(made);
    else {
      if (kw[2]!.includes("FloatLogSlider")) notes.push(`${kw[1]}: a log-scale slider, made linear over the same range`);
      controls.push(made);
    }
  }
  return controls.length ? { fn, controls, notes } : null;
}

/** The id a demo's cell gets from its function's name (`plot_lif_neuron` → `plot-lif-neuron`). */
export const demoCellId = (fn: string): string => fn.replace(/^_+/, "").replace(/_+/g, "-").toLowerCase() || "demo";

/** A string key for a control's label. */
const labelKey = (name: string) => `control.${name}`;

/** The labels of a scaffolded cell's controls (the notebook's own words), for the chapter's strings. */
export function scaffoldStrings(demo: WidgetDemo): Record<string, string> {
  return Object.fromEntries(demo.controls.map((c) => [labelKey(c.name), c.label]));
}

/** A cell module to fill in: the demo's controls, and a figure saying it is not computed yet. */
export function scaffoldCell(demo: WidgetDemo, id: string, cellIndex: number, cellFile: string): string {
  const specs = demo.controls.map((c) => {
    const common = `kind: "${c.kind}", name: "${c.name}", label: "${labelKey(c.name)}"`;
    if (c.kind === "toggle") return `      { ${common}, value: ${c.value} },`;
    if (c.kind === "integer") return `      { ${common}, code: "${c.name}", min: ${c.min}, max: ${c.max}, value: ${c.value} },`;
    return `      { ${common}, code: "${c.name}", min: ${c.min}, max: ${c.max}, step: ${c.step}, value: ${c.value} },`;
  });
  return `import * as Plot from "@observablehq/plot";
import type { CellView } from "#course";
import { BASE } from "#lib/plot/theme.ts";

/**
 * The notebook's interactive demo (cell ${cellIndex + 1}, \`${demo.fn}\`), made by import:notebook: its
 * controls are the notebook's widgets. Still to write: the payload the build computes (in
 * chapter.ts, the function beside this cell) and the drawing and description below, from the
 * payload and the inputs. Until then the page shows the controls and a figure that says so.
 */
type Payload = Record<string, never>;
const THIS_FILE = ${JSON.stringify(cellFile)};

const view: CellView<Payload> = {
  id: "${id}",
  plot: (_payload, _inputs, { t }) => ({
    ...BASE,
    height: 120,
    x: { axis: null },
    y: { axis: null },
    marks: [Plot.text([t("figure.notComputed", { file: THIS_FILE })], { frameAnchor: "middle", fontSize: 14, lineWidth: 40 })],
  }),
  describe: (_payload, _inputs, { t }) => ({ alt: t("figure.notComputed", { file: THIS_FILE }), table: { columns: [], rows: [] } }),
  interaction: {
    inputs: () => [
${specs.join("\n")}
    ],
  },
};

export default view;
`;
}

/** What a chapter module the importer wrote says, so that a later import may replace it (and never an author's). */
export const SCAFFOLD_MARK = "Made by import:notebook";

/** A chapter module for a chapter made from a notebook: no data yet, the scaffolded cells. */
export function scaffoldChapter(cells: readonly { readonly id: string; readonly file: string }[]): string {
  // A binding named after the cell, with a suffix so that no id (`import`, `default`) is a reserved word.
  const name = (id: string) => `${id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase()).replace(/^[^A-Za-z_]/, "_$&")}Cell`;
  return `import { defineChapter } from "#course";
${cells.map((c) => `import ${name(c.id)} from "./${c.file}";`).join("\n")}

/**
 * ${SCAFFOLD_MARK} from the notebook's widget demos. Declare the chapter's datasets and
 * compute each cell's payload from them (see AUTHORING.md); until then the cells draw a
 * "not computed yet" figure with their controls.
 */
export default defineChapter({
  datasets: {},
  summarize: () => ({}),
  cells: (cell) => [
${cells.map((c) => `    cell(${name(c.id)}, () => ({})),`).join("\n")}
  ],
});
`;
}
