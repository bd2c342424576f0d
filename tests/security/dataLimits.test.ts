import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { SpikeTrains } from "../../src/lib/spikes/dataset.ts";
import { rasterFiles } from "../../src/lib/spikes/fileSets.ts";
import { LIMITS } from "../../src/lib/spikes/limits.ts";
import { encodeNpy, encodeNpz } from "../../src/lib/spikes/npzWrite.ts";
import { pickleObjectArray } from "../../src/lib/spikes/pickleWrite.ts";
import { readSpikeFile, UNEXPECTED } from "../../src/lib/spikes/readFile.ts";
import { isPrintableLine } from "../../src/lib/text/printable.ts";
import { bytesOf, npyFile, objectHeader, zipFile } from "../helpers/archives.ts";
import { fixture } from "../helpers/fixtures.ts";

const dir = mkdtempSync(join(tmpdir(), "hostile-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const u32 = (v: number) => {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, v, true);
  return b;
};

/**
 * Reads a file made of `bytes`: the refusal's message. (How long refusals take and how much
 * memory they use is measured by `npm run bench:hostile`, not asserted here.)
 */
function refusal(name: string, bytes: Uint8Array): { message: string } {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  try {
    readSpikeFile(path);
  } catch (err) {
    return { message: (err as Error).message };
  }
  throw new Error(`${name} was accepted`);
}

/** One line that names the file: printable characters only, at most ~300 of them. */
function expectOneLine(message: string, name: string): void {
  expect(message.startsWith(join(dir, name))).toBe(true);
  expect(isPrintableLine(message)).toBe(true);
  expect(message.length).toBeLessThanOrEqual(310);
  expect(message).not.toContain(UNEXPECTED);
  expect(message).not.toMatch(/DataView|RangeError|Offset is outside/);
}

const trains = (neurons: readonly (readonly number[])[]): SpikeTrains => {
  const offsets = new Uint32Array(neurons.length + 1);
  neurons.forEach((n, i) => (offsets[i + 1] = offsets[i]! + n.length));
  return { dtype: "float32", times: Float32Array.from(neurons.flat()), offsets };
};

describe("the reader refuses hostile files in bounded time and memory, with one clear line", () => {
  it("a 256 KB integer (LONG4) is refused before it is read, not parsed with quadratic shifts", () => {
    const pickle = bytesOf(0x80, 2, 0x8b, u32(262_144), new Uint8Array(262_144), 0x2e);
    const r = refusal("long4.npy", npyFile(objectHeader(1), pickle));
    expectOneLine(r.message, "long4.npy");
    expect(r.message).toContain("an integer of 262144 bytes");
  });

  it("a 540 KB .npy header is refused by its length, as numpy does, without being scanned", () => {
    const header = `{'descr': '|O', 'fortran_order': False, 'shape': (${"1, ".repeat(180_000)}), }\n`;
    const r = refusal("header.npy", npyFile(header, new Uint8Array(0), 2));
    expectOneLine(r.message, "header.npy");
    expect(r.message).toMatch(/-byte header; numpy refuses headers over 10000 bytes/);
  });

  it("one opcode repeated to make millions of objects is refused at the object limit", () => {
    const flood = new Uint8Array(2 * 1_200_000);
    for (let i = 0; i < flood.length; i += 2) flood.set([0x7d, 0x30], i); // EMPTY_DICT, POP
    const r = refusal("dicts.npy", npyFile(objectHeader(1), bytesOf(0x80, 2, flood, 0x2e)));
    expectOneLine(r.message, "dicts.npy");
    expect(r.message).toContain(`makes more than ${LIMITS.maxPickleObjects} objects`);
  });

  it("a flood of values on the stack is refused at the stack limit", () => {
    const r = refusal("nones.npy", npyFile(objectHeader(1), bytesOf(0x80, 2, new Uint8Array(1_000_000).fill(0x4e), 0x2e)));
    expectOneLine(r.message, "nones.npy");
    expect(r.message).toContain(`holds more than ${LIMITS.maxPickleStack} values at once`);
  });

  it("a memoized string encoded again and again (1 MB to 1 GB) is refused by the encode budget", () => {
    const call = bytesOf(0x63, "_codecs\nencode\n", 0x68, 0, 0x8c, 6, "latin1", 0x86, 0x52, 0x30);
    const calls = new Uint8Array(call.length * 1000);
    for (let i = 0; i < 1000; i++) calls.set(call, i * call.length);
    const pickle = bytesOf(0x80, 2, 0x58, u32(1_000_000), "a".repeat(1_000_000), 0x71, 0, calls, 0x2e);
    const r = refusal("encode.npy", npyFile(objectHeader(1), pickle));
    expectOneLine(r.message, "encode.npy");
    expect(r.message).toContain("more bytes through _codecs.encode than it holds");
  });

  it("a deflated member declaring 4 GB is refused before anything is allocated", () => {
    const zip = zipFile([{ name: "spike_times.npy", data: new Uint8Array(1000), deflate: true, declaredSize: 4_000_000_000 }]);
    const r = refusal("huge.npz", zip);
    expectOneLine(r.message, "huge.npz");
    expect(r.message).toMatch(/declares 4000000000 bytes from \d+, more than accepted/);
  });

  it("a deflated member that inflates past the size it declares is refused", () => {
    const zip = zipFile([{ name: "spike_times.npy", data: new Uint8Array(1_000_000), deflate: true, declaredSize: 1000 }]);
    const r = refusal("liar.npz", zip);
    expectOneLine(r.message, "liar.npz");
    expect(r.message).toContain("inflates to more than the 1000 bytes it declares");
  });

  it("two members named spike_times.npy are refused as ambiguous (numpy reads the last, others the first)", () => {
    const a = encodeNpy(trains([[1, 2]]));
    const b = encodeNpy(trains([[3, 4, 5]]));
    const r = refusal(
      "twice.npz",
      zipFile([
        { name: "spike_times.npy", data: a },
        { name: "spike_times.npy", data: b },
      ]),
    );
    expectOneLine(r.message, "twice.npz");
    expect(r.message).toContain("two members named spike_times.npy");
  });

  it("too many members are refused before they are listed one by one", () => {
    const members = Array.from({ length: LIMITS.maxMembers + 1 }, (_, i) => ({ name: `m${i}.npy`, data: new Uint8Array(1) }));
    const r = refusal("many.npz", zipFile(members));
    expect(r.message).toContain(`more than the ${LIMITS.maxMembers} accepted`);
  });

  it("a float in a shape is refused, in the header and in the pickle, as numpy refuses it", () => {
    const header = refusal("shape-header.npy", npyFile("{'descr': '|O', 'fortran_order': False, 'shape': (2.5,), }\n", new Uint8Array(0)));
    expectOneLine(header.message, "shape-header.npy");
    expect(header.message).toContain("header numpy would not read");
    // In the pickle: neuron 0's shape (3,) written as (3.0,).
    const npy = encodeNpy(trains([[1, 2, 3]]));
    const at = npy.findIndex((b, i) => b === 0x4b && npy[i + 1] === 3 && npy[i + 2] === 0x85);
    const float = new Uint8Array(9);
    float[0] = 0x47;
    new DataView(float.buffer).setFloat64(1, 3, false);
    const patched = bytesOf(npy.subarray(0, at), float, npy.subarray(at + 2));
    const r = refusal("shape-pickle.npy", patched);
    expectOneLine(r.message, "shape-pickle.npy");
    expect(r.message).toContain("not a non-negative integer");
  });

  it("a damaged central directory gives a line naming the file, not a DataView error", () => {
    const zip = new Uint8Array(readFileSync(fixture("spikes/tiny.npz")));
    const dv = new DataView(zip.buffer);
    const eocd = zip.length - 22;
    const central = dv.getUint32(eocd + 16, true);
    dv.setUint16(central + 30, 0xffff, true); // an extra field running past the end of the file
    const r = refusal("extra.npz", zip);
    expectOneLine(r.message, "extra.npz");
  });

  it("names from the file are printed escaped: no terminal codes or line breaks reach the log", () => {
    const module = "os\u001b[31m\nfake: all good";
    const pickle = bytesOf(0x80, 4, 0x8c, module.length, module, 0x8c, 6, "system", 0x93, 0x2e);
    const r = refusal("escape.npy", npyFile(objectHeader(1), pickle));
    expectOneLine(r.message, "escape.npy");
    expect(r.message).toContain("os\\x1b[31m\\nfake");
  });
});

describe("plausible data only", () => {
  it.each([
    [3e38, "beyond the longest recording accepted (1000000 s)"],
    [1e9, "beyond the longest recording accepted (1000000 s)"],
    [-5, "before the recording started"],
  ])("a spike at %s s is refused, naming the neuron and the value", (t, why) => {
    const npz = encodeNpz(trains([[1, 2], [0.5, t > 0 ? t : 0.6], t < 0 ? [t, 1] : [2]]));
    const name = `time-${t}.npz`;
    const r = refusal(name, npz);
    expectOneLine(r.message, name);
    expect(r.message).toMatch(new RegExp(`neuron (1|2) holds a spike at ${String(Math.fround(t)).replace(/[+.]/g, "\\$&")} s`));
    expect(r.message).toContain(why);
  });

  it("more neurons than the site's files carry are refused before the pickle is read", () => {
    const r = refusal("neurons.npy", npyFile(objectHeader(LIMITS.maxNeurons + 1), bytesOf(0x80, 2, 0x2e)));
    expectOneLine(r.message, "neurons.npy");
    expect(r.message).toContain(`holds ${LIMITS.maxNeurons + 1} neurons, more than the ${LIMITS.maxNeurons}`);
  });

  it("a long recording (2.7e5 s) is accepted, and its raster files stay bounded (at most 2,000 files)", () => {
    const long = trains([
      [1, 270_000],
      [5, 10, 269_999.5],
    ]);
    const files = rasterFiles.build(long as never);
    expect(files.size).toBeLessThanOrEqual(2000);
    expect(files.size).toBeGreaterThan(100);
    const bytes = [...files.values()].reduce((a, f) => a + f.length, 0);
    expect(bytes).toBeLessThan(20 * 1024 * 1024);
  });
});

describe("what numpy refuses, and arrays used many times", () => {
  /** The tutorial's object array whose one neuron (`values` spikes) is used `uses` times, as a hostile pickle can. */
  function aliased(values: number, uses: number): Uint8Array {
    const one = pickleObjectArray(trains([Array.from({ length: values }, (_, i) => i / 1000)]));
    // The root's shape: ( K 1 K 1 ) -> ( K 1 J <uses> ), then the neuron memoized and recalled.
    const shapeAt = one.findIndex((_, i) => [0x28, 0x4b, 1, 0x4b, 1, 0x85].every((b, k) => one[i + k] === b));
    const appends = one.length - 6;
    expect(one[appends]).toBe(0x65);
    const recall = new Uint8Array(5 * (uses - 1));
    for (let i = 0; i < uses - 1; i++) recall.set([0x6a, ...u32(999_999)], 5 * i);
    const pickle = bytesOf(
      one.subarray(0, shapeAt + 3),
      0x4a,
      u32(uses),
      one.subarray(shapeAt + 5, appends),
      0x72,
      u32(999_999),
      recall,
      one.subarray(appends),
    );
    return npyFile(objectHeader(uses), pickle);
  }

  for (const [values, uses] of [
    [1_000_000, 400],
    [1_000_000, 4096],
    [200_000, 20_000],
  ] as const) {
    it(`one array of ${values} spikes used ${uses} times is counted each time and refused before anything is allocated`, () => {
      const name = `alias-${uses}.npy`;
      const r = refusal(name, aliased(values, uses));
      expectOneLine(r.message, name);
      expect(r.message).toContain(`holds more than ${LIMITS.maxTotalSpikes} spikes in all`);
    });
  }

  it("an array used a few times within the limit reads as numpy reads it: each use a neuron", () => {
    const path = join(dir, "alias-ok.npy");
    writeFileSync(path, aliased(3, 4));
    const read = readSpikeFile(path);
    expect([...read.offsets]).toEqual([0, 3, 6, 9, 12]);
    expect([...read.times.subarray(9)]).toEqual([...read.times.subarray(0, 3)]);
  });

  const spikes = () => encodeNpy(trains([[1, 2, 3]]));
  it("a member whose own header names another file than the directory does", () => {
    const zip = zipFile([{ name: "spike_times.npy", data: spikes() }]);
    zip[30] = "x".charCodeAt(0); // the local header's name: "xpike_times.npy"
    const r = refusal("names.npz", zip);
    expectOneLine(r.message, "names.npz");
    expect(r.message).toContain("has another name in its own header than in the directory");
  });

  it("members that share bytes (a decoy read for another) are refused", () => {
    const zip = zipFile([
      { name: "spike_times.npy", data: spikes() },
      { name: "other.npy", data: spikes() },
    ]);
    const dv = new DataView(zip.buffer);
    const central = dv.getUint32(zip.length - 22 + 16, true);
    dv.setUint32(central + 20, dv.getUint32(central + 20, true) + 40, true); // the first member's compressed size reaches into the second
    const r = refusal("overlap.npz", zip);
    expectOneLine(r.message, "overlap.npz");
    expect(r.message).toContain("overlaps another member");
  });

  it("an encrypted member is refused, as numpy's zipfile refuses it", () => {
    const zip = zipFile([{ name: "spike_times.npy", data: spikes() }]);
    const dv = new DataView(zip.buffer);
    const central = dv.getUint32(zip.length - 22 + 16, true);
    dv.setUint16(central + 8, 1, true);
    const r = refusal("encrypted.npz", zip);
    expectOneLine(r.message, "encrypted.npz");
    expect(r.message).toContain("is encrypted");
  });

  it("a shape written (40), a number in Python, not a tuple, is refused", () => {
    const header = "{'descr': '|O', 'fortran_order': False, 'shape': (40), }\n";
    const r = refusal("shape.npy", npyFile(header, new Uint8Array(0)));
    expectOneLine(r.message, "shape.npy");
    expect(r.message).toContain("a number, not a tuple");
  });
});
