import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { TUTORIAL_PARAMS } from "../../chapters/w1d1/tutorial1/context.ts";
import { exportNpz } from "../../src/lib/spikes/npzWrite.ts";
import { generateSynthetic } from "../../datasets/steinmetz-w1d1/standIn.ts";
import { binCenters, sumSquaredErrors } from "../../src/lib/analysis/models.ts";
import { computeSummary, type Summary } from "../../chapters/w1d1/tutorial1/summary.ts";
import { numpyArrayStr, pyPercent } from "../../src/lib/python/format.ts";
import { spikeCounts, type SpikeDataset } from "../../src/lib/spikes/dataset.ts";
import { readSpikeFile } from "../../src/lib/spikes/readFile.ts";
import { fixture } from "../helpers/fixtures.ts";
import { loadPage } from "../helpers/site.ts";
import { site } from "../helpers/sites.ts";

const SECTIONS = [
  "tutorial-objectives",
  "setup",
  "what-models",
  "section-1",
  "section-1-1",
  "section-1-2",
  "exercise-1-2",
  "section-2",
  "section-2-1",
  "section-2-2",
  "section-3",
  "exercise-3",
  "section-4",
  "interactive-demo-4",
  "section-5",
  "think-5",
  "summary",
];
const CELLS = [
  "spike-count-distribution",
  "spike-count-histogram",
  "spike-count-median",
  "spike-count-quartiles",
  "raster-single",
  "raster-three",
  "raster-population",
  "isi-histogram",
  "isi-function-explorer",
];
const VIDEOS = {
  "video-1": "KgqR_jbjMQg",
  "video-2": "oHwYWUI_o1U",
  "video-3": "QGA5FCW7kkA",
  "video-4": "DHhM80MOTe8",
  "video-5": "uW2HDk_4-wk",
};

/** What each data-output key must hold, computed here from the data layer, not from the pages. */
function expectedOutputs(data: SpikeDataset, s: Summary): Record<string, unknown> {
  const counts = spikeCounts(data);
  const k = s.isi_hist!.counts.indexOf(Math.max(...s.isi_hist!.counts));
  // The explorer's errors at the notebook's defaults (inv_scale clamped to 300), at the bin centres.
  const xs = binCenters(s.isi_hist!.edges);
  const error = (model: "exponential" | "inverse" | "linear", p: number[]) => sumSquaredErrors(model, p, xs, s.isi_hist!.counts);
  return {
    sse_exponential: error("exponential", [1000, -10, 0.1]),
    sse_inverse: error("inverse", [300, 0]),
    sse_linear: error("linear", [-100000, 10000]),
    n_neurons: s.n_neurons,
    counts_first5: s.counts_first5,
    count_neuron_0: counts[0],
    frac_below_mean: s.frac_below_mean,
    frac_interval_spikes: s.frac_interval_spikes,
    frac_interval_time: s.frac_interval_time,
    dtype: s.dtype,
    type_spike_times: "numpy.ndarray",
    shape_neuron_0: [counts[0]],
    shape_neuron_321: [counts[321]],
    first5_neuron_0: s.first_values["0"],
    first5_neuron_321: s.first_values["321"],
    isi_peak_ms: [Math.round(s.isi_hist!.edges[k]! * 1000), Math.round(s.isi_hist!.edges[k + 1]! * 1000)],
  };
}

