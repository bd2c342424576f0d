import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { chapterNotebook, type NotebookInput } from "../../src/notebook/chapterNotebook.ts";
import { pythonWithScience } from "../helpers/python.ts";

// The notebook writer on its own, given what no check would let through: a line break in a
// video title or in a translated UI string is still one comment line, never a statement.
const TEMPLATE = "# @title {title}\nshow_videos([('Youtube', '{youtube}'), ('Bilibili', '{bilibili}')])";
const HOSTILE_LINE = "Intro\nimport os; os.system('id')\r\u2028print('pwned')";

function input(mdx: string, t: (key: string) => string): NotebookInput {
  return {
    mdx,
    frontmatter: { title: "T", estimatedMinutes: 5, elapsed: {}, credits: { creators: [], reviewers: [], editors: [] } },
    locale: "en",
    t,
    value: () => "1",
    pageUrl: "/en/ch/",
    course: { slidesHost: "https://osf.io/download/{id}/", videoCell: TEMPLATE },
    data: { match: "load_data", standIn: { load: 'data = load("{url}")', url: "/data/abc/spikes.npz" } },
  };
}

const statements = (python: string, code: string) =>
  execFileSync(python, ["-c", "import ast, sys; print(ast.dump(ast.parse(sys.stdin.read())))"], { input: code, encoding: "utf8" });

describe("an exported notebook's code cells", () => {
  it("keep a hostile title and hostile UI strings on comment lines: Python reads the same statements", () => {
    const { python, reason } = pythonWithScience();
    if (!python) throw new Error(reason);
    const mdx = [
      "---\ntitle: T\n---",
      `<Video id="video-1" title="Intro" youtube="abcdefghijk" bilibili="BV1234567890" />`,
      "<CodeCell>\n\n```python\ndata = load_data()\n```\n\n</CodeCell>",
    ].join("\n\n");
    const plain = chapterNotebook(input(mdx, () => "words"));
    const hostile = chapterNotebook({
      ...input(mdx, () => HOSTILE_LINE),
      sourceVideoTitles: { "video-1": HOSTILE_LINE },
    });
    const code = (nb: typeof plain) => nb.cells.filter((c) => c.cell_type === "code").map((c) => c.source.join(""));
    expect(code(hostile)).toHaveLength(2);
    for (const [i, cell] of code(hostile).entries()) {
      expect(cell).toContain("Intro import os; os.system('id')");
      expect(statements(python, cell), cell).toBe(statements(python, code(plain)[i]!));
    }
  });
});
