import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import chapter from "../../chapters/w1d1/tutorial1/chapter.ts";
import { chapterCells } from "../../src/api/course.ts";
import type { AnyView, CellView, DataTable, FetchFile, InputValues, PlotContext } from "../../src/api/types.ts";
import { cellGraph } from "../../src/browser/cells/graph.ts";
import { firstMoveAnswers, firstSliderMoves } from "../../src/integration/firstMoveAnswers.ts";
import { renderPlot } from "../../src/lib/plot/ssr.ts";
import { readSpikeFile } from "../../src/lib/spikes/readFile.ts";
import { fixture } from "../helpers/fixtures.ts";

// The build draws each slider's first move from the default view, so that a reader whose move
// comes before the figure's code sees it at once; the code then takes over. Both must show the
// same: the answers are checked against the browser's own graph run at the same inputs.
const spikes = readSpikeFile(fixture("site/mini-734.npz"));
const ctx = { data: { spikes }, summary: chapter.summarize({ spikes }) };
const cells = chapterCells(chapter.cells).filter((c) => c.view.interaction);
const sets = Object.fromEntries(Object.entries(chapter.files ?? {}).map(([name, f]) => [name, f.set.build(spikes as never)]));
const fetchFile: FetchFile = (set, path) => {
  const bytes = sets[set]?.get(path);
  return bytes ? Promise.resolve(bytes.slice().buffer) : Promise.reject(new Error(`no ${set}/${path}`));
};
// Keys and their parameters, as words would carry them: both paths get the same.
const plotContext: PlotContext = { locale: "en", t: (key, params) => `${key}${params ? JSON.stringify(params) : ""}` };
const { document } = parseHTML("<!doctype html><html><body></body></html>");
// Plot names each drawing's class apart; the drawings are otherwise compared as written.
const sameDrawing = (svg: string) => svg.replace(/plot-[0-9a-f]+/g, "plot-x");

/** What the browser's graph shows after starting at some inputs: its drawing's options, text alternative, state line and readouts. */
async function graphAt(view: AnyView, payload: unknown, inputs: InputValues) {
  const shown: {
    options?: Plot.PlotOptions;
    view?: unknown;
    alt?: string;
    table?: DataTable;
    state?: string;
    readouts: Record<string, number>;
  } = { readouts: {} };
  const page = view.interaction!.slim ? view.interaction!.slim(payload as never) : payload;
  const graph = cellGraph(
    view,
    page,
    inputs,
    plotContext,
    {
      render: (options) => {
        shown.options = options;
        return Plot.plot({ ...options, document });
      },
      fetchFile,
      strict: true,
    },
    {
      alt: (text) => (shown.alt = text),
      table: (table) => (shown.table = table),
      state: (text) => (shown.state = text),
      readout: (key, value) => (shown.readouts[key] = value),
      failed: (what, error) => {
        throw new Error(`${what}: ${String(error)}`);
      },
    },
  );
  await new Promise((resolve) => setTimeout(resolve, 50));
  // A figure drawn in two layers: the page stacks them; its whole drawing is the view's own plot of what the graph shows.
  if (view.layers) shown.options = view.plot(graph.view() as never, inputs, plotContext);
  graph.dispose();
  return shown;
}

