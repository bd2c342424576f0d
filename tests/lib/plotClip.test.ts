import { describe, expect, it } from "vitest";
import { clipToBand } from "../../src/lib/plot/clip.ts";

describe("clipToBand", () => {
  it("keeps a line inside the band as it is", () => {
    expect(
      clipToBand(
        [
          [0, 1],
          [1, 2],
          [2, 3],
        ],
        0,
        10,
      ),
    ).toEqual([
      [
        [0, 1],
        [1, 2],
        [2, 3],
      ],
    ]);
  });

  it("shortens a segment along itself where it leaves the band (300 / x near its pole)", () => {
    const runs = clipToBand(
      [
        [1e-10, 3e12],
        [0.01, 30000],
        [0.02, 15000],
      ],
      0,
      40000,
    );
    expect(runs).toHaveLength(1);
    const [first, second, third] = runs[0]!;
    expect(first![1]).toBe(40000);
    // The new start lies on the original segment: the slope is unchanged.
    const slope = (30000 - 3e12) / (0.01 - 1e-10);
    const clippedSlope = (second![1] - first![1]) / (second![0] - first![0]);
    expect(Math.abs(clippedSlope / slope - 1)).toBeLessThan(1e-6);
    expect(third).toEqual([0.02, 15000]);
  });

  it("restarts the line after an excursion out of the band, and breaks at non-finite values", () => {
    const runs = clipToBand(
      [
        [0, 1],
        [1, 100],
        [2, 1],
        [3, Infinity],
        [4, 1],
        [5, 2],
      ],
      0,
      10,
    );
    expect(runs).toHaveLength(3);
    expect(runs[0]![runs[0]!.length - 1]![1]).toBe(10);
    expect(runs[1]![0]![1]).toBe(10);
    expect(runs[2]).toEqual([
      [4, 1],
      [5, 2],
    ]);
  });
});
