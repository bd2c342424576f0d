import { describe, expect, it } from "vitest";
import { estimatedMinutes, madeUpFrontmatter, readTitleCell, shortened } from "../../../src/notebook/import/titleCell.ts";
import type { ReadNotebook } from "../../../src/notebook/readNotebook.ts";

// A published notebook's title cell and first prose, as Neuromatch and other courses write them.
const notebook = (title: string): ReadNotebook =>
  ({ cells: [{ type: "markdown", source: title, outputs: [], metadata: {} }] }) as unknown as ReadNotebook;

describe("a notebook's title cell and frontmatter", () => {
  it("splits credits on commas, 'and', '&' and 'with help from'", () => {
    const cell = readTitleCell(
      notebook(
        [
          "# Tutorial 1: Linear regression with MSE",
          "**Week 1, Day 2: Model Fitting**",
          "**By Neuromatch Academy**",
          "__Content creators__: Pierre-Étienne Fiquet, Anqi Wu, Alex Hyafil with help from Byron Galbraith",
          "__Content reviewers__: Lina Teichmann, Saeed Salehi, Patrick Mineault, Ella Batty, Michael Waskom & Dalin Guo",
        ].join("\n"),
      ),
    )!;
    expect(cell.credits.creators).toEqual(["Pierre-Étienne Fiquet", "Anqi Wu", "Alex Hyafil", "Byron Galbraith"]);
    expect(cell.credits.reviewers).toEqual([
      "Lina Teichmann",
      "Saeed Salehi",
      "Patrick Mineault",
      "Ella Batty",
      "Michael Waskom",
      "Dalin Guo",
    ]);
  });

  it("cuts a long description after a sentence or a word, never inside one", () => {
    const long =
      "This is an introduction to fitting a model to data. We will look at the mean squared error and the least squares estimator, which are the workhorses of the field, and at what they assume about the noise in measurements; then at maximum likelihood, bootstrapping and model selection with cross-validation in later tutorials of the day.";
    expect(shortened(long, 300)).toBe("This is an introduction to fitting a model to data.");
    const oneSentence = "word ".repeat(80).trim();
    const cut = shortened(oneSentence, 300);
    expect(cut.endsWith("word…")).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(300);
    expect(shortened("short", 300)).toBe("short");
  });

  it("takes the time the notebook states for itself", () => {
    expect(estimatedMinutes(["# Tutorial Objectives\n\n*Estimated timing of tutorial: 30 minutes*"])).toBe(30);
    expect(estimatedMinutes(["**Estimated timing of tutorial:** 1 hour, 10 minutes"])).toBe(70);
    expect(estimatedMinutes(["__Estimated time:__ 45 min"])).toBe(45);
    expect(estimatedMinutes(["No timing here."])).toBeUndefined();
    const fm = madeUpFrontmatter(
      null,
      ["## Objectives\n\n*Estimated timing of tutorial: 50 minutes*\n\nWe fit lines to data points today."],
      "t.ipynb",
    );
    expect(fm.estimatedMinutes).toBe(50);
  });

  it("takes as description the first prose even when a rule and a heading sit right above it (no blank line), as 2020-21 notebooks write it", () => {
    const fm = madeUpFrontmatter(
      null,
      [
        "---\n## Tutorial Objectives \\{#tutorial-objectives\\}\nWe build a leaky membrane model step by step; in this tutorial we will:  \n\n- simulate it",
        "### The equation \\{#the-equation\\}\n\nThe voltage obeys\n\nand when it crosses threshold:",
      ],
      "t.ipynb",
    );
    expect(fm.description).toBe("We build a leaky membrane model step by step; in this tutorial we will:");
  });
});
