// @ts-check
import mdx from "@astrojs/mdx";
import { defineConfig } from "astro/config";
import rehypeKatex from "rehype-katex";
import remarkMath from "remark-math";
import remarkHeadingIds from "./src/lib/markdown/remarkHeadingIds.ts";
import { readdirSync, readFileSync } from "node:fs";
import rehypeGlossary from "./src/lib/markdown/rehypeGlossary.ts";
import { parseGlossary } from "./src/lib/i18n/glossary.ts";
import { orderLocales, SITE } from "./src/site.ts";

// A locale is a file of UI strings, src/i18n/<locale>.json (and, when translated, content/<locale>/).
const locales = orderLocales(
  readdirSync("src/i18n")
    .filter((f) => /^[a-z]{2}(-[A-Za-z]+)?\.json$/.test(f))
    .map((f) => f.slice(0, -5)),
);
const glossary = parseGlossary(readFileSync("content/glossary.yaml", "utf8"));

// BASE_PATH lets the same build be hosted under a sub-path, e.g. /course/.
const base = process.env.BASE_PATH ?? "/";

export default defineConfig({
  site: SITE.url,
  base,
  trailingSlash: "always",
  outDir: process.env.OUT_DIR ?? "dist",
  build: { format: "directory", inlineStylesheets: "never" },
  i18n: {
    locales,
    defaultLocale: locales[0] ?? SITE.sourceLocale,
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  integrations: [mdx()],
  markdown: {
    // Keep the authors' punctuation exactly (the Japanese text must match its source).
    smartypants: false,
    remarkPlugins: [remarkHeadingIds, remarkMath],
    // KaTeX renders at build time; `trust: false` keeps \href, \url and friends inert.
    rehypePlugins: [
      [rehypeKatex, { trust: false, strict: "error", output: "htmlAndMathml" }],
      [rehypeGlossary, { glossary, sourceLocale: SITE.sourceLocale, locales }],
    ],
    shikiConfig: { themes: { light: "github-light-high-contrast", dark: "github-dark-high-contrast" }, defaultColor: "light" },
  },
  devToolbar: { enabled: false },
  vite: { build: { assetsInlineLimit: 0 } },
});
