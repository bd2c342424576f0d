import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import type { CellView, FetchFile, InputValues } from "../../src/api/types.ts";
import { cellGraph, declaredInputs, type GraphOutputs, type LoadState } from "../../src/browser/cells/graph.ts";

// The browser's reactive graph, run in Node with linkedom's DOM: no browser needed.
const { document } = parseHTML("<!doctype html><html><body></body></html>");
const render = (options: Plot.PlotOptions) => Plot.plot({ ...options, document });
const ctx = { locale: "en", t: (key: string, params?: Record<string, string | number>) => `${key}${params ? JSON.stringify(params) : ""}` };
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

interface Payload {
  readonly values: readonly number[];
  readonly source: string;
}

/** A small cell with one of each: slider, toggle, integer field, load, prepare, readout, layers. */
function testView(calls: string[]): CellView<Payload> {
  return {
    id: "test",
    plot: (p, i) => ({ marks: [Plot.dot(p.values, { x: (d: number) => d * (i.scale as number), y: 0 })] }),
    describe: (p, i) => ({ alt: `${p.source} scale ${String(i.scale)}`, table: { columns: [], rows: [] } }),
    layers: {
      base: {
        inputs: [],
        plot: (p) => {
          calls.push("base");
          return { marks: [Plot.dot(p.values, { x: (d: number) => d, y: 0 })] };
        },
      },
      overlay: {
        inputs: ["scale", "show"],
        plot: (_p, i) => {
          calls.push("overlay");
          return { marks: i.show ? [Plot.ruleX([i.scale as number])] : [] };
        },
      },
    },
    interaction: {
      inputs: () => [
        { kind: "range", name: "scale", label: "l.scale", min: 0, max: 10, step: 1, value: 2 },
        { kind: "toggle", name: "show", label: "l.show", value: true },
        { kind: "integer", name: "item", label: "l.item", min: 0, max: 9, value: 0 },
      ],
      load: {
        inputs: ["item"],
        describe: (i) => `item ${String(i.item)}`,
        run: async (i, fetchFile) => ({
          values: [...new Float32Array(await fetchFile("set", `${String(i.item)}.f32`))],
          source: `file ${String(i.item)}`,
        }),
      },
      readouts: [
        {
          key: "sum",
          label: "l.sum",
          inputs: ["scale"],
          compute: (p, i) => {
            calls.push("sum");
            return p.values.reduce((a, b) => a + b, 0) * (i.scale as number);
          },
          format: String,
        },
      ],
    },
  };
}

function recorder() {
  const out = { base: 0, overlay: 0, readouts: [] as [string, number][], alts: [] as string[], loads: [] as LoadState[] };
  const outputs: GraphOutputs = {
    layer: (which) => {
      out[which]++;
    },
    readout: (key, value) => out.readouts.push([key, value]),
    alt: (text) => out.alts.push(text),
    load: (state) => out.loads.push(state),
  };
  return { out, outputs };
}

const files = (failures = 0): { fetchFile: FetchFile; requests: string[] } => {
  const requests: string[] = [];
  let fail = failures;
  return {
    requests,
    fetchFile: (set, path) => {
      requests.push(`${set}/${path}`);
      if (fail-- > 0) return Promise.reject(new Error("offline"));
      return Promise.resolve(new Float32Array([1, 2, 3]).buffer);
    },
  };
};

