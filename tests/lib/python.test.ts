import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { numpyArrayStr, pyFixed, pyIntList, pyPercent, pyShape } from "../../src/lib/python/format.ts";
import { fixture } from "../helpers/fixtures.ts";

// Written by numpy 2.4.6 / Python 3.11 (tests/fixtures/numpy-extra/make.py).
const numpy = JSON.parse(readFileSync(fixture("numpy-extra/expected-format.json"), "utf8")) as {
  array_str_float32: number[][];
  array_str_expected: string[];
  percent_cases: [number, string, string][];
};

describe("numpy's str() of float32 arrays", () => {
  numpy.array_str_float32.forEach((values, i) => {
    it(numpy.array_str_expected[i]!.slice(0, 40), () => {
      expect(numpyArrayStr(Float32Array.from(values), "float32")).toBe(numpy.array_str_expected[i]);
    });
  });
});

describe("Python's format()", () => {
  for (const [x, spec, want] of numpy.percent_cases) {
    it(`format(${x}, "${spec}") == "${want}"`, () => {
      const digits = Number(/\.(\d+)%/.exec(spec)![1]);
      expect(pyPercent(x, digits)).toBe(want);
    });
  }
  it("rounds exact ties to even as CPython does", () => {
    expect(pyFixed(0.125, 2)).toBe("0.12");
    expect(pyFixed(0.375, 2)).toBe("0.38");
    expect(pyFixed(2.5, 0)).toBe("2");
  });
  it("lists and shapes", () => {
    expect(pyIntList([826, 2818])).toBe("[826, 2818]");
    expect(pyShape([734])).toBe("(734,)");
  });
});
