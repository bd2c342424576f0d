// @ts-check
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import astro from "eslint-plugin-astro";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import { importX } from "eslint-plugin-import-x";
import globals from "globals";
import tseslint from "typescript-eslint";
import { LAYERS } from "./eslint.layers.js";

export default defineConfig(
  { ignores: ["dist/", ".astro/", ".cache/", ".test-sites/", ".scratch/", "node_modules/", "tests/fixtures/", "coverage/"] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname, extraFileExtensions: [".astro"] },
    },
    rules: {
      // Numbers and other primitives in template literals are the point of templates.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true, allowBoolean: true }],
      // Typed-array and record indexing is checked by noUncheckedIndexedAccess; `!` states what we know.
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-unnecessary-condition": ["error", { allowConstantLoopConditions: true }],
    },
  },
  ...astro.configs.recommended,
  {
    files: ["**/*.astro"],
    // Their own program (astro-eslint-parser cannot use the project service): only what the
    // components reach, not the tests and scripts a second program of the whole project would
    // read again (tsconfig.astro.json; 2 of ESLint's ~38 core-s).
    languageOptions: {
      parserOptions: {
        parser: tseslint.parser,
        extraFileExtensions: [".astro"],
        projectService: false,
        project: "./tsconfig.astro.json",
      },
    },
    // The Astro parser gives JSX in templates no types, so these rules would flag every `map`
    // that returns markup; `astro check` type-checks the templates instead (0 errors).
    rules: {
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
    },
  },
  { files: ["**/*.js", "**/*.mjs"], ...tseslint.configs.disableTypeChecked },
  // The layers of the house (README, "What is where"): an import across them is an error.
  {
    files: ["**/*.ts", "**/*.mjs", "**/*.js", "**/*.astro"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [createTypeScriptImportResolver({ alwaysTryTypes: true, project: "./tsconfig.json" })],
      "import-x/extensions": [".ts", ".js", ".mjs", ".astro"],
    },
    rules: { "import-x/no-restricted-paths": ["error", { zones: LAYERS }] },
  },
);
