import type { Node, Parent } from "unist";
import { describe, expect, it } from "vitest";
import { emphasisWork } from "../../../src/lib/content/emphasisWork.ts";
import { CONTENT_LIMITS } from "../../../src/lib/content/limits.ts";
import { parseMdx } from "../../../src/lib/content/parseMdx.ts";
import { courseAndFixtureChapters } from "../../helpers/fixtures.ts";

/** How deep emphasis and strong nest in the parser's own tree: the answer the count must agree with. */
function parsedDepth(node: Node): number {
  const own = node.type === "emphasis" || node.type === "strong" ? 1 : 0;
  return own + Math.max(0, ...((node as Partial<Parent>).children ?? []).map(parsedDepth));
}

const chapter = (paragraph: string) => `## One\n\n${paragraph}\n`;

describe("emphasis markers counted before parsing", () => {
  // Shapes of our own in the manner of published notebooks and translations: maths glued to emphasis, CJK punctuation
  // inside the markers, code and maths that hold asterisks, intraword underscores.
  const examples = [
    "*a* and **b** and ***c***",
    "*a **b** c*",
    "まず**スパイクの間隔を測る。**次に分布を見る。",
    "**模型描述了「什麼」。**這一章從資料開始。",
    "**발화 간격(ISI)**을 봅니다.",
    "(*語**",
    "snake_case_name and __init__ and _a_b_",
    "`*not* emphasis` but *this* is",
    "$a*b*c$ and $x_1 * y_2$ then *e*",
    "\\*escaped\\* and *real*",
    "**spike count** $N$*per second*",
    "**ISI** (*inter-spike interval*)は**神経細胞**の*発火間隔*です。",
    "a line *that goes\non* over **two\nlines**",
    "*a _b* c_",
    "**a*",
    "*_a_*",
    "***a** b*",
  ];
  for (const text of examples)
    it(`pairs them as the parser does: ${JSON.stringify(text)}`, () => {
      expect(emphasisWork(chapter(text)).depth).toBe(parsedDepth(parseMdx(chapter(text))));
    });

  it("finds nothing in fenced code, display maths or list markers", () => {
    const text = "```python\n" + "def f(*args, **kwargs): return a*b*c\n".repeat(50) + "```\n\n$$\na*b*c*d\n$$\n\n* one\n* two\n";
    expect(emphasisWork(chapter(text))).toMatchObject({ work: 0, depth: 0 });
  });

  it("counts what nesting, unpaired markers and very many pairs cost: the square of their number, in the paragraph that holds them", () => {
    const nested = (n: number) => `${"*a ".repeat(n)}b${" a*".repeat(n)}`;
    const unpaired = (n: number) => `${"*a ".repeat(n)}${"a_ ".repeat(n)}`;
    expect(emphasisWork(chapter(nested(2000)))).toMatchObject({ depth: 2000, depthLine: 3, line: 3 });
    expect(emphasisWork(chapter(nested(2000))).work).toBeGreaterThan(90 * emphasisWork(chapter(nested(200))).work);
    expect(emphasisWork(chapter(unpaired(10_000))).work).toBeGreaterThan(CONTENT_LIMITS.emphasisWork);
    // 20,000 short pairs: little when ten to a paragraph, over the limit in one paragraph.
    expect(emphasisWork(chapter(Array.from({ length: 1000 }, () => "*a* **b** ".repeat(10)).join("\n\n"))).work).toBeLessThan(
      CONTENT_LIMITS.emphasisWork / 20,
    );
    expect(emphasisWork(chapter("*a* **b** ".repeat(10_000))).work).toBeGreaterThan(CONTENT_LIMITS.emphasisWork);
    // The costliest paragraph and the deepest are named by their first lines.
    expect(emphasisWork(`## One\n\nplain\n\n${nested(100)}\n\n${unpaired(300)}\n`)).toMatchObject({ line: 7, depth: 100, depthLine: 5 });
  });

  it("leaves every chapter of the course and the test bed far under the limit", () => {
    const chapters = courseAndFixtureChapters();
    expect(chapters.length).toBeGreaterThan(4);
    for (const { file, text } of chapters) expect(emphasisWork(text).work, file).toBeLessThan(CONTENT_LIMITS.emphasisWork / 100);
  });
});