function checkBuild(name: string, dir: () => string, load: () => SpikeDataset, source: string) {
  describe(`${name}: both locales of the chapter`, () => {
    let data: SpikeDataset;
    let summary: Summary;
    beforeAll(() => {
      data = load();
      summary = computeSummary(data, TUTORIAL_PARAMS);
    });

    for (const locale of ["ja", "en"]) {
      it(`${locale}: lang, every section id and every figure as an SVG`, () => {
        const doc = loadPage(dir(), `${locale}/w1d1/tutorial1/`);
        expect(doc.documentElement.getAttribute("lang")).toBe(locale);
        for (const id of SECTIONS) expect(doc.getElementById(id), `#${id}`).not.toBeNull();
        const cells = [...doc.querySelectorAll("[data-cell]")].map((el) => el.getAttribute("data-cell"));
        expect(cells).toEqual(CELLS);
        for (const el of doc.querySelectorAll("[data-cell]")) {
          expect(el.querySelector(".cell-figure svg"), el.getAttribute("data-cell")!).not.toBeNull();
          expect(el.querySelector(".cell-figure")!.getAttribute("aria-label")!.length).toBeGreaterThan(20);
          expect(el.querySelector("figcaption")?.textContent.trim().length).toBeGreaterThan(5);
          expect(el.querySelector("table"), "data table").not.toBeNull();
        }
      });

      it(`${locale}: every computed output carries the value the data layer computes`, () => {
        const doc = loadPage(dir(), `${locale}/w1d1/tutorial1/`);
        const want = expectedOutputs(data, summary);
        const outputs = [...doc.querySelectorAll("[data-output]")];
        expect(outputs.length).toBeGreaterThan(15);
        const seen = new Set<string>();
        for (const el of outputs) {
          const key = el.getAttribute("data-output")!;
          seen.add(key);
          expect(Object.keys(want), `unexpected data-output "${key}"`).toContain(key);
          expect(JSON.parse(el.getAttribute("data-value")!), key).toEqual(want[key]);
        }
        expect([...seen].sort()).toEqual(Object.keys(want).sort());
        const text = (key: string) => doc.querySelector(`pre [data-output="${key}"]`)?.textContent;
        expect(text("frac_below_mean")).toBe(pyPercent(summary.frac_below_mean, 1));
        expect(text("frac_interval_spikes")).toBe(pyPercent(summary.frac_interval_spikes, 2));
        expect(text("frac_interval_time")).toBe(pyPercent(summary.frac_interval_time, 2));
        expect(text("first5_neuron_321")).toBe(numpyArrayStr(summary.first_values["321"]!, "float32"));
        // A range in prose is written with the chapter's own string for the locale.
        const [from, to] = want.isi_peak_ms as number[];
        expect(doc.querySelector('[data-output="isi_peak_ms"]')!.textContent).toBe(`${from}${locale === "ja" ? "~" : "–"}${to}`);
      });

      it(`${locale}: videos, code cells, solutions and the data notice`, () => {
        const doc = loadPage(dir(), `${locale}/w1d1/tutorial1/`);
        // Names are listed as the page's language lists them.
        expect(doc.querySelector(".credits dd")!.textContent.trim()).toBe(
          locale === "ja" ? "Matt Laporte、Byron Galbraith、Konrad Kording" : "Matt Laporte, Byron Galbraith, and Konrad Kording",
        );
        for (const [id, youtube] of Object.entries(VIDEOS)) {
          const video = doc.getElementById(id)!;
          expect(video.querySelector(`a[href="https://www.youtube.com/watch?v=${youtube}"]`), id).not.toBeNull();
          expect(video.querySelector('a[href^="https://www.bilibili.com/video/BV"]'), id).not.toBeNull();
          expect(video.querySelector("iframe, img"), "no third-party embed before a click").toBeNull();
        }
        // Feedback cells link to the repository's issues only when SITE_REPOSITORY names one (the mini build does).
        expect(doc.querySelectorAll(".feedback a").length).toBe(source === "file" ? 9 : 0);
        expect(doc.querySelectorAll("details.hidden-cell").length).toBeGreaterThanOrEqual(6);
        const notice = doc.querySelector(".data-notice")!;
        expect(notice.getAttribute("data-source")).toBe(source);
        expect(notice.querySelector("[data-sha256]")!.getAttribute("data-sha256")).toBe(data.sha256);
        expect(doc.querySelectorAll(".data-notice-synthetic").length).toBe(source === "synthetic" ? 1 : 0);
        if (source === "synthetic") {
          // For readers: what the data are, in one or two sentences; the build details fold away.
          const lead = notice.querySelector(":scope > p")!.textContent.trim();
          const sentences = lead.split(/(?<!\bet al)[.。](?:\s+|$)/).filter((s) => s.trim());
          expect(sentences.length, lead).toBeLessThanOrEqual(2);
          expect(lead).not.toMatch(/SPIKES_FILE|npm run|sha256/);
          expect(notice.querySelector("details [data-sha256]")).not.toBeNull();
          expect(notice.querySelector("details")!.textContent).toContain("SPIKES_FILE");
        }
        // Every printed output computed from the stand-in says so, without JavaScript; real data carries no
        // mark, nor does an output the data does not change (the type's name, help()).
        const outputs = [...doc.querySelectorAll(".output")];
        expect(outputs.length).toBeGreaterThan(5);
        const fixed = new Set(["type-spike-times", "help-restrict"]);
        for (const output of outputs) {
          const fromData = !fixed.has(output.getAttribute("data-output-id")!);
          expect(output.querySelectorAll("[data-stand-in]").length, output.textContent).toBe(source === "synthetic" && fromData ? 1 : 0);
        }
        expect(outputs.filter((o) => fixed.has(o.getAttribute("data-output-id")!)).length).toBe(fixed.size);
        // KaTeX is rendered at build time: math markup, and no KaTeX script.
        expect(doc.querySelector(".katex")).not.toBeNull();
        expect([...doc.querySelectorAll("script[src]")].some((s) => /katex/i.test(s.getAttribute("src")!))).toBe(false);
        expect(doc.querySelector('pre[data-language="python"]')).not.toBeNull();
      });
    }

    it.each(["ja", "en"])("%s: each exercise shows its example output, then its solutions collapsed", (locale) => {
      const doc = loadPage(dir(), `${locale}/w1d1/tutorial1/`);
      const labels = locale === "ja" ? ["出力例：", "例の出力："] : ["Example output:"];
      const examples = [...doc.querySelectorAll("article p")].filter((p) => labels.includes(p.textContent.trim()));
      expect(examples.length).toBe(2);
      const shown: string[] = [];
      for (const label of examples) {
        // Right after the label: the figure the exercise should produce, visible, computed at build time.
        const figure = label.nextElementSibling!;
        expect(figure.matches("figure[data-cell]")).toBe(true);
        expect(figure.closest("details")).toBeNull();
        expect(figure.querySelector(".cell-figure svg")).not.toBeNull();
        shown.push(figure.getAttribute("data-cell")!);
        // Then the solution, closed.
        const solution = figure.nextElementSibling!;
        expect(solution.matches("details.solution")).toBe(true);
        expect(solution.hasAttribute("open")).toBe(false);
      }
      expect(shown).toEqual(["spike-count-median", "isi-histogram"]);
      // Exercise 1.2's solution does not answer the bonus; the bonus has a solution of its own.
      const exercise = doc.querySelector('[data-solution="exercise"]')!;
      expect(exercise.textContent).toContain("np.median");
      expect(exercise.textContent).not.toMatch(/percentile|axvspan/);
      const bonus = doc.querySelectorAll('[data-solution="bonus"]');
      expect(bonus.length).toBe(1);
      expect(bonus[0]!.textContent).toContain("np.percentile");
      expect(bonus[0]!.querySelector('[data-cell="spike-count-quartiles"]')).not.toBeNull();
      expect(bonus[0]!.hasAttribute("open")).toBe(false);
    });

    it("the root offers every language once, Japanese first, then English", () => {
      const doc = loadPage(dir(), "");
      expect(doc.documentElement.getAttribute("lang")).toBe("ja");
      const links = [...doc.querySelectorAll("main a[hreflang]")].map((a) => a.getAttribute("hreflang"));
      expect(links.slice(0, 2)).toEqual(["ja", "en"]);
      expect(new Set(links).size).toBe(links.length);
    });

    it("each locale has a chapter index linking to its chapter", () => {
      for (const locale of ["ja", "en"]) {
        const doc = loadPage(dir(), `${locale}/`);
        expect(doc.documentElement.getAttribute("lang")).toBe(locale);
        expect(doc.querySelector(`a[href$="/${locale}/w1d1/tutorial1/"]`)).not.toBeNull();
      }
    });

    it("the language switch leads to the same chapter in the other language", () => {
      const ja = loadPage(dir(), "ja/w1d1/tutorial1/");
      expect(ja.querySelector('.language-switch a[hreflang="en"]')!.getAttribute("href")).toMatch(/\/en\/w1d1\/tutorial1\/$/);
      const en = loadPage(dir(), "en/w1d1/tutorial1/");
      expect(en.querySelector('.language-switch a[hreflang="ja"]')!.getAttribute("href")).toMatch(/\/ja\/w1d1\/tutorial1\/$/);
    });
  });
}

// The course as it ships, and the test bed (Tutorial 1 among more chapters and locales, read
// from a real-format file, with a repository).
let DIST = "";
let fixtureDist = "";
beforeAll(async () => {
  const [shipped, testbed] = await Promise.all([site("default"), site("testbed")]);
  [DIST, fixtureDist] = [shipped.dist, testbed.dist];
});

checkBuild(
  "default build (synthetic stand-in)",
  () => DIST,
  () => {
    // The stand-in's page names the sha256 of its `npm run data:export` file.
    const data = generateSynthetic(2019);
    return { ...data, sha256: createHash("sha256").update(exportNpz(data)).digest("hex") };
  },
  "synthetic",
);
checkBuild(
  "build on the mini fixture file",
  () => fixtureDist,
  () => readSpikeFile(fixture("site/mini-734.npz")),
  "file",
);
