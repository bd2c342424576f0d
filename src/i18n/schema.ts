import { z } from "zod";

/**
 * The site's own UI strings, per locale (src/i18n/<locale>.json): what every page shows, whatever
 * its chapters. Strict: a key missing from a locale, or one not listed here, fails the build.
 * `{name}` marks a parameter. A chapter's strings (axis labels, legends, control labels) live
 * with the chapter, src/cells/<chapter>/strings/<locale>.json.
 */
export const uiStringsSchema = z
  .object({
    "site.title": z.string(),
    "site.tagline": z.string(),
    "site.skipToContent": z.string(),
    "lang.name": z.string(),
    "lang.chooseHeading": z.string(),
    "punct.labelled": z.string(),
    "theme.toggle": z.string(),
    "theme.light": z.string(),
    "theme.dark": z.string(),
    "nav.contents": z.string(),
    "nav.language": z.string(),
    "nav.chapters": z.string(),
    "nav.backToChapters": z.string(),
    "toc.minutes": z.string(),
    "chapter.estimatedTotal": z.string(),
    "chapter.elapsed": z.string(),
    "credits.creators": z.string(),
    "credits.reviewers": z.string(),
    "credits.editors": z.string(),
    "credits.citation": z.string(),
    "credits.licence": z.string(),
    "data.syntheticTitle": z.string(),
    "data.syntheticBody": z.string(),
    "data.details": z.string(),
    "data.builtFrom": z.string(),
    "data.syntheticOrigin": z.string(),
    "data.source.real": z.string(),
    "data.source.synthetic": z.string(),
    "data.source.file": z.string(),
    "data.standIn": z.string(),
    "data.standInHint": z.string(),
    "data.computedHere": z.string(),
    "code.copy": z.string(),
    "code.copied": z.string(),
    "code.output": z.string(),
    "code.hiddenCell": z.string(),
    "exercise.showSolution": z.string(),
    "exercise.showBonusSolution": z.string(),
    "video.sources": z.string(),
    "video.play": z.string(),
    "video.openOn": z.string(),
    "video.privacy": z.string(),
    "slides.link": z.string(),
    "feedback.report": z.string(),
    "feedback.issueTitle": z.string(),
    "figure.showTable": z.string(),
    "figure.needsJs": z.string(),
    "notFound.title": z.string(),
    "notFound.body": z.string(),
    "control.heading": z.string(),
    "action.reset": z.string(),
    "status.loading": z.string(),
    "status.error": z.string(),
    "translation.staleNotice": z.string(),
    "translation.readSource": z.string(),
    "translation.fallbackNotice": z.string(),
    "translation.untranslated": z.string(),
    "offline.ready": z.string(),
    "search.label": z.string(),
    "search.placeholder": z.string(),
    "search.noResults": z.string(),
    "search.results": z.string(),
    "action.retry": z.string(),
    "readout.lowest": z.string(),
  })
  .strict();

export type UiStrings = z.infer<typeof uiStringsSchema>;
export type UiKey = keyof UiStrings;
