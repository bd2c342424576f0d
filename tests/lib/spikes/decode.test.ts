import { describe, expect, it } from "vitest";
import { assembleSpikeTrains } from "../../../src/lib/spikes/decode.ts";
import { DType, NdArray } from "../../../src/lib/numpy/numpyPickle.ts";

function neuron(values: number[], code: "f4" | "f8", bytes: Uint8Array, at: number, byteOrder = "<"): NdArray {
  const a = new NdArray();
  const width = code === "f4" ? 4 : 8;
  const dv = new DataView(bytes.buffer);
  values.forEach((v, i) => {
    if (code === "f4") dv.setFloat32(at + i * 4, v, byteOrder === "<");
    else dv.setFloat64(at + i * 8, v, byteOrder === "<");
  });
  a.shape = [values.length];
  a.dtype = new DType(code);
  a.dtype.byteOrder = byteOrder;
  a.data = bytes.subarray(at, at + values.length * width);
  return a;
}

describe("gathering neurons into one array", () => {
  it("moves unaligned float32 neurons down in place, big-endian ones swapped", () => {
    const bytes = new Uint8Array(64);
    const trains = assembleSpikeTrains([
      neuron([1, 2], "f4", bytes, 5),
      neuron([3], "f4", bytes, 19, ">"),
      neuron([4.5, 6], "f4", bytes, 30),
    ]);
    expect(trains.times.buffer).toBe(bytes.buffer); // no copy
    expect(trains.times.byteOffset % 4).toBe(0);
    expect(Array.from(trains.times)).toEqual([1, 2, 3, 4.5, 6]);
    expect(Array.from(trains.offsets)).toEqual([0, 2, 3, 5]);
  });

  it("copies when one pickled bytes object serves two neurons", () => {
    const bytes = new Uint8Array(32);
    const shared = neuron([1, 2], "f4", bytes, 3);
    const trains = assembleSpikeTrains([shared, shared]);
    expect(trains.times.buffer).not.toBe(bytes.buffer);
    expect(Array.from(trains.times)).toEqual([1, 2, 1, 2]);
  });

  it("promotes to float64 when widths are mixed, as np.concatenate does", () => {
    const bytes = new Uint8Array(64);
    const trains = assembleSpikeTrains([neuron([0.1], "f4", bytes, 1), neuron([0.1], "f8", bytes, 9)]);
    expect(trains.dtype).toBe("float64");
    expect(Array.from(trains.times)).toEqual([Math.fround(0.1), 0.1]);
  });

  it("names an infinity and its place", () => {
    const bytes = new Uint8Array(32);
    expect(() => assembleSpikeTrains([neuron([1], "f4", bytes, 0), neuron([1, Infinity], "f4", bytes, 8)])).toThrow(
      "neuron 1 holds an infinity at position 1",
    );
  });
});
