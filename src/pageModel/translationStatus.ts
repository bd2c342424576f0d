import { ContentTree } from "../translation/status/contentTree.ts";
import { translationStatus, type TranslationStatusReport } from "../translation/status/statusReport.ts";
import { model, settings, siteLocales } from "./course.ts";
import { chapterPath } from "./routing.ts";

let report: TranslationStatusReport | null = null;

/** The site's translation status, computed once per build (the page and the JSON share it). */
export function siteTranslationStatus(): TranslationStatusReport {
  report ??= translationStatus(new ContentTree(model.root, settings.sourceLocale), siteLocales(), chapterPath);
  return report;
}
