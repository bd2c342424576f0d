import { exportFiles } from "../src/translation/exchange/exchange.ts";
import { writeXliff } from "../src/translation/exchange/xliff/xliff.ts";
import { UsageError } from "../src/lib/cli/runCli.ts";
import { i18nCommand } from "../src/translation/checks/command.ts";

i18nCommand(
  {
    usage: "usage: npm run -s i18n:export -- --locale <locale> [--chapter <chapter>] [--format xliff] > file.xlf",
    help: `
Writes a locale's chapters as XLIFF 2.0 for a translation tool (CAT): one unit per heading,
paragraph, prose prop (a video's title, a hidden cell's label) and frontmatter field, with the
source text, the current translation as <target> (when the section is translated), and the
section id and its state (current, stale, untranslated, missing) as metadata. Code, formulas,
tags, link addresses and <Value>s are <ph> placeholders: they cannot be edited.
Translate in your tool, then: npm run i18n:import -- file.xlf

  --locale ja       the translation's locale (required)
  --chapter c       one chapter (default: all)
  --format xliff    the only format so far`,
    options: { chapter: { type: "string" }, format: { type: "string" } },
  },
  ({ values, tree, locale }) => {
    if (!locale) throw new UsageError("give the locale to export: --locale ja");
    if (locale === tree.sourceLocale) throw new UsageError(`${locale} is the source locale; export a translation`);
    if ((values.format ?? "xliff") !== "xliff") throw new UsageError(`unknown format "${String(values.format)}" (formats: xliff)`);
    const chapter = values.chapter as string | undefined;
    if (chapter && !tree.chapters().includes(chapter))
      throw new UsageError(`no chapter "${chapter}" (chapters: ${tree.chapters().join(", ")})`);
    process.stdout.write(writeXliff(tree.sourceLocale, locale, exportFiles(tree, locale, chapter ? [chapter] : tree.chapters())));
  },
);
