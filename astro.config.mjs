// @ts-check
import mdx from "@astrojs/mdx";
import { defineConfig } from "astro/config";
import rehypeKatex from "rehype-katex";
import remarkMath from "remark-math";
import { readdirSync, readFileSync } from "node:fs";
import course from "./src/course/integration.ts";
import { uiStrings } from "./src/i18n/index.ts";
import { parseGlossary } from "./src/lib/i18n/glossary.ts";
import rehypeGlossary from "./src/lib/markdown/rehypeGlossary.ts";
import remarkContentPolicy from "./src/lib/markdown/remarkContentPolicy.ts";
import remarkHeadingIds from "./src/lib/markdown/remarkHeadingIds.ts";
import remarkSourceSections from "./src/page/remarkSourceSections.ts";
import { orderLocales, siteSettings } from "./src/site.ts";

// Checked before anything else: a bad BASE_PATH, SITE_URL or SITE_REPOSITORY stops here in one line.
const settings = siteSettings(process.env);

// A locale is a file of UI strings, src/i18n/<locale>.json (and, when translated, content/<locale>/).
const locales = orderLocales(
  readdirSync("src/i18n")
    .filter((f) => /^[a-z]{2}(-[A-Za-z]+)?\.json$/.test(f))
    .map((f) => f.slice(0, -5)),
);
const glossary = parseGlossary(readFileSync("content/glossary.yaml", "utf8"));

export default defineConfig({
  ...(settings.url ? { site: settings.url } : {}),
  base: settings.base,
  trailingSlash: "always",
  outDir: process.env.OUT_DIR ?? "dist",
  build: { format: "directory", inlineStylesheets: "never" },
  i18n: {
    locales,
    defaultLocale: locales[0] ?? settings.sourceLocale,
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  integrations: [course({ sourceLocale: settings.sourceLocale, coreStrings: uiStrings }), mdx()],
  markdown: {
    // Keep the authors' punctuation exactly (the Japanese text must match its source).
    smartypants: false,
    // A partly translated chapter gets its untranslated sections from the source (after the policy passed it).
    remarkPlugins: [remarkContentPolicy, remarkSourceSections, remarkHeadingIds, remarkMath],
    // KaTeX renders at build time; `trust: false` keeps \href, \url and friends inert.
    rehypePlugins: [
      [rehypeKatex, { trust: false, strict: "error", output: "htmlAndMathml" }],
      [rehypeGlossary, { glossary, sourceLocale: settings.sourceLocale, locales }],
    ],
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
