import { ContentTree } from "./contentTree.ts";
import { site } from "../../site.ts";
import { translationStatus, type TranslationStatusReport } from "./statusReport.ts";
import { siteLocales } from "../strings/uiStrings.ts";
import { chapterPath } from "../../pageModel/routing.ts";

let report: TranslationStatusReport | null = null;

/** The site's translation status, computed once per build (the page and the JSON share it). */
export function siteTranslationStatus(): TranslationStatusReport {
  report ??= translationStatus(new ContentTree(process.cwd(), site().sourceLocale), siteLocales(), chapterPath);
  return report;
}
