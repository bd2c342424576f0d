import { describe, expect, it } from "vitest";
import { syncVerbatim } from "../../src/translation/model/sync.ts";
import { verbatimProblems } from "../../src/translation/model/verbatim.ts";

const source = [
  "## Exercise \\{#ex\\}",
  "",
  "Fit $x - x_0$ and $\\lambda$ to the data.",
  "",
  '<Video youtube="abc" bilibili="BV1" title="Fitting" />',
  "",
  "```python",
  "single_neuron_isis = compute_single_neuron_isis(spike_times, neuron_idx=283)",
  "```",
  "",
  "$$",
  "f(x) = a e^{b x}",
  "$$",
  "",
].join("\n");
const translation = [
  "## 演習 \\{#ex\\}",
  "",
  "$\\lambda$ と $x - x_0$ をデータに合わせます。",
  "",
  '<Video youtube="abc" bilibili="BV1" title="フィッティング" />',
  "",
  "```python",
  "single_neuron_isis = compute_single_neuron_isis(spike_times, neuron_idx=283)",
  "```",
  "",
  "$$",
  "f(x) = a e^{b x}",
  "$$",
  "",
].join("\n");

describe("verbatim parts of a translation", () => {
  it("accept a translation that keeps them (inline formulas may move, prose props are translated)", () => {
    expect(verbatimProblems(source, translation)).toEqual([]);
  });

  it("name the line of code or a formula changed only in the translation", () => {
    const bad = translation
      .replace("neuron_idx=283", "neuron_idx=999")
      .replace("$x - x_0$", "$x + x_0$")
      .replace("a e^{b x}", "a e^{-b x}");
    const problems = verbatimProblems(source, bad);
    expect(problems.map((p) => [p.line, p.message.split(":")[0]])).toEqual([
      [8, "code block differs from the source's at its line 1 (source line 8)"],
      [12, "formula differs from the source's at its line 1 (source line 12)"],
      [3, 'inline formula $x + x_0$ is not in the source section "ex"'],
      [1, 'inline formula $x - x_0$ of the source section "ex" is missing'],
    ]);
  });

  it("refuse inline code translated in the MDX (zh-Hant-TW), and accept it moved or repeated", () => {
    const src = ["## A \\{#a\\}", "", "Look at `spike_times` and `len()`.", ""].join("\n");
    const moved = ["## A \\{#a\\}", "", "先用 `len()` 看 `spike_times`，再看一次 `spike_times`。", ""].join("\n");
    expect(verbatimProblems(src, moved)).toEqual([]);
    const translated = moved.replace("再看一次 `spike_times`", "再看一次 `尖峰時間`");
    expect(verbatimProblems(src, translated)).toEqual([
      { section: "a", line: 3, message: 'inline code `尖峰時間` is not in the source section "a" (code is kept as the source writes it)' },
    ]);
  });

  it("show the differing line of a block, not the whole block", () => {
    const src = ["## A \\{#a\\}", "", "```python", "x = 1", "y = 2", "z = 3", "```", ""].join("\n");
    const changed = src.replace("y = 2", "y = 20");
    expect(verbatimProblems(src, changed)).toEqual([
      {
        section: "a",
        line: 5,
        message: 'code block differs from the source\'s at its line 2 (source line 5): "y = 20" instead of "y = 2"',
      },
    ]);
    const longer = src.replace("z = 3", "z = 3\nw = 4");
    expect(verbatimProblems(src, longer)[0]!.message).toBe("code block has 1 line(s) more than the source's (source line 3)");
  });

  it("are copied from the source by sync, leaving the prose alone", () => {
    const newer = source
      .replace("neuron_idx=283", "neuron_idx=42")
      .replace("$\\lambda$", "$\\mu$")
      .replace('youtube="abc"', 'youtube="xyz"')
      .replace("Fit ", "Now fit ");
    const result = syncVerbatim(newer, translation);
    expect(result.text).toBe(
      translation.replace("neuron_idx=283", "neuron_idx=42").replace("$\\lambda$", "$\\mu$").replace('youtube="abc"', 'youtube="xyz"'),
    );
    expect(result.copied.map((c) => c.line)).toEqual([3, 5, 7]);
    expect(result.skipped).toEqual([]);
    expect(verbatimProblems(newer, result.text)).toEqual([]);
  });

  it("leave what cannot be paired to the translator", () => {
    const more = source.replace("```python\n", "```python\nimport numpy as np\n```\n\n```python\n");
    const result = syncVerbatim(more, translation);
    expect(result.text).toBe(translation);
    expect(result.skipped[0]!.message).toContain("has 1 code block(s), the source 2");
  });
});
