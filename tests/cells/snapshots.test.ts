import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import chapter from "../../chapters/w1d1/tutorial1/chapter.ts";
import { chapterCells } from "../../src/api/course.ts";
import { defaultInputs, type AnyView } from "../../src/api/types.ts";
import { layeredTranslator, type StringTable } from "../../src/translation/strings/strings.ts";
import { uiStringsOf } from "../helpers/uiStrings.ts";
import { renderPlot } from "../../src/lib/plot/ssr.ts";
import { readSpikeFile } from "../../src/lib/spikes/readFile.ts";
import { fixture } from "../helpers/fixtures.ts";
import { matchSnapshot, normalizeSvg } from "../helpers/snapshot.ts";

const spikes = readSpikeFile(fixture("site/mini-734.npz"));
const ctx = { data: { spikes }, summary: chapter.summarize({ spikes }) };
const snapshot = (name: string) => fileURLToPath(new URL(`./__snapshots__/${name}.svg`, import.meta.url));
const strings = (locale: string) =>
  JSON.parse(readFileSync(new URL(`../../chapters/w1d1/tutorial1/strings/${locale}.json`, import.meta.url), "utf8")) as StringTable;

const uiStrings = uiStringsOf();

describe("every figure of W1D1 Tutorial 1 on the mini fixture", () => {
  for (const cell of chapterCells(chapter.cells)) {
    for (const locale of ["en", "ja"]) {
      it(`${cell.view.id} (${locale})`, () => {
        const view = cell.view as unknown as AnyView;
        const t = layeredTranslator([strings(locale), strings("en"), uiStrings(locale)], `w1d1/tutorial1 [${locale}]`, locale);
        const payload = cell.data(ctx) as never;
        const svg = renderPlot(view.plot(payload, defaultInputs(view, payload), { locale, t }));
        expect(svg).toMatch(/^<(svg|figure)/);
        matchSnapshot(snapshot(`${view.id}.${locale}`), normalizeSvg(svg));
      });
    }
  }
});
