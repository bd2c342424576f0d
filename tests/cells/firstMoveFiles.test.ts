import { describe, expect, it } from "vitest";
import chapter from "../../chapters/w1d1/tutorial1/chapter.ts";
import { chapterCells } from "../../src/api/course.ts";
import type { AnyView } from "../../src/api/types.ts";
import { firstMoveFiles } from "../../src/integration/firstMoveFiles.ts";
import { readSpikeFile } from "../../src/lib/spikes/readFile.ts";
import { fixture } from "../helpers/fixtures.ts";

const spikes = readSpikeFile(fixture("site/mini-734.npz"));
const ctx = { data: { spikes }, summary: chapter.summarize({ spikes }) };
const cells = Object.fromEntries(chapterCells(chapter.cells).map((c) => [c.view.id, c]));
const filesOf = (id: string) => firstMoveFiles(cells[id]!.view as unknown as AnyView, cells[id]!.data(ctx));

describe("the files a first move may need, named at build", () => {
  it("the population raster: the 5-s blocks of its window [5, 15) and of one second either way of its start and width", () => {
    // [5, 15) needs blocks 1-2; [4, 14) needs blocks 0-2, [6, 16) blocks 1-3, [5, 14) and [5, 16) blocks 1-3.
    expect(filesOf("raster-population")).toEqual({
      atDefault: ["raster/1.bin", "raster/2.bin"],
      oneStepAway: ["raster/0.bin", "raster/3.bin"],
      // Each move on its own: the one file it needs beyond the default's (a narrower window none).
      byMove: { "start=4": ["raster/0.bin"], "start=6": ["raster/3.bin"], "width=11": ["raster/3.bin"] },
    });
  });

  it("the ISI figures: neuron 283's file and its neighbours' (the neuron picker's one step)", () => {
    const expected = {
      atDefault: ["isi/283.isi"],
      oneStepAway: ["isi/282.isi", "isi/284.isi"],
      byMove: { "neuron=282": ["isi/282.isi"], "neuron=284": ["isi/284.isi"] },
    };
    expect(filesOf("isi-histogram")).toEqual(expected);
    expect(filesOf("isi-function-explorer")).toEqual(expected);
  });

  it("a figure that loads nothing, or whose load reads a file before naming the next, names what it can", () => {
    const view = (run: AnyView["interaction"] extends infer I ? (I extends { load?: infer L } ? L : never) : never) =>
      ({
        id: "x",
        plot: () => ({}),
        describe: () => ({ alt: "" }),
        interaction: {
          inputs: () => [{ kind: "range", name: "k", label: "k", min: 0, max: 2, step: 1, value: 0 }],
          load: run,
        },
      }) as unknown as AnyView;
    expect(firstMoveFiles({ id: "y", plot: () => ({}), describe: () => ({ alt: "" }) } as unknown as AnyView, {})).toEqual({
      atDefault: [],
      oneStepAway: [],
      byMove: {},
    });
    // Named one after another: only the first of each view is known before the load awaits.
    const chained = view({
      inputs: ["k"],
      describe: () => "",
      run: async (inputs, fetchFile) => {
        await fetchFile("set", `${String(inputs.k)}.a`);
        await fetchFile("set", `${String(inputs.k)}.b`);
        return {} as never;
      },
    });
    expect(firstMoveFiles(chained, {})).toEqual({ atDefault: ["set/0.a"], oneStepAway: ["set/1.a"], byMove: { "k=1": ["set/1.a"] } });
  });
});
