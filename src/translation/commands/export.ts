import { exportDocument } from "../exchange/exchange.ts";
import { stringFiles } from "../exchange/stringUnits.ts";
import { glossaryExchangeFiles } from "../exchange/glossaryUnits.ts";
import { courseExchangeFile } from "../exchange/courseUnits.ts";
import { FORMATS, formatNamed } from "../exchange/formats/index.ts";
import { UsageError } from "../../lib/cli/runCli.ts";
import { i18nCommand } from "./i18nCommand.ts";

/** `npm run i18n:export` (scripts/i18n-export.ts runs it). */
export const exportCommand = i18nCommand(
  {
    usage:
      "usage: npm run -s i18n:export -- --locale <locale> [--chapter <chapter> | --strings] [--format xliff|xliff12|po] [--no-memory] > file",
    help: `
Writes a locale's chapters for a translation tool (CAT): one unit per heading, paragraph, prose
prop (a video's title, a hidden cell's label) and frontmatter field, with the source text, the
current translation (when the section is translated), and the section id and its state
(current, stale, untranslated, missing). Text is plain text, as a reader sees it: no Markdown
escapes. Code, formulas, images and <Value>s are placeholders; bold, italics, links and
inline tags are paired codes around their words: neither can be edited, only moved.
Units that are not current get the translation memory's matches: the same or similar text
already translated elsewhere in the course.
With --strings, the file holds the site's, the chapters' and the datasets' strings instead (the
buttons, labels, legends and notices), the course's title, tagline and licence line, and the glossaries' terms: one unit per key or term, a string an ICU message as written
({count}, {n, plural, one {# …} other {# …}}), checked on import as the build checks it.
Translate in your tool, then: npm run i18n:import -- <file>

  --locale ja       the translation's locale (required)
  --chapter c       one chapter (default: all)
  --strings         the strings instead of the chapters' text
  --format f        ${FORMATS.map((f) => `${f.name}: ${f.label}`).join("\n                    ")}
                    (default: xliff)
  --no-memory       no matches from the translation memory`,
    options: { chapter: { type: "string" }, format: { type: "string" }, "no-memory": { type: "boolean" }, strings: { type: "boolean" } },
  },
  ({ values, tree, locale, terminal }) => {
    if (!locale) throw new UsageError("give the locale to export: --locale ja");
    if (locale === tree.sourceLocale) throw new UsageError(`${locale} is the source locale; export a translation`);
    const format = formatNamed(String(values.format ?? "xliff"));
    if (!format) throw new UsageError(`unknown format "${String(values.format)}" (formats: ${FORMATS.map((f) => f.name).join(", ")})`);
    const chapter = values.chapter as string | undefined;
    if (chapter && !tree.chapters().includes(chapter))
      throw new UsageError(`no chapter "${chapter}" (chapters: ${tree.chapters().join(", ")})`);
    if (values.strings) {
      if (chapter) throw new UsageError("--strings exports every layer of strings: leave out --chapter");
      const files = [courseExchangeFile(tree, locale), ...stringFiles(tree, locale), ...glossaryExchangeFiles(tree, locale)];
      terminal.out(format.write({ srcLang: tree.sourceLocale, trgLang: locale, files }));
      return;
    }
    const doc = exportDocument(tree, locale, chapter ? [chapter] : tree.chapters(), !values["no-memory"]);
    terminal.out(format.write(doc));
  },
);
