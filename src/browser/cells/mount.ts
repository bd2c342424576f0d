import { plot, type PlotOptions } from "@observablehq/plot";
import type { AnyView, InputValue, InputValues, PlotContext } from "../../api/types.ts";
import type { CellConfig } from "../../api/cellConfig.ts";
import { fillTemplate } from "../../lib/text/template.ts";
import { quietPlot } from "../../lib/plot/quiet.ts";
import { bestReadout } from "../../lib/format/readouts.ts";
import { bindControls, readControl, showLoadState, stackLayers, writeControl } from "./bindings.ts";
import { renderTable } from "./dataTable.ts";
import { snapToSpec } from "../../api/inputFormat.ts";
import { cellGraph } from "./graph.ts";
import { readUrlState, writeUrlState } from "./urlState.ts";
import { pinDrawingWhileUsed } from "./pinDrawing.ts";
import { fetchOnce } from "./fileCache.ts";

/**
 * Plot's drawing at a width (a figure is redrawn at its container's), without Plot's own ARIA.
 * With `drawnAt`, the width of the build's drawing the page shows (scaled to fit by CSS), the
 * height scales with the width as that drawing's did: the redraw takes exactly the box the
 * page had laid out, and nothing below it moves.
 */
const renderPlot = (options: PlotOptions, width: number | null, drawnAt: number | null): Element => {
  if (!width) return quietPlot(plot(options));
  const height = drawnAt && options.height ? Math.round((options.height * width) / drawnAt) : options.height;
  return quietPlot(plot({ ...options, width, ...(height ? { height } : {}) }));
};

/** The width the build drew the figure's visible drawing at (its wide or its phone variant), if any. */
function builtWidth(stage: HTMLElement): number | null {
  // The drawing itself, not the legend's swatches (small svgs beside it in Plot's figure).
  const drawings = stage.querySelectorAll<SVGSVGElement>(".figure-variant > svg, .figure-variant > figure > svg");
  const shown = [...drawings].find((svg) => svg.getBoundingClientRect().width > 0);
  return Number(shown?.getAttribute("width")) || null;
}

/** The page's UI strings for its cells (one JSON block per chapter page). */
function pageStrings(): Record<string, string> {
  const json = document.querySelector("script[data-cell-strings]")?.textContent;
  return json ? (JSON.parse(json) as Record<string, string>) : {};
}

/** Fetches each file once, from where the chapter's file sets are served. */
function fileFetcher(files: Readonly<Record<string, string>>) {
  return (set: string, path: string): Promise<ArrayBuffer> => {
    const base = files[set];
    if (base === undefined) return Promise.reject(new Error(`no file set "${set}"`));
    return fetchOnce(base + path);
  };
}

/** How long after the last change the readouts are said: the reader has stopped moving. */
const READOUTS_PAUSE_MS = 1000;

/** Default views loaded ahead of their figures, taken up by the figure's graph when it starts. */
const loadedAhead = new WeakMap<HTMLElement, Promise<unknown>>();

/**
 * Loads, ahead of use, the default view a cell's first move needs when a control other than the
 * load inputs needs the loaded payload (a histogram's bins need the neuron's ISIs). Not when the
 * reader asked to save data.
 */
export function fetchCellData(figure: HTMLElement, view: AnyView): void {
  const load = view.interaction?.load;
  if (!load?.alsoFor?.length || (navigator as { connection?: { saveData?: boolean } }).connection?.saveData) return;
  const config = JSON.parse(figure.querySelector("script.cell-payload")!.textContent) as CellConfig;
  const specs = view.interaction!.inputs(config.payload as never);
  // A reader who arrives with other load inputs in the address needs that view, not the default.
  const asked = readUrlState(view.id, specs);
  if (load.inputs.some((n) => n in asked && asked[n] !== specs.find((s) => s.name === n)?.value)) return;
  const inputs = Object.fromEntries(specs.filter((s) => load.inputs.includes(s.name)).map((s) => [s.name, s.value]));
  const ahead = load.run(inputs, fileFetcher(config.files), config.payload as never);
  ahead.catch(() => loadedAhead.delete(figure)); // the figure's graph asks again
  loadedAhead.set(figure, ahead);
}

/**
 * Brings a built cell to life: its controls feed the cell's reactive graph, whose figure,
 * layers, readouts, text alternative and loading state are written into the page; the state
 * goes to the URL as the reader moves (what the reader did before this code arrived, then what
 * the URL asks for, are the starting values).
 */
