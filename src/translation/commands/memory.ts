import { courseMemory, exportDocument, unitReader } from "../exchange/exchange.ts";
import { leverage, NEAR_MATCH, type Leverage } from "../exchange/memory.ts";
import { UsageError } from "../../lib/cli/runCli.ts";
import { i18nCommand } from "./i18nCommand.ts";

/** `npm run i18n:memory` (scripts/i18n-memory.ts runs it). */
export const memoryCommand = i18nCommand(
  {
    usage: "usage: npm run i18n:memory -- --locale <locale> [--chapter <chapter>] [--json] [--root <project>]",
    help: `
Reports how much of each chapter the translation memory already covers: the segments (and
their words) whose source text is already translated, exactly (the same text and codes) or
nearly (at least ${NEAR_MATCH}% similar), somewhere else in the course: another chapter or another
section. A segment's own translation never counts. "to do" are the segments that are not
current yet, the ones an export offers the matches for.

  --locale ja   the translation's locale (required)
  --chapter c   one chapter (default: all)
  --json        the figures as JSON`,
    options: { chapter: { type: "string" }, json: { type: "boolean" } },
  },
  ({ values, tree, locale, terminal }) => {
    if (!locale) throw new UsageError("give the locale: --locale ja");
    if (locale === tree.sourceLocale) throw new UsageError(`${locale} is the source locale; give a translation's`);
    const chapter = values.chapter as string | undefined;
    if (chapter && !tree.chapters().includes(chapter))
      throw new UsageError(`no chapter "${chapter}" (chapters: ${tree.chapters().join(", ")})`);
    // Each chapter read once: for the memory and for the units measured against it.
    const unitsOf = unitReader(tree, locale);
    const memory = courseMemory(tree, locale, unitsOf);
    const doc = exportDocument(tree, locale, chapter ? [chapter] : tree.chapters(), false, unitsOf);
    const rows = doc.files.map((file) => {
      const units = file.units.map((u) => ({ ...u, origin: `${file.chapter}#${u.id}` }));
      return {
        chapter: file.chapter,
        all: leverage(memory, units, tree.sourceLocale),
        todo: leverage(
          memory,
          units.filter((u) => u.status !== "current"),
          tree.sourceLocale,
        ),
      };
    });
    if (values.json) {
      terminal.out(`${JSON.stringify({ locale, memory: memory.size, chapters: rows }, null, 1)}\n`);
      return;
    }
    const pct = (n: number, of: number) => (of ? `${Math.round((n / of) * 100)}%` : "-");
    const line = (label: string, l: Leverage) =>
      `  ${label.padEnd(6)} ${String(l.units).padStart(5)} segments ${String(l.words).padStart(6)} words: exact ${l.exact.units} (${pct(l.exact.words, l.words)} of words), near ${l.near.units} (${pct(l.near.words, l.words)}), none ${l.none.units} (${pct(l.none.words, l.words)})`;
    const out = [`translation memory for ${locale}: ${memory.size} translated segment(s)`];
    for (const r of rows) out.push(r.chapter, line("all", r.all), line("to do", r.todo));
    terminal.out(`${out.join("\n")}\n`);
  },
);
