import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { APIRoute, GetStaticPaths } from "astro";
import { chapterStore } from "../../../pageModel/storeReader.ts";
import { courseSource, course, settings, translator } from "../../../pageModel/course.ts";
import { chapterPath } from "../../../pageModel/routing.ts";
import { mergeSectionTexts } from "../../../translation/model/mergeSections.ts";
import { chapterNotebook, videoTitles } from "../../../notebook/chapterNotebook.ts";
import { notebookJson } from "../../../notebook/cells.ts";
import { chapterPages, type ChapterPage } from "../../../pageModel/chapterPages.ts";
import { pageTranslation } from "../../../translation/page/translation.ts";
import { rootCustomProperties, standaloneDrawing } from "../../../lib/plot/standaloneSvg.ts";
import { chapterFilePath } from "../../../lib/content/chapterFiles.ts";

/** The figures' colours in the site's light scheme (its stylesheet's :root), for drawings shown outside the page. */
const FIGURE_COLOURS = rootCustomProperties(readFileSync(join(process.cwd(), "src/styles/global.css"), "utf8"), /^--(plot-|bg$)/);

/** Every chapter page's notebook: /<locale>/<chapter>/notebook.ipynb, in the page's language. */
export const getStaticPaths = (() => chapterPages()) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, props }) => {
  const { locale, slug } = params as { locale: string; slug: string };
  const { entry, fallback } = props as ChapterPage["props"];
  const contentLocale = fallback ? settings.sourceLocale : locale;
  const read = (l: string) => readFileSync(join(process.cwd(), chapterFilePath(l, slug)), "utf8");
  const translation = pageTranslation(courseSource, contentLocale, slug);
  const mdx = translation.fromSource.size
    ? mergeSectionTexts(read(contentLocale), read(settings.sourceLocale), translation.fromSource)
    : read(contentLocale);
  const store = chapterStore(slug);
  const values = store?.locales[contentLocale]?.values ?? {};
  const address = (path: string) => (settings.url ? new URL(path, `${settings.url}/`).href : path);
  const data = store?.notebookData;
  const notebook = chapterNotebook({
    mdx,
    frontmatter: entry.data,
    locale: contentLocale,
    t: translator(locale) as (key: string, params?: Record<string, string | number>) => string,
    value: (k) => {
      const v = values[k];
      if (!v) throw new Error(`${chapterFilePath(contentLocale, slug)}: <Value k="${k}"> has no value`);
      return v.text;
    },
    pageUrl: address(chapterPath(locale, slug)),
    course: { slidesHost: course.hosts.slides, videoCell: course.notebook.videoCell },
    sourceVideoTitles: contentLocale === settings.sourceLocale ? undefined : videoTitles(read(settings.sourceLocale)),
    fromSourceUnits: translation.partial.size ? { lang: translation.sourceLocale, units: translation.partial } : undefined,
    data: data
      ? { match: data.match, standIn: data.standIn ? { load: data.standIn.load, url: address(data.standIn.url) } : null }
      : undefined,
    // The page's own outputs and drawings, so the notebook shows what the page shows.
    output: (key) => store?.outputs[key]?.map((part) => (typeof part === "string" ? part : part.text)).join("") ?? null,
    figure: (cellId) => {
      const cell = store?.locales[contentLocale]?.cells[cellId];
      return cell ? { ...standaloneDrawing(cell.svg, FIGURE_COLOURS), alt: cell.alt } : null;
    },
  });
  return new Response(notebookJson(notebook), { headers: { "content-type": "application/x-ipynb+json" } });
};
