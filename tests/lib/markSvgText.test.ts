import { describe, expect, it } from "vitest";
import { markSvgText } from "../../src/lib/text/markSvgText.ts";

describe("markSvgText", () => {
  it("gives the text elements holding a fallen-back string its language, and nothing else", () => {
    const svg =
      '<svg><g><text x="1">ISI (s) →</text><text lang="ja">ISI (s)</text><text><tspan>Número</tspan></text><text>Count &amp; more</text></g></svg>';
    expect(markSvgText(svg, new Set(["ISI (s)", "Count & more"]), "en")).toBe(
      '<svg><g><text x="1" lang="en">ISI (s) →</text><text lang="ja">ISI (s)</text><text><tspan>Número</tspan></text><text lang="en">Count &amp; more</text></g></svg>',
    );
    expect(markSvgText(svg, new Set(), "en")).toBe(svg);
  });
});
