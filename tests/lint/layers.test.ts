import { ESLint } from "eslint";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import { importX } from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import { LAYERS } from "../../eslint.layers.js";
import { ROOT } from "../helpers/run.ts";

// The layer rule as `npm run lint` runs it (the same zones), on imports written for the test.
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ["**/*.ts"],
      languageOptions: { parser: tseslint.parser },
      plugins: { "import-x": importX },
      settings: { "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })] },
      rules: { "import-x/no-restricted-paths": ["error", { zones: LAYERS }] },
    },
  ],
});

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}/${file}` });
  return result!.messages.map((m) => m.message);
}

describe("layers", () => {
  it.each([
    ["src/lib/probe.ts", 'import { renderCell } from "../integration/render.ts";', "src/lib holds pure helpers"],
    ["src/browser/cells/probe.ts", 'import { renderCell } from "../../integration/render.ts";', "Browser code imports only"],
    ["src/integration/probe.ts", 'import x from "../../chapters/w1d1/tutorial1/chapter.ts";', "The generator imports no chapter"],
    ["src/integration/probe.ts", 'import { ROOT } from "../../tests/helpers/run.ts";', "The generator imports no chapter, dataset, test"],
    ["chapters/probe/chapter.ts", 'import { renderCell } from "../../src/integration/render.ts";', 'only through "#course"'],
    ["scripts/probe.ts", 'import { ROOT } from "../tests/helpers/run.ts";', "Commands import no tests"],
    ["src/translation/probe.ts", 'import { chapterStore } from "../pageModel/storeReader.ts";', "do not import the Astro integration"],
    ["src/translation/probe.ts", 'import { CourseData } from "../integration/compute.ts";', "do not import the Astro integration"],
    ["src/pages/probe.ts", 'import { CourseData } from "../integration/compute.ts";', "through its virtual modules"],
    ["src/components/probe.ts", 'import { offlineConfig } from "../integration/serviceWorker.ts";', "through its virtual modules"],
    ["src/checks/probe.ts", 'import { sitePath } from "../pageModel/routing.ts";', "do not import the Astro integration"],
    ["src/notebook/probe.ts", 'import { compute } from "../integration/compute.ts";', "do not import the Astro integration"],
  ])("%s: %s is refused", async (file, code, message) => {
    expect((await problems(file, code)).join("\n")).toContain(message);
  });

  it.each([
    ["src/lib/probe.ts", 'import { histogram } from "./analysis/histogram.ts";'],
    ["src/browser/cells/probe.ts", 'import type { CellConfig } from "../../api/cellConfig.ts";'],
    ["chapters/probe/chapter.ts", 'import { defineChapter } from "#course";\nimport { histogram } from "#lib/analysis/histogram.ts";'],
    ["src/integration/probe.ts", 'import { histogram } from "../lib/analysis/histogram.ts";'],
    ["src/pages/probe.ts", 'import { chapterStore } from "../pageModel/storeReader.ts";'],
  ])("%s: %s is allowed", async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
