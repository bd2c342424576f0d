import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { chapterCells } from "../../src/cells/registry.ts";
import type { CellInput } from "../../src/cells/types.ts";
import { translator } from "../../src/i18n/index.ts";
import { computeSummary } from "../../src/lib/analysis/summary.ts";
import { renderPlot } from "../../src/lib/plot/ssr.ts";
import { readSpikeFile } from "../../src/lib/spikes/readFile.ts";
import { fixture } from "../helpers/fixtures.ts";
import { matchSnapshot, normalizeSvg } from "../helpers/snapshot.ts";

const dataset = readSpikeFile(fixture("site/mini-734.npz"));
const input: CellInput = { dataset, summary: computeSummary(dataset) };
const snapshot = (name: string) => fileURLToPath(new URL(`./__snapshots__/${name}.svg`, import.meta.url));

describe("every figure of W1D1 Tutorial 1 on the mini fixture", () => {
  for (const cell of chapterCells("w1d1/tutorial1").cells) {
    for (const locale of ["en", "ja"]) {
      it(`${cell.id} (${locale})`, () => {
        const ctx = { locale, t: translator(locale) };
        const payload = cell.data(input);
        const svg = renderPlot(cell.plot(payload, cell.defaults, ctx));
        expect(svg).toMatch(/^<(svg|figure)/);
        matchSnapshot(snapshot(`${cell.id}.${locale}`), normalizeSvg(svg));
      });
    }
  }
});