export function mountCell(figure: HTMLElement, view: AnyView): void {
  const config = JSON.parse(figure.querySelector("script.cell-payload")!.textContent) as CellConfig;
  const strings = pageStrings();
  const ctx: PlotContext = { locale: config.locale, t: (key, params) => fillTemplate(strings[key] ?? key, params, config.locale) };
  const specs = view.interaction!.inputs(config.payload as never);
  const form = figure.querySelector<HTMLFormElement>("form.cell-controls")!;
  const stage = figure.querySelector<HTMLElement>(".cell-figure")!;
  const status = figure.querySelector<HTMLElement>(".cell-status");
  const element = (name: string) => form.elements.namedItem(name) as HTMLInputElement;

  const initial: Record<string, InputValue> = {};
  for (const spec of specs) initial[spec.name] = readControl(spec, element(spec.name));
  // Whether the reader moved a control before this code ran (not a shared link's state).
  const movedEarly = specs.some((spec) => initial[spec.name] !== spec.value);
  Object.assign(initial, readUrlState(view.id, specs));
  Object.assign(
    initial,
    view.interaction!.constrain?.(config.payload as never, { ...Object.fromEntries(specs.map((s) => [s.name, s.value])), ...initial }) ??
      {},
  );
  for (const spec of specs) writeControl(spec, element(spec.name), initial[spec.name]!, ctx);
  const defaults: InputValues = Object.fromEntries(specs.map((s) => [s.name, s.value]));

  const drawnAt = builtWidth(stage);
  const layers: { base: Element | null; overlay: Element | null } = { base: null, overlay: null };
  // Readouts of hidden curves are hidden; the lowest of those shown is marked.
  const readoutSpecs = view.interaction!.readouts ?? [];
  const markReadouts = () => {
    const shown = readoutSpecs.map((r) => !r.shownBy || graph.values[r.shownBy] === true);
    const values = readoutSpecs.map((r) => Number(figure.querySelector<HTMLElement>(`[data-output="${r.key}"]`)?.dataset.value));
    const best = bestReadout(readoutSpecs, values, shown);
    readoutSpecs.forEach((r, i) => {
      const row = figure.querySelector<HTMLElement>(`[data-readout="${r.key}"]`);
      if (!row) return;
      row.hidden = !shown[i];
      if (best === i) row.dataset.best = "true";
      else delete row.dataset.best;
    });
  };
  // The readouts are said once the reader stops moving (not at every step of a slider): what each
  // shown readout holds, as a screen reader would read its row, in one polite announcement.
  const live = figure.querySelector<HTMLElement>("[data-readouts-live]");
  // A reader who moved a control before this code ran hears the readouts of that view too.
  let moved = movedEarly;
  let liveTimer = 0;
  const announceReadouts = () => {
    if (!live || !moved) return;
    clearTimeout(liveTimer);
    liveTimer = window.setTimeout(() => {
      live.textContent = [...figure.querySelectorAll<HTMLElement>(".cell-readouts [data-readout]:not([hidden])")]
        .map((row) => {
          const value = row.querySelector("[data-spoken]") ?? row.querySelector("[data-output]");
          return `${row.querySelector("dt")?.textContent.trim() ?? ""} ${value?.textContent.trim() ?? ""}`;
        })
        .join("; ");
    }, READOUTS_PAUSE_MS);
  };
  // Active once the browser's own drawing (at the figure's width) has replaced the build's.
  const drawn = () => {
    figure.dataset.active = "true";
    // The build's drawing of a first move (activate.ts) is replaced, and a move made while this
    // code was starting, which said the figure was on its way, has its answer.
    delete figure.dataset.answered;
    if (status?.dataset.early) {
      status.textContent = "";
      delete status.dataset.early;
      delete figure.dataset.busy;
    }
    // A drawing after a throw in the cell's code: the figure is whole again, its message goes.
    if (figure.dataset.drawFailed) {
      delete figure.dataset.drawFailed;
      delete figure.dataset.failed;
      if (status) status.textContent = "";
    }
  };
  const text = {
    loading: (what: string) => ctx.t("status.loading", { what }),
    error: (what: string, error: string) => ctx.t("status.error", { what, error }),
    retry: ctx.t("action.retry"),
  };
  // A move made before this code ran said so (activate.ts); from here the graph tells its own state.
  if (status?.dataset.early) {
    status.textContent = "";
    delete status.dataset.early;
    delete figure.dataset.busy;
  }
  const graph = cellGraph(
    view,
    config.payload,
    initial,
    ctx,
    {
      render: (options, width) => renderPlot(options, width, drawnAt),
      fetchFile: fileFetcher(config.files),
      loadedAhead: loadedAhead.get(figure),
      strict: import.meta.env.DEV,
    },
    {
      figure: (el) => {
        stage.replaceChildren(el);
        drawn();
      },
      kept: drawn,
      layer: (which, el) => {
        layers[which] = el;
        stackLayers(stage, layers.base, layers.overlay);
        if (layers.base && layers.overlay) drawn();
      },
      readout: (key, value) => {
        const target = figure.querySelector<HTMLElement>(`[data-output="${key}"]`);
        const spec = view.interaction!.readouts!.find((r) => r.key === key)!;
        if (!target) return;
        target.dataset.value = JSON.stringify(value);
        target.textContent = spec.format(value, config.locale);
        const spoken = figure.querySelector(`[data-spoken="${key}"]`);
        if (spoken && spec.spoken) spoken.textContent = spec.spoken(value, ctx);
        markReadouts();
        announceReadouts();
      },
      alt: (text) => {
        stage.setAttribute("aria-label", text);
      },
      state: (text) => {
        const line = figure.querySelector("[data-state]");
        if (line) line.textContent = text;
      },
      table: (table) => figure.querySelector(".cell-table .table-scroll table")?.replaceWith(renderTable(table)),
      failed: (what, error) => {
        // The cell's code threw: said where the figure is (not left silently as it was); under
        // `npm run dev` with the cell, what threw and the file and line it threw at.
        figure.dataset.failed = "true";
        figure.dataset.drawFailed = "true";
        const message = error instanceof Error ? error.message : String(error);
        const at = import.meta.env.DEV ? thrownAt(error) : null;
        const detail = import.meta.env.DEV ? ` (cell "${figure.dataset.cell ?? ""}", ${what}${at ? `, ${at}` : ""})` : "";
        if (status) status.textContent = ctx.t("status.drawError", { error: `${message}${detail}` });
        console.error(error);
      },
      load: (state) => {
        // The build's drawing of this very view is on show (activate.ts): what loads is not the reader's wait.
        if (state.kind === "loading" && figure.dataset.answered) return;
        if (state.kind === "error") {
          // The figure still shows what loaded last: put the controls back to it, so they agree.
          for (const [name, value] of Object.entries(state.shown)) {
            writeControl(
              specs.find((s) => s.name === name)!,
              element(name),
              value,
              ctx,
            );
            graph.set(name, value);
          }
        }
        showLoadState(figure, status, state, text, () => {
          if (state.kind !== "error") return;
          for (const [name, value] of Object.entries(state.wanted))
            writeControl(
              specs.find((s) => s.name === name)!,
              element(name),
              value,
              ctx,
            );
          graph.retry();
        });
      },
    },
  );

  let urlTimer = 0;
  const constrain = view.interaction!.constrain;
  const set = (name: string, raw: InputValue) => {
    const spec = specs.find((s) => s.name === name)!;
    const value = typeof raw === "number" ? snapToSpec(spec, raw) : raw;
    moved = true;
    delete figure.dataset.answered;
    // A new choice replaces a failed one: its error no longer applies.
    if (figure.dataset.failed) showLoadState(figure, status, { kind: "idle" }, text, () => undefined);
    // What a button did is said once; the next move is the reader's own.
    if (status?.dataset.action) {
      status.replaceChildren();
      delete status.dataset.action;
    }
    writeControl(spec, element(name), value, ctx);
    graph.set(name, value);
    markReadouts();
    // Inputs that depend on each other stay within what the data has.
    for (const [other, fixed] of Object.entries(constrain?.(graph.view() as never, graph.values) ?? {})) {
      const otherSpec = specs.find((s) => s.name === other)!;
      const snapped = typeof fixed === "number" ? snapToSpec(otherSpec, fixed) : fixed;
      if (snapped === graph.values[other]) continue;
      writeControl(otherSpec, element(other), snapped, ctx);
      graph.set(other, snapped);
    }
    if (!urlTimer) {
      // replaceState is rate-limited by browsers: write at most five times a second.
      urlTimer = window.setTimeout(() => {
        urlTimer = 0;
        history.replaceState(history.state, "", writeUrlState(location.href, view.id, graph.values, defaults));
      }, 200);
    }
  };
  bindControls(form, specs, (name) => graph.values[name]!, set);
  for (const action of view.interaction!.actions ?? []) {
    const button = form.querySelector<HTMLButtonElement>(`button[data-action="${action.name}"]`);
    button?.addEventListener("click", () => {
      let changed = 0;
      for (const [name, value] of Object.entries(action.apply(graph.view() as never, { ...graph.values }, defaults))) {
        if (!(name in graph.values)) continue;
        const before = graph.values[name];
        set(name, value);
        if (graph.values[name] !== before) changed++;
      }
      // One sentence for assistive technology: what the button did (the sliders moved silently).
      if (status && !figure.dataset.busy) {
        status.textContent = ctx.t("status.actionDone", { action: button.textContent.trim(), count: changed });
        status.dataset.action = action.name;
      }
    });
  }
  // Redrawn at the figure's own width, now and whenever it changes (a phone turned, a window resized).
  let lastWidth = 0;
  // Its layout width: a pinned drawing is scaled by a transform, which must not redraw it smaller.
  const measure = () => stage.offsetWidth;
  const resize = () => {
    const w = measure();
    if (w > 0 && Math.abs(w - lastWidth) >= 2) {
      lastWidth = w;
      graph.resize(w);
    }
  };
  resize();
  if ("ResizeObserver" in window) new ResizeObserver(resize).observe(stage);
  pinDrawingWhileUsed(figure, stage, form);
}

/** Where a cell's code threw: the first stack frame in a chapter's file (`chapters/x/y/z.cell.ts:12:5`), if any. */
function thrownAt(error: unknown): string | null {
  const stack = error instanceof Error ? (error.stack ?? "") : "";
  const frame = /\/(chapters\/[^\s?:)]+)(?:\?[^\s:)]*)?:(\d+):(\d+)/.exec(stack);
  return frame ? `${frame[1]}:${frame[2]}:${frame[3]}` : null;
}
