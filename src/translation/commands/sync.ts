import { join } from "node:path";
import { writeFileAtomic } from "../../lib/fs/atomicWrite.ts";
import { syncVerbatim } from "../model/sync.ts";
import { UsageError } from "../../lib/cli/runCli.ts";
import { i18nCommand } from "./i18nCommand.ts";

/** `npm run i18n:sync` (scripts/i18n-sync.ts runs it). */
export const syncCommand = i18nCommand(
  {
    usage: "usage: npm run i18n:sync -- [--locale] <locale> [<chapter>] [--dry-run] [--root <project>]",
    help: `
Copies what a translation keeps verbatim from the source into it: code blocks, formulas, and
the props that are not prose (a cell's id, an output's key, a video's ids). The prose is left
to you. Run it after the source's code changed, then translate what i18n:status shows as stale
and mark it (npm run i18n:mark). Parts it cannot pair (a code block added to the source) are
listed for you to copy by hand.

  --dry-run     print what would change, write nothing
  --locale ja   the locale (instead of the first argument)
  --root dir    another copy of the project`,
    options: { "dry-run": { type: "boolean" } },
    positionals: true,
  },
  ({ values, positionals, tree, locale: flag, resolveLocale, terminal }) => {
    const [asked, only] = flag ? [flag, ...positionals] : positionals;
    if (!asked) throw new UsageError("give a locale (and optionally a chapter)");
    const locale = flag ?? resolveLocale(asked);
    if (locale === tree.sourceLocale) throw new UsageError(`${locale} is the source locale; only translations are synced`);
    const chapters = only ? [only] : tree.chapters();
    if (only && !tree.chapters().includes(only)) throw new UsageError(`no chapter "${only}" (chapters: ${tree.chapters().join(", ")})`);
    let changed = 0;
    for (const chapter of chapters) {
      const file = tree.file(locale, chapter);
      const translation = tree.read(file);
      if (translation === null) continue;
      const result = syncVerbatim(tree.read(tree.file(tree.sourceLocale, chapter))!, translation);
      for (const n of result.copied) terminal.out(`${file}:${n.line}: ${n.message}\n`);
      for (const n of result.skipped) terminal.out(`${file}:${n.line || 1}: left alone: ${n.message}\n`);
      if (result.text !== translation) {
        changed++;
        if (!values["dry-run"]) writeFileAtomic(join(tree.root, file), result.text);
      }
    }
    terminal.out(
      `${changed} file(s) ${values["dry-run"] ? "would change" : "changed"}${changed ? "; review, then npm run i18n:check" : ""}\n`,
    );
  },
);
