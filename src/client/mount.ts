import { plot, type PlotOptions } from "@observablehq/plot";
import type { CellDefinition, InputSpec, InputValues, PlotContext } from "../cells/types.ts";
import { fillTemplate } from "../i18n/template.ts";
import { quietPlot } from "../lib/plot/quiet.ts";
import { formatInput, snapToSpec } from "./format.ts";
import { derive, microtaskRuntime } from "./reactive.ts";
import { readUrlState, writeUrlState } from "./urlState.ts";

/** What the build inlines for an interactive cell (script.cell-payload). */
export interface CellConfig {
  readonly payload: unknown;
  readonly strings: Record<string, string>;
  readonly locale: string;
  /** Where the chapter's data files are served from (ends with /). */
  readonly dataBase: string;
}

type AnyCell = CellDefinition;

const renderPlot = (options: PlotOptions): Element => quietPlot(plot(options));

function readElement(spec: InputSpec, el: HTMLInputElement): number | boolean {
  return spec.kind === "toggle" ? el.checked : Number(el.value);
}

function writeElement(spec: InputSpec, el: HTMLInputElement, value: number | boolean, locale: string): void {
  if (spec.kind === "toggle") el.checked = value as boolean;
  else el.value = String(value);
  if (spec.kind === "range") el.setAttribute("aria-valuetext", formatInput(spec, value, locale));
  const output = el.form?.querySelector<HTMLOutputElement>(`output[for="${el.id}"]`);
  if (output) output.value = formatInput(spec, value, locale);
}

/** Puts the overlay SVG over the base layer's SVG in one box, pixel for pixel (same size and scales). */
function stackLayers(base: Element, overlay: Element): void {
  const existing = base.querySelector(".layer-stack");
  if (existing) {
    existing.querySelector(".layer-overlay")?.remove();
    existing.append(overlay);
    return;
  }
  const svg = base.tagName.toLowerCase() === "svg" ? base : base.querySelector(":scope > svg");
  if (!svg) return;
  const stack = document.createElement("div");
  stack.className = "layer-stack";
  svg.replaceWith(stack);
  stack.append(svg, overlay);
}

/**
 * Brings a built cell to life: its controls feed an Observable runtime in which the payload,
 * the view, each layer of the figure, each readout and the text alternative are variables, so
 * a change recomputes only what depends on it. The state goes to the URL as the reader moves.
 */