describe("the cell graph", () => {
  it("fetches the default view's files at once when another input needs the loaded payload, or takes one loaded ahead", async () => {
    const base = testView([]);
    const view: CellView<Payload> = {
      ...base,
      interaction: { ...base.interaction!, load: { ...base.interaction!.load!, alsoFor: ["scale"] } },
    };
    const f = files();
    const graph = cellGraph(view as never, { values: [9], source: "build" }, {}, ctx, { render, ...f, strict: true }, {});
    await settle();
    expect(f.requests).toEqual(["set/0.f32"]); // before any move
    graph.set("scale", 3);
    await settle();
    expect(f.requests).toEqual(["set/0.f32"]); // the move used it: no second request
    graph.dispose();

    const g = files();
    const alts: string[] = [];
    const ahead = Promise.resolve({ values: [4], source: "ahead" });
    const taken = cellGraph(
      view as never,
      { values: [9], source: "build" },
      {},
      ctx,
      { render, ...g, loadedAhead: ahead, strict: true },
      {
        alt: (text) => alts.push(text),
      },
    );
    taken.set("scale", 5);
    await settle();
    expect(g.requests).toEqual([]);
    expect(alts.at(-1)).toBe("ahead scale 5");
    taken.dispose();

    // A reader who starts at another load input (a shared link) gets that view, and nothing else.
    const h = files();
    const linked = cellGraph(view as never, { values: [9], source: "build" }, { item: 2 }, ctx, { render, ...h, strict: true }, {});
    await settle();
    expect(h.requests).toEqual(["set/2.f32"]);
    linked.dispose();
  });

  it("keeps the build's drawing of a slimmed payload (no redraw from it), and loads the default view after the reader moved away", async () => {
    const base = testView([]);
    // No layers: one figure; the page's payload is slimmed (what the build's SVG shows is gone from it).
    const view: CellView<Payload> = {
      ...base,
      layers: undefined as never,
      interaction: { ...base.interaction!, slim: (p) => ({ ...p, values: [] }) },
    };
    delete (view as { layers?: unknown }).layers;
    const seen = { figures: 0, kept: 0, alts: [] as string[] };
    const f = files();
    const graph = cellGraph(
      view as never,
      { values: [], source: "slim" },
      {},
      ctx,
      { render, ...f, strict: true },
      {
        figure: () => seen.figures++,
        kept: () => seen.kept++,
        alt: (text) => seen.alts.push(text),
      },
    );
    await settle();
    graph.resize(300);
    await settle();
    expect([seen.figures, seen.kept, seen.alts]).toEqual([0, 2, []]);
    graph.set("item", 3);
    await settle();
    expect(seen.figures).toBe(1);
    expect(seen.alts.at(-1)).toBe("file 3 scale 2");
    graph.set("item", 0);
    await settle();
    // Back at the default: drawn from a load, not from the empty payload.
    expect(f.requests).toEqual(["set/3.f32", "set/0.f32"]);
    expect(seen.alts.at(-1)).toBe("file 0 scale 2");
    graph.dispose();
  });

  it("recomputes only what depends on a changed input", async () => {
    const calls: string[] = [];
    const { out, outputs } = recorder();
    const graph = cellGraph(
      testView(calls) as never,
      { values: [1, 2], source: "build" },
      {},
      ctx,
      { render, ...files(), strict: true },
      outputs,
    );
    await settle();
    expect(out.readouts).toEqual([["sum", 6]]);
    calls.length = 0;
    graph.set("show", false);
    await settle();
    expect(calls).toEqual(["overlay"]); // not the base, not the readout (it does not read "show")
    graph.set("scale", 3);
    await settle();
    expect([...calls].sort()).toEqual(["overlay", "overlay", "sum"]);
    expect(out.readouts.at(-1)).toEqual(["sum", 9]);
    expect(out.alts.at(-1)).toBe("build scale 3");
    graph.dispose();
  });

  it("loads from the chapter's files when a load input leaves its default, once per value, saying what it loads", async () => {
    const { out, outputs } = recorder();
    const f = files();
    const graph = cellGraph(
      testView([]) as never,
      { values: [1, 2], source: "build" },
      {},
      ctx,
      { render, fetchFile: f.fetchFile, strict: true },
      outputs,
    );
    await settle();
    expect(f.requests).toEqual([]);
    graph.set("item", 4);
    await settle();
    expect(f.requests).toEqual(["set/4.f32"]);
    expect(out.loads).toEqual([{ kind: "loading", what: "item 4" }, { kind: "idle" }]);
    expect(out.alts.at(-1)).toBe("file 4 scale 2");
    expect(graph.view()).toEqual({ values: [1, 2, 3], source: "file 4" });
    graph.set("item", 0);
    graph.set("item", 4);
    await settle();
    expect(f.requests).toEqual(["set/4.f32"]); // the build's payload for the default, the cached one for 4
    graph.dispose();
  });

  it("reports a failed fetch with what it was loading, keeps the last view, and retries", async () => {
    const { out, outputs } = recorder();
    const f = files(1);
    const graph = cellGraph(
      testView([]) as never,
      { values: [1, 2], source: "build" },
      {},
      ctx,
      { render, fetchFile: f.fetchFile, strict: true },
      outputs,
    );
    graph.set("item", 5);
    await settle();
    // The failure says what was loading, what the figure still shows (to put the controls back to) and what was asked for.
    expect(out.loads.at(-1)).toEqual({ kind: "error", what: "item 5", message: "offline", shown: { item: 0 }, wanted: { item: 5 } });
    graph.set("item", 0); // the controls put back, as the page does
    await settle();
    expect(graph.view()).toEqual({ values: [1, 2], source: "build" });
    graph.retry();
    await settle();
    expect(out.loads.at(-1)).toEqual({ kind: "idle" });
    expect(f.requests).toEqual(["set/5.f32", "set/5.f32"]);
    expect(graph.view()).toEqual({ values: [1, 2, 3], source: "file 5" });
    graph.dispose();
  });

  it("a computation reading an input it did not declare is an error, not a stale value", async () => {
    const view = testView([]);
    const sloppy: CellView<Payload> = {
      ...view,
      interaction: {
        ...view.interaction!,
        readouts: [{ key: "bad", label: "l", inputs: ["scale"], compute: (_p, i) => (i.show ? 1 : 0), format: String }],
      },
    };
    const { out, outputs } = recorder();
    const graph = cellGraph(sloppy as never, { values: [1], source: "build" }, {}, ctx, { render, ...files(), strict: true }, outputs);
    await settle();
    expect(out.readouts).toEqual([]); // it failed rather than use "show"
    graph.dispose();
    expect(() => declaredInputs({ a: 1, b: true }, ["a"], true, "cell x: readout y").b).toThrow(
      'cell x: readout y reads input "b", which it does not declare',
    );
    expect(declaredInputs({ a: 1, b: true }, ["a"], false, "x")).toEqual({ a: 1 } satisfies InputValues);
  });

  it("starts from the values it is given (the URL's, the reader's) and refuses an unknown input", async () => {
    const { out, outputs } = recorder();
    const graph = cellGraph(
      testView([]) as never,
      { values: [1, 2], source: "build" },
      { scale: 5 },
      ctx,
      { render, ...files(), strict: true },
      outputs,
    );
    await settle();
    expect(out.readouts).toEqual([["sum", 15]]);
    expect(() => {
      graph.set("nope", 1);
    }).toThrow('cell test has no input "nope"');
    graph.dispose();
  });
});
