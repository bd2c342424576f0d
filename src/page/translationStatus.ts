import { ContentTree } from "../course/translations/contentTree.ts";
import { translationStatus, type TranslationStatusReport } from "../course/translations/statusReport.ts";
import { siteLocales } from "../i18n/index.ts";
import { chapterPath } from "../i18n/routing.ts";

let report: TranslationStatusReport | null = null;

/** The site's translation status, computed once per build (the page and the JSON share it). */
export function siteTranslationStatus(): TranslationStatusReport {
  report ??= translationStatus(new ContentTree(process.cwd()), siteLocales(), chapterPath);
  return report;
}