describe("first-move answers, drawn by the build", () => {
  const answered = (id: string) => {
    const c = cells.find((cell) => cell.view.id === id)!;
    const payload = c.data(ctx);
    return { view: c.view as unknown as AnyView, payload };
  };

  it("are the moves of each slider one step either way, none past its range or moving another control", () => {
    const keys = (id: string) => {
      const { view, payload } = answered(id);
      return firstSliderMoves(view, payload).map((m) => m.key);
    };
    // The raster's window [5, 15) s: a second earlier or later, a second narrower or wider, every 4th or 6th neuron.
    expect(keys("raster-population")).toEqual(["start=4", "start=6", "width=9", "width=11", "stride=4", "stride=6"]);
    // The histogram's 50 bins either way, its range at 100 % only down; the neuron picker is a number field (taken when complete).
    expect(keys("isi-histogram")).toEqual(["bins=49", "bins=51", "range_pct=99"]);
    // The explorer's seven sliders (the inverse's scale is at its top): 0.1 ± 0.005 written as a slider writes it.
    expect(keys("isi-function-explorer")).toContain("exp_x0=0.095");
    expect(keys("isi-function-explorer")).toContain("exp_x0=0.105");
    expect(keys("isi-function-explorer")).not.toContain("inv_scale=310");
    expect(keys("isi-function-explorer")).toHaveLength(13);
    // A move that would change another control (a window run past the recording) is not drawn.
    const view = {
      id: "w",
      plot: () => ({}),
      describe: () => ({ alt: "", table: { columns: [], rows: [] } }),
      interaction: {
        inputs: () => [
          { kind: "range", name: "a", label: "a", min: 0, max: 10, step: 1, value: 5 },
          { kind: "range", name: "b", label: "b", min: 0, max: 10, step: 1, value: 5 },
        ],
        constrain: (_p: unknown, i: InputValues) => ((i.a as number) + (i.b as number) > 10 ? { b: 10 - (i.a as number) } : {}),
      },
    } as unknown as CellView;
    expect(firstSliderMoves(view, {}).map((m) => m.key)).toEqual(["a=4", "b=4"]);
  });

  for (const c of cells)
    it(`${c.view.id}: each answer is what the figure's code shows after the same move`, async () => {
      const { view, payload } = answered(c.view.id);
      const answers = await firstMoveAnswers(view, payload, plotContext, fetchFile, (options, narrow) =>
        renderPlot(narrow ? { ...options, width: 320 } : options, true),
      );
      const moves = firstSliderMoves(view, payload);
      expect([...answers.keys()]).toEqual(moves.map((m) => m.key));
      for (const move of moves) {
        const answer = answers.get(move.key)!;
        const graph = await graphAt(view, payload, move.inputs);
        expect(answer.wide.alt, move.key).toBe(graph.alt);
        expect(answer.wide.table, move.key).toEqual(graph.table);
        expect(answer.narrow.table, move.key).toEqual(graph.table);
        expect(answer.wide.state, move.key).toBe(graph.state);
        expect(Object.fromEntries(answer.wide.readouts.map((r) => [r.key, r.value])), move.key).toEqual(graph.readouts);
        expect(sameDrawing(answer.wide.svg), move.key).toBe(sameDrawing(renderPlot(graph.options!, true)));
        expect(sameDrawing(answer.narrow.svg), move.key).toBe(sameDrawing(renderPlot({ ...graph.options!, width: 320 }, true)));
        expect(answer.narrow.alt).toBe(answer.wide.alt);
      }
    });

  it("the raster a second later shows the spikes of [6, 16) s, counted from the recording", async () => {
    const { view, payload } = answered("raster-population");
    const answers = await firstMoveAnswers(view, payload, plotContext, fetchFile, () => "");
    // Every 5th neuron's spikes in [6, 16) s, counted here from the file's arrays.
    let count = 0;
    for (let n = 0; n < spikes.offsets.length - 1; n += 5)
      for (let i = spikes.offsets[n]!; i < spikes.offsets[n + 1]!; i++) if (spikes.times[i]! >= 6 && spikes.times[i]! < 16) count++;
    const alt = answers.get("start=6")!.wide.alt;
    expect(count).toBeGreaterThan(0);
    expect(alt).toContain(`"from":6,"to":16,"spikes":${count}}`);
    // Its table: each of those neurons with its own count in the window, from the same arrays.
    const rows = answers.get("start=6")!.wide.table.rows;
    expect(rows.length).toBe(Math.ceil((spikes.offsets.length - 1) / 5));
    for (const [neuron, inWindow] of rows) {
      const n = Number(neuron);
      let own = 0;
      for (let i = spikes.offsets[n]!; i < spikes.offsets[n + 1]!; i++) if (spikes.times[i]! >= 6 && spikes.times[i]! < 16) own++;
      expect(inWindow, `neuron ${n}`).toBe(own);
    }
    expect(answers.get("start=6")!.wide.valueText).toContain("6");
  });

  it("stop the build on a figure that fails one step from its default, naming the cell and the move", async () => {
    const view = {
      id: "fails",
      plot: (_p: unknown, i: InputValues) => {
        if (i.k === 3) throw new Error("no drawing at 3");
        return {};
      },
      describe: () => ({ alt: "", table: { columns: [], rows: [] } }),
      interaction: { inputs: () => [{ kind: "range", name: "k", label: "k", min: 0, max: 5, step: 1, value: 2 }] },
    } as unknown as AnyView;
    await expect(firstMoveAnswers(view, {}, plotContext, fetchFile, () => "")).rejects.toThrow(
      'cell "fails", after the move k=3: no drawing at 3',
    );
  });

  it("carry a translator's words as text: markup in a string is never an element of the drawing", async () => {
    const { view, payload } = answered("isi-function-explorer");
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const t: PlotContext["t"] = (key) => `${hostile}${key}`;
    const answers = await firstMoveAnswers(view, payload, { locale: "en", t }, fetchFile, (options) => renderPlot(options, true));
    for (const [key, answer] of answers) {
      const { document: drawing } = parseHTML(`<!doctype html><html><body>${answer.wide.svg}</body></html>`);
      expect(drawing.querySelectorAll("img, script").length, key).toBe(0);
      expect(
        [...drawing.querySelectorAll("*")].flatMap((el) => el.getAttributeNames().filter((a) => /^on/i.test(a))),
        key,
      ).toEqual([]);
      // The words are there, as text (the page's script sets the others as text too).
      expect(drawing.body.textContent, key).toContain("<img src=x");
      expect(answer.wide.alt, key).toContain(hostile);
    }
  });
});