export function mountCell(figure: HTMLElement, cell: AnyCell): void {
  const config = JSON.parse(figure.querySelector("script.cell-payload")!.textContent) as CellConfig;
  const interaction = cell.interaction!;
  const ctx: PlotContext = { locale: config.locale, t: (key, params) => fillTemplate(config.strings[key] ?? key, params) };
  const specs = interaction.inputs(config.payload);
  const form = figure.querySelector<HTMLFormElement>("form.cell-controls")!;
  const status = figure.querySelector<HTMLElement>(".cell-status");
  const stage = figure.querySelector<HTMLElement>(".cell-figure")!;
  const elements = new Map(specs.map((s) => [s.name, form.elements.namedItem(s.name) as HTMLInputElement]));
  const defaults = cell.defaults;
  // What the reader already did before this code arrived, then what the URL asks for.
  const values: InputValues = { ...defaults };
  for (const spec of specs) values[spec.name] = readElement(spec, elements.get(spec.name)!);
  Object.assign(values, readUrlState(cell.id, specs));
  for (const spec of specs) writeElement(spec, elements.get(spec.name)!, values[spec.name]!, config.locale);
  const names = specs.map((s) => s.name);
  const isDefault = () => names.every((n) => values[n] === defaults[n]);

  const runtime = microtaskRuntime();
  const main = runtime.module();
  for (const name of names) main.variable().define(name, [], () => values[name]);

  const bytes = new Map<string, Promise<ArrayBuffer>>();
  const fetchBytes = (path: string): Promise<ArrayBuffer> => {
    let pending = bytes.get(path);
    if (!pending) {
      pending = fetch(config.dataBase + path).then((r) => {
        if (!r.ok) throw new Error(`${r.status} ${r.statusText}`);
        return r.arrayBuffer();
      });
      bytes.set(path, pending);
    }
    return pending;
  };
  const showStatus = (text: string) => status && (status.textContent = text);

  // The payload: the build's, or one loaded from the chapter's data files.
  const loadInputs = interaction.load?.inputs ?? [];
  const payloadInputs = [...loadInputs, ...(interaction.needsLoadFor ?? [])];
  const loads = new Map<string, Promise<unknown>>();
  let inFlight = 0;
  derive(
    main,
    "payload",
    payloadInputs,
    (v) => {
      if (!interaction.load || payloadInputs.every((n) => v[n] === defaults[n])) return config.payload;
      const key = JSON.stringify(loadInputs.map((n) => v[n]));
      let pending = loads.get(key);
      if (!pending) {
        showStatus(ctx.t("status.loading", { neuron: typeof v.neuron === "number" ? v.neuron : "" }));
        // data-busy: a hook for tests and styles while any fetch is under way.
        figure.dataset.busy = String(++inFlight);
        const settle = () => (--inFlight > 0 ? (figure.dataset.busy = String(inFlight)) : delete figure.dataset.busy);
        pending = interaction.load.run(v as InputValues, fetchBytes, config.payload).then((p) => (showStatus(""), p));
        pending.then(settle, () => {
          settle();
          loads.delete(key);
        });
        loads.set(key, pending);
      }
      return pending;
    },
    undefined,
    (error) => showStatus(ctx.t("status.error", { error: error instanceof Error ? error.message : String(error) })),
  );

  let view: unknown = config.payload;
  const prepareInputs = interaction.prepare?.inputs ?? [];
  derive(
    main,
    "view",
    ["payload", ...prepareInputs],
    (v) => (interaction.prepare ? interaction.prepare.run(v.payload, v as InputValues) : v.payload),
    (p) => (view = p),
  );

  const inputsOf = (v: Record<string, unknown>) => ({ ...values, ...v }) as InputValues;
  let firstRender = true;
  if (cell.layers) {
    const layers = cell.layers;
    let base: Element | null = null;
    let overlay: Element | null = null;
    const show = () => {
      if (!base || !overlay) return;
      stackLayers(base, overlay);
      if (!stage.contains(base)) stage.replaceChildren(base);
    };
    derive(
      main,
      "base",
      ["view", ...layers.baseInputs],
      (v) => renderPlot(layers.base(v.view, inputsOf(v), ctx)),
      (el) => {
        base = el;
        show();
      },
    );
    const overlayInputs = names.filter((n) => !layers.baseInputs.includes(n));
    derive(
      main,
      "overlay",
      ["view", ...overlayInputs],
      (v) => renderPlot(layers.overlay(v.view, inputsOf(v), ctx)),
      (el) => {
        const previous = overlay;
        overlay = el;
        el.classList.add("layer-overlay");
        // Only the curves change on a slider move: swap the overlay, leave the base alone.
        if (previous && base?.contains(previous)) previous.replaceWith(el);
        else show();
      },
    );
  } else {
    derive(
      main,
      "figure",
      ["view", ...names],
      (v) => {
        // The build's SVG already shows the default view: keep it until something changes.
        if (firstRender && isDefault()) return null;
        return renderPlot(cell.plot(v.view, inputsOf(v), ctx));
      },
      (el) => {
        firstRender = false;
        if (el) stage.replaceChildren(el);
      },
    );
  }

  for (const readout of interaction.readouts ?? []) {
    const target = figure.querySelector<HTMLElement>(`[data-output="${readout.key}"]`);
    derive(
      main,
      readout.key,
      ["view", ...readout.inputs],
      (v) => readout.compute(v.view, inputsOf(v)),
      (value) => {
        if (!target) return;
        target.dataset.value = JSON.stringify(value);
        target.textContent = readout.format(value, config.locale);
      },
    );
  }
  const altText = cell.alt ?? ((p: unknown, i: InputValues, c: PlotContext) => cell.describe(p, i, c).alt);
  derive(
    main,
    "alt",
    ["view", ...names],
    (v) => altText(v.view, inputsOf(v), ctx),
    (alt) => {
      stage.setAttribute("aria-label", alt);
    },
  );

  let urlTimer = 0;
  const set = (name: string, value: number | boolean) => {
    const spec = specs.find((s) => s.name === name)!;
    const v = typeof value === "number" ? snapToSpec(spec, value) : value;
    values[name] = v;
    writeElement(spec, elements.get(name)!, v, config.locale);
    main.redefine(name, [], () => v);
    if (!urlTimer) {
      // replaceState is rate-limited by browsers: write at most five times a second.
      urlTimer = window.setTimeout(() => {
        urlTimer = 0;
        history.replaceState(history.state, "", writeUrlState(location.href, cell.id, values, defaults));
      }, 200);
    }
  };
  const onChange = (event: Event) => {
    const el = event.target as HTMLInputElement;
    const spec = specs.find((s) => s.name === el.name);
    if (!spec) return;
    // A neuron number is taken when complete (change), a slider on every move (input).
    if (spec.kind === "neuron" && event.type === "input") return;
    if (spec.kind === "neuron" && (!Number.isInteger(Number(el.value)) || el.value.trim() === "")) {
      el.value = String(values[spec.name]);
      return;
    }
    set(spec.name, readElement(spec, el));
  };
  form.addEventListener("input", onChange);
  form.addEventListener("change", onChange);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
  });
  for (const action of interaction.actions ?? []) {
    form.querySelector(`button[data-action="${action.name}"]`)?.addEventListener("click", () => {
      for (const [name, value] of Object.entries(action.apply(view, { ...values }, defaults))) if (name in values) set(name, value);
    });
  }
  figure.dataset.active = "true";
}
