import type { PlotOptions } from "@observablehq/plot";
import type { AnyView, DataTable, FetchFile, InputValue, InputValues, PlotContext } from "../../api/types.ts";
import { derive, microtaskRuntime } from "./reactive.ts";

/** What a fetch is doing, for the status line: nothing, loading what, or failed with why. */
export type LoadState =
  | { readonly kind: "idle" }
  | { readonly kind: "loading"; readonly what: string }
  | {
      readonly kind: "error";
      readonly what: string;
      readonly message: string;
      /** The load inputs' values the figure still shows, to put the controls back to. */
      readonly shown: InputValues;
      /** The values that failed, to ask for again. */
      readonly wanted: InputValues;
    };

/** Where a cell's graph sends what it computes (the DOM in the browser, arrays in a test). */
export interface GraphOutputs {
  /** The whole figure (a cell without layers). */
  figure?(element: Element): void;
  /**
   * Instead of `figure`: the build's SVG still shows the view and stays (a slimmed payload,
   * `interaction.slim`, cannot draw it again; its text alternative and table stay too).
   */
  kept?(): void;
  /** The base or the overlay of a layered figure. */
  layer?(which: "base" | "overlay", element: Element): void;
  readout?(key: string, value: number): void;
  alt?(text: string): void;
  /** The line saying what the figure shows now, and its data as a table. */
  state?(text: string): void;
  table?(table: DataTable): void;
  load?(state: LoadState): void;
  /** The cell's own code threw while drawing, describing or computing a readout (`what`: "plot", "describe", …). */
  failed?(what: string, error: unknown): void;
}

/** What the graph needs from its surroundings: how to draw, how to fetch, and how strict to be. */
export interface GraphDependencies {
  /** Draws Plot options at a width (null: the options' own). */
  readonly render: (options: PlotOptions, width: number | null) => Element;
  readonly fetchFile: FetchFile;
  /** The default view's loaded payload, when it was fetched ahead of the figure (before this graph existed). */
  readonly loadedAhead?: Promise<unknown> | undefined;
  /** Reading an input a computation did not declare throws (development and tests); otherwise it is undefined. */
  readonly strict?: boolean;
}

/** A live cell: set inputs, read the current view, retry a failed fetch. */
export interface CellGraph {
  set(name: string, value: InputValue): void;
  readonly values: InputValues;
  /** The payload as the figure currently shows it (after load and prepare). */
  view(): unknown;
  /** Asks again for what failed to load (the controls were put back meanwhile). */
  retry(): void;
  /** Redraws the figure at another width (its container's). */
  resize(width: number): void;
  dispose(): void;
}

/**
 * The inputs a computation declared, and only those: with `strict`, reading any other throws
 * naming the cell, the computation and the input, so a missing declaration is an error and
 * not a stale value.
 */
export function declaredInputs(values: InputValues, names: readonly string[], strict: boolean, where: string): InputValues {
  const picked = Object.fromEntries(names.map((n) => [n, values[n]!]));
  if (!strict) return picked;
  return new Proxy(picked, {
    get(target, key) {
      if (typeof key === "string" && !(key in target)) throw new Error(`${where} reads input "${key}", which it does not declare`);
      return target[key as string];
    },
  });
}

/**
 * A cell as a reactive graph (Observable runtime, computing in a microtask): one variable per
 * input, then the payload (loaded from the chapter's files when its inputs leave their
 * defaults), the view (prepared from the payload), the figure or its two layers, each readout
 * and the text alternative. A change recomputes only what depends on it, and each computation
 * receives only the inputs it declares.
 */
