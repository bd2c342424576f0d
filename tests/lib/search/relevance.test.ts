import { describe, expect, it } from "vitest";
import { matchesQuery, queryTerms, trimExcerpt } from "../../../src/lib/search/relevance.ts";

// Text as Pagefind stores it for Japanese: words split by zero-width spaces.
const ja = "ニューロン\u200bには\u200b不\u200b応\u200b期\u200bが\u200bあり、\u200b代謝\u200bプロセス。ほとんど\u200bの\u200bニューロン";
const en = "A spike-sorting algorithm estimated spike times; neurons spiking close by.";

describe("search relevance", () => {
  it("refuses nonsense that Pagefind's prefix and piece matching lets through", () => {
    expect(matchesQuery(ja, queryTerms("ほげほげ"))).toBe(false); // Pagefind matched "ほとんど"
    expect(matchesQuery("exponential(x) inverse(x)", queryTerms("xyzzy"))).toBe(false); // Pagefind matched "x"
    expect(matchesQuery(ja, queryTerms("不完全"))).toBe(false);
  });

  it("finds real words: Japanese as written (across Pagefind's word breaks), English by stem", () => {
    expect(matchesQuery(ja, queryTerms("不応期"))).toBe(true);
    expect(matchesQuery(en, queryTerms("spikes"))).toBe(true);
    expect(matchesQuery(en, queryTerms("Spiking  neurons"))).toBe(true);
    expect(matchesQuery(en, queryTerms("spike raster"))).toBe(false); // every term must be there
    expect(matchesQuery(en, queryTerms("by"))).toBe(true);
    expect(matchesQuery(en, queryTerms("b"))).toBe(false); // a short term is a whole word
    expect(matchesQuery(en, queryTerms("  "))).toBe(false);
  });

  it("starts an excerpt where a reader can: after a cut sentence, or with an ellipsis", () => {
    expect(trimExcerpt("す。<mark>スパイク</mark>ソーティング")).toBe("<mark>スパイク</mark>ソーティング");
    expect(trimExcerpt("期仮説と一致し、ニューロンは<mark>ほど</mark>")).toBe("…期仮説と一致し、ニューロンは<mark>ほど</mark>");
    expect(trimExcerpt("Seeing the neurons <mark>spike.</mark>")).toBe("Seeing the neurons <mark>spike.</mark>");
    expect(trimExcerpt("will: load a dataset holding the <mark>spiking</mark> activity")).toBe(
      "…will: load a dataset holding the <mark>spiking</mark> activity",
    );
  });
});
