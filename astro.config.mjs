// @ts-check
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";
import courseIntegration from "./src/integration/integration.ts";
import { loadCourseModel } from "./src/course/courseModel.ts";
import { sitemapOptions } from "./src/pageModel/sitemap.ts";
import { ELEMENT_COMPONENTS } from "./src/lib/content/components.ts";

// The course, decided once from this folder and the environment (a bad setting or course file
// stops here with one line), then handed to the integration and, through it, to the pages.
const model = await loadCourseModel(fileURLToPath(new URL(".", import.meta.url)), process.env);
const { settings } = model;
const locales = [...model.locales];

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
  integrations: [
    courseIntegration({ model }),
    // Static parts of a chapter compiled to HTML once (a quarter of a page's build), except the
    // elements the chapter page draws with its own components.
    mdx({ optimize: { ignoreElementNames: [...ELEMENT_COMPONENTS] } }),
    // A sitemap needs the site's address: without SITE_URL there is none (no made-up domain).
    ...(settings.url ? [sitemap(sitemapOptions(model))] : []),
  ],
  // The chapters' own pipeline (content check, source sections, heading ids, maths, KaTeX,
  // glossary) is the course integration's: src/integration/markdown.ts.
  // Code is highlighted by the course's own pipeline (src/integration/rehypeCodeHighlight.ts: each block once).
  markdown: { syntaxHighlight: false },

  devToolbar: { enabled: false },
  // Rolldown's own minifier (oxc): smaller than Terser here (83.7 against 85.0 KB gzip with every
  // figure of Tutorial 1 active) and a third of its time.
  vite: { build: { assetsInlineLimit: 0, modulePreload: false } },
});