export function cellGraph(
  view: AnyView,
  payload: unknown,
  initial: InputValues,
  ctx: PlotContext,
  deps: GraphDependencies,
  out: GraphOutputs,
): CellGraph {
  const interaction = view.interaction;
  if (!interaction) throw new Error(`cell ${view.id} has no interaction`);
  const strict = deps.strict ?? false;
  const specs = interaction.inputs(payload as never);
  const names = specs.map((s) => s.name);
  const defaults: InputValues = Object.fromEntries(specs.map((s) => [s.name, s.value]));
  const values: Record<string, InputValue> = { ...defaults, ...initial };
  const pick = (v: Record<string, unknown>, declared: readonly string[], what: string) =>
    declaredInputs(v as InputValues, declared, strict, `cell ${view.id}: ${what}`);

  const runtime = microtaskRuntime();
  const main = runtime.module();
  for (const name of names) main.variable().define(name, [], () => values[name]);
  // The graph's own variables: prefixed, so that no input of a cell can be named like them.
  main.variable().define("__attempt", [], () => 0);
  main.variable().define("__width", [], () => null);
  let attempt = 0;
  let width: number | null = null;

  // The payload: the build's, or one loaded from the chapter's files (each input set once).
  const load = interaction.load;
  const loadInputs = load?.inputs ?? [];
  const needLoad = [...loadInputs, ...(load?.alsoFor ?? [])];
  const loads = new Map<string, Promise<unknown>>();
  // Inputs that need the loaded payload even at the default load inputs (a histogram's bins):
  // the default's files are fetched now, so the reader's first move does not wait for them.
  // (Taken up, with its loading and error states, by the first view that needs it.)
  const fetchedAhead = new Set<string>();
  // Not when the reader starts elsewhere (a link with another neuron): that view is loaded at once.
  if (load?.alsoFor?.length && loadInputs.every((n) => values[n] === defaults[n])) {
    const key = JSON.stringify(loadInputs.map((n) => defaults[n]));
    const ahead = deps.loadedAhead ?? load.run(pick(defaults, loadInputs, "load"), deps.fetchFile, payload as never);
    ahead.catch(() => {
      if (fetchedAhead.delete(key)) loads.delete(key);
    });
    loads.set(key, ahead);
    fetchedAhead.add(key);
  }
  // A page's payload stripped of what the build's SVG already shows (`interaction.slim`): while
  // that SVG is on the page it is the right drawing, text alternative and table of the default
  // view; once the reader has moved away, coming back loads the default view like any other.
  let buildShows = interaction.slim !== undefined;
  const builtView = (v: unknown) => buildShows && v === payload;
  // The load inputs of the payload on show, and of the last request that failed.
  let shown: InputValues = Object.fromEntries(loadInputs.map((n) => [n, values[n]!]));
  let wanted: InputValues | null = null;
  let latest = "";
  derive(main, "payload", [...needLoad, "__attempt"], (v) => {
    const current = Object.fromEntries(loadInputs.map((n) => [n, v[n] as InputValue]));
    const key = JSON.stringify(loadInputs.map((n) => v[n]));
    latest = key;
    if (!load || (needLoad.every((n) => v[n] === defaults[n]) && (interaction.slim === undefined || buildShows))) {
      shown = current;
      return payload;
    }
    let pending = loads.get(key);
    if (!pending || fetchedAhead.has(key)) {
      const inputs = pick(v, loadInputs, "load");
      const what = load.describe(inputs, ctx);
      out.load?.({ kind: "loading", what });
      const source = pending ?? load.run(inputs, deps.fetchFile, payload as never);
      fetchedAhead.delete(key);
      pending = source.then(
        (p) => {
          if (latest === key) out.load?.({ kind: "idle" });
          return p;
        },
        (error: unknown) => {
          loads.delete(key); // asked again, it is fetched again
          if (latest === key) {
            wanted = current;
            out.load?.({ kind: "error", what, message: error instanceof Error ? error.message : String(error), shown, wanted: current });
          }
          throw error;
        },
      );
      loads.set(key, pending);
    }
    return pending.then((p) => {
      shown = current;
      return p;
    });
  });

  let current: unknown = payload;
  const prepare = interaction.prepare;
  derive(
    main,
    "view",
    ["payload", ...(prepare?.inputs ?? [])],
    (v) => (prepare ? prepare.run(v.payload as never, pick(v, prepare.inputs, "prepare")) : v.payload),
    (p) => {
      current = p;
    },
  );

  if (view.layers) {
    for (const which of ["base", "overlay"] as const) {
      const layer = view.layers[which];
      derive(
        main,
        which,
        ["view", "__width", ...layer.inputs],
        (v) => deps.render(layer.plot(v.view as never, pick(v, layer.inputs, `${which} layer`), ctx), v.__width as number | null),
        (el) => out.layer?.(which, el),
        (error) => out.failed?.(`${which} layer`, error),
      );
    }
  } else {
    derive(
      main,
      "figure",
      ["view", "__width", ...names],
      (v) => {
        if (builtView(v.view)) return null;
        buildShows = false;
        return deps.render(view.plot(v.view as never, pick(v, names, "plot"), ctx), v.__width as number | null);
      },
      (el) => (el ? out.figure?.(el) : out.kept?.()),
      (error) => out.failed?.("plot", error),
    );
  }

  for (const readout of interaction.readouts ?? []) {
    derive(
      main,
      `readout ${readout.key}`,
      ["view", ...readout.inputs],
      (v) => readout.compute(v.view as never, pick(v, readout.inputs, `readout ${readout.key}`)),
      (value) => out.readout?.(readout.key, value),
      (error) => out.failed?.(`readout ${readout.key}`, error),
    );
  }
  // The text alternative and the data table: one description per change of view or input.
  derive(
    main,
    "describe",
    ["view", ...names],
    (v) => (builtView(v.view) ? null : view.describe(v.view as never, pick(v, names, "describe"), ctx)),
    (described) => {
      if (!described) return;
      out.alt?.(described.alt);
      out.table?.(described.table);
    },
    (error) => out.failed?.("describe", error),
  );
  if (view.state) {
    const state = view.state;
    derive(
      main,
      "state",
      ["view", ...names],
      (v) => state(v.view as never, pick(v, names, "state"), ctx),
      (text) => out.state?.(text),
    );
  }

  return {
    set(name, value) {
      if (!names.includes(name)) throw new Error(`cell ${view.id} has no input "${name}"`);
      values[name] = value;
      main.redefine(name, [], () => value);
    },
    values,
    view: () => current,
    retry() {
      if (!wanted) return;
      for (const [name, value] of Object.entries(wanted)) {
        values[name] = value;
        main.redefine(name, [], () => value);
      }
      wanted = null;
      main.redefine("__attempt", [], () => ++attempt);
    },
    resize(w) {
      if (w === width) return;
      width = w;
      main.redefine("__width", [], () => w);
    },
    dispose: () => {
      runtime.dispose();
    },
  };
}
