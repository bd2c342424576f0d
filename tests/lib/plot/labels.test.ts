import { describe, expect, it } from "vitest";
import { alongRun, crosses, placeLabels, textWidth, type Box } from "../../../src/lib/plot/labels.ts";

describe("labels placed without collisions", () => {
  it("a segment crosses a box when an end is inside it or it passes through; not when it passes by", () => {
    const box: Box = [10, 10, 20, 20];
    expect(crosses([15, 15, 40, 40], box)).toBe(true);
    expect(crosses([0, 15, 40, 15], box)).toBe(true);
    expect(crosses([0, 0, 30, 30], box)).toBe(true);
    expect(crosses([0, 25, 40, 25], box)).toBe(false);
    expect(crosses([0, 0, 5, 30], box)).toBe(false);
  });

  it("each label takes its first free place: above its point, else around it; none over another, a line or the frame's edge", () => {
    const frame: Box = [0, 0, 200, 100];
    const line = [[0, 50, 200, 50]] as const;
    const [a, b, c] = placeLabels(
      [
        { width: 40, height: 10, points: [[100, 50]] },
        {
          width: 40,
          height: 10,
          points: [
            [100, 50],
            [150, 50],
          ],
        },
        { width: 300, height: 10, points: [[100, 50]] },
      ],
      line,
      frame,
    );
    expect(a).toEqual([80, 36, 120, 46]); // above the line
    expect(b).toEqual([80, 54, 120, 64]); // the place above is taken: below
    expect(c).toBeNull(); // wider than the frame: left out
  });

  it("offers places along a long straight stretch, not only at its two ends", () => {
    const run = alongRun(
      [
        [10, 0],
        [10, 100],
        [12, 104],
      ],
      12,
    );
    expect(run[0]).toEqual([10, 0]);
    expect(run.at(-1)).toEqual([12, 104]);
    // 100 px at 12 px spacing: 8 steps, 7 points in between; the short last segment adds none.
    expect(run).toHaveLength(2 + 7 + 1);
    expect(run.slice(1, 8).every(([x, y]) => x === 10 && y > 0 && y < 100)).toBe(true);
    // A steep line beside another steep line: its label finds a place between their ends.
    const frame: Box = [0, 0, 200, 100];
    const [label] = placeLabels(
      [
        {
          width: 30,
          height: 10,
          points: alongRun(
            [
              [10, 0],
              [10, 100],
            ],
            12,
          ),
        },
      ],
      [
        [10, 0, 10, 100],
        [14, 0, 14, 60],
      ],
      frame,
    );
    expect(label).not.toBeNull();
    expect(label![1]).toBeGreaterThan(60);
  });

  it("a label with no place clear of the lines is left out (the legend names it)", () => {
    const frame: Box = [0, 0, 100, 40];
    // A grid of lines every 5 px: no box of 20 × 10 is clear of them.
    const grid = Array.from({ length: 21 }, (_, i) => [i * 5, 0, i * 5, 40] as const);
    expect(placeLabels([{ width: 20, height: 10, points: [[50, 20]] }], grid, frame)).toEqual([null]);
  });

  it("estimates a CJK name wider than a Latin one of as many characters", () => {
    expect(textWidth("線形関数", 12)).toBeGreaterThan(textWidth("line", 12));
  });
});
