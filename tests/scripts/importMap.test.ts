import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importEdges, importMapMermaid } from "../../scripts/lib/importMap.ts";

const ROOT = join(import.meta.dirname, "../..");

describe("the README's drawing of the imports", () => {
  it("is the one the code makes", () => {
    expect(readFileSync(join(ROOT, "README.md"), "utf8")).toContain(importMapMermaid(ROOT));
  });

  it("shows the layers the lint rule keeps: the library and the API import no other folder, the browser no build code", () => {
    const edges = importEdges(ROOT);
    const from = (node: string) => edges.filter(([a]) => a === node).map(([, b]) => b);
    expect(from("lib")).toEqual([]);
    expect(from("api")).toEqual(["lib"]);
    expect(from("browser")).toEqual(["api", "lib"]);
    for (const node of ["checks", "translation", "notebook", "course"]) expect(from(node)).not.toContain("integration");
  });
});
