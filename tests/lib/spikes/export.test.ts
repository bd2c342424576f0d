import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { encodeNpz } from "../../../src/lib/spikes/npzWrite.ts";
import { readSpikeFile } from "../../../src/lib/spikes/readFile.ts";
import { fixture } from "../../helpers/fixtures.ts";

describe("encodeNpz writes what numpy 1.x wrote", () => {
  // The *-numpy1 fixtures were written by numpy itself, so byte equality is an independent check.
  for (const [source, numpyFile] of [
    ["tiny.npz", "tiny-numpy1.npz"],
    ["small-compressed.npz", "small-numpy1.npz"],
    ["small-bigendian.npz", "small-numpy1.npz"],
  ] as const) {
    it(`${source} re-exported equals numpy's ${numpyFile} byte for byte`, () => {
      const ours = encodeNpz(readSpikeFile(fixture(`spikes/${source}`)));
      expect(Buffer.compare(Buffer.from(ours), readFileSync(fixture(`spikes/${numpyFile}`)))).toBe(0);
    });
  }
});
