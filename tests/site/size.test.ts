import { describe, expect, it } from "vitest";
import { weighSite } from "../../scripts/lib/pageWeights.ts";
import { launchChromium } from "../helpers/browser.ts";
import { site } from "../helpers/sites.ts";

// The budgets of `npm run size`, on the site as it ships: every page's HTML, and its JavaScript
// before any interaction and with every figure active.
describe("page weights", () => {
  it("every page of the shipped site is within its budgets", async () => {
    const { dist } = await site("default");
    const browser = await launchChromium();
    try {
      const { weights, over } = await weighSite(dist, browser);
      expect(weights.length).toBeGreaterThan(3);
      expect(over).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
