// @ts-check
import mdx from "@astrojs/mdx";
import { defineConfig } from "astro/config";
import rehypeKatex from "rehype-katex";
import remarkMath from "remark-math";
import remarkHeadingIds from "./src/lib/markdown/remarkHeadingIds.ts";
import { SITE } from "./src/site.ts";

// BASE_PATH lets the same build be hosted under a sub-path, e.g. /course/.
const base = process.env.BASE_PATH ?? "/";

export default defineConfig({
  site: SITE.url,
  base,
  trailingSlash: "always",
  outDir: process.env.OUT_DIR ?? "dist",
  build: { format: "directory", inlineStylesheets: "never" },
  i18n: {
    locales: [...SITE.locales],
    defaultLocale: "ja",
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  integrations: [mdx()],
  markdown: {
    // Keep the authors' punctuation exactly (the Japanese text must match its source).
    smartypants: false,
    remarkPlugins: [remarkHeadingIds, remarkMath],
    // KaTeX renders at build time; `trust: false` keeps \href, \url and friends inert.
    rehypePlugins: [[rehypeKatex, { trust: false, strict: "error", output: "htmlAndMathml" }]],
    shikiConfig: { themes: { light: "github-light", dark: "github-dark" }, defaultColor: "light" },
  },
  devToolbar: { enabled: false },
  vite: { build: { assetsInlineLimit: 0 } },
});
