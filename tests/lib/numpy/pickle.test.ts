import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FormatError } from "../../../src/lib/numpy/formatError.ts";
import { unpickleNumpy } from "../../../src/lib/numpy/numpyPickle.ts";
import { parseSpikeFile } from "../../../src/lib/spikes/parse.ts";
import { readSpikeFile } from "../../../src/lib/spikes/readFile.ts";
import { fixture } from "../../helpers/fixtures.ts";

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));
const pickle = (...parts: (number | string)[]) => new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? ascii(p) : [p])));

describe("the restricted unpickler", () => {
  const hostile: [string, Uint8Array][] = [
    ["posix.system via GLOBAL", pickle(0x80, 2, 0x63, "posix\nsystem\n", 0x8c, 2, "id", 0x85, 0x52, 0x2e)],
    ["builtins.eval via STACK_GLOBAL", pickle(0x80, 4, 0x8c, 8, "builtins", 0x8c, 4, "eval", 0x93, 0x8c, 1, "1", 0x85, 0x52, 0x2e)],
    ["subprocess.Popen", pickle(0x80, 2, 0x63, "subprocess\nPopen\n", 0x29, 0x52, 0x2e)],
    // A numpy-looking module path is not enough: only the exact callables are allowed.
    ["numpy.testing.rundocs", pickle(0x80, 2, 0x63, "numpy.testing\nrundocs\n", 0x29, 0x52, 0x2e)],
  ];
  for (const [name, bytes] of hostile) {
    it(`refuses ${name} by name, before anything is called`, () => {
      const global = name.split(" ")[0]!;
      expect(() => unpickleNumpy(bytes)).toThrow(
        `the pickle names a callable outside numpy's array reconstruction (${global}); nothing was run`,
      );
    });
  }

  it("refuses numpy's protocol-4 pickle of an object that would call builtins.eval", () => {
    expect(() => readSpikeFile(fixture("numpy-extra/bad-eval-protocol4.npz"))).toThrow("(builtins.eval); nothing was run");
  });

  it("refuses opcodes numpy never writes, naming them and their position", () => {
    expect(() => unpickleNumpy(pickle(0x80, 2, 0x81, 0x2e))).toThrow(
      "the pickle uses opcode 0x81, which numpy's array pickles never contain (at byte 2)",
    );
  });

  it("reports a pickle cut short", () => {
    expect(() => unpickleNumpy(pickle(0x80, 3, 0x42, 0xff, 0xff))).toThrow(FormatError);
    expect(() => unpickleNumpy(pickle(0x80, 3, 0x42, 0xff, 0xff))).toThrow(/cut short/);
  });

  it("refuses a memo reference that was never stored", () => {
    expect(() => unpickleNumpy(pickle(0x80, 2, 0x68, 7, 0x2e))).toThrow("refers to memo entry 7, which was never stored");
  });
});

describe("pickle protocols and .npy versions numpy can produce", () => {
  const base = readSpikeFile(fixture("spikes/small-numpy1.npz"));
  for (const name of ["small-protocol2.npz", "small-protocol5.npz", "small-npy-v2.npy"]) {
    it(`reads ${name} (written by numpy) to the same spike times`, () => {
      const data = readSpikeFile(fixture(`numpy-extra/${name}`));
      expect(Array.from(data.offsets)).toEqual(Array.from(base.offsets));
      expect(Array.from(data.times)).toEqual(Array.from(base.times));
    });
  }

  it("reads a version 3.0 header (same layout as 2.0, UTF-8 text)", () => {
    const v2 = new Uint8Array(readFileSync(fixture("numpy-extra/small-npy-v2.npy")));
    v2[6] = 3;
    expect(parseSpikeFile(v2).trains.times.length).toBe(base.times.length);
  });

  it("refuses an unknown .npy version", () => {
    const v2 = new Uint8Array(readFileSync(fixture("numpy-extra/small-npy-v2.npy")));
    v2[6] = 9;
    expect(() => parseSpikeFile(v2)).toThrow("has .npy format version 9.0, which is not one of 1.0, 2.0, 3.0");
  });
});
