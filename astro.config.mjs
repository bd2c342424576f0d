// @ts-check
import mdx from "@astrojs/mdx";
import { defineConfig } from "astro/config";
import { readdirSync } from "node:fs";
import course from "./src/build/integration.ts";
import { isLocaleFile } from "./src/translation/strings/stringFiles.ts";
import { uiStrings } from "./src/translation/strings/uiStrings.ts";
import { orderLocales, SITE as settings } from "./src/site.ts";

// A locale is a file of UI strings, src/translation/ui/<locale>.json (and, when translated, content/<locale>/).
const locales = orderLocales(
  readdirSync("src/translation/ui")
    .filter(isLocaleFile)
    .map((f) => f.slice(0, -5)),
);

export default defineConfig({
  ...(settings.url ? { site: settings.url } : {}),
  base: settings.base,
  trailingSlash: "always",
  outDir: process.env.OUT_DIR ?? "dist",
  // The content layer's store is per project (not node_modules/.astro, which a copy of the
  // project shares through its node_modules link): builds of two copies never mix their content.
  cacheDir: "./.cache/astro",
  build: { format: "directory", inlineStylesheets: "never" },
  i18n: {
    locales,
    defaultLocale: locales[0] ?? settings.sourceLocale,
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  integrations: [course({ sourceLocale: settings.sourceLocale, offline: settings.offline, coreStrings: uiStrings }), mdx()],
  // The chapters' own pipeline (content check, source sections, heading ids, maths, KaTeX,
  // glossary) is the course integration's: src/build/markdown.ts.
  markdown: {
    // Keep the authors' punctuation exactly (the Japanese text must match its source).
    smartypants: false,
    shikiConfig: { themes: { light: "github-light-high-contrast", dark: "github-dark-high-contrast" }, defaultColor: "light" },
  },
  devToolbar: { enabled: false },
  // Terser compresses the browser code a few KB tighter than esbuild (Plot is most of it).
  vite: {
    build: {
      assetsInlineLimit: 0,
      modulePreload: false,
      minify: "terser",
      terserOptions: {
        ecma: 2020,
        module: true,
        compress: { passes: 3, pure_getters: "strict", unsafe_arrows: true },
        format: { comments: false },
      },
    },
  },
});
