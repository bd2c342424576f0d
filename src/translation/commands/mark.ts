import { join } from "node:path";
import { writeFileAtomic } from "../../lib/fs/atomicWrite.ts";
import { formatProvenance } from "../model/provenance.ts";
import { sectionHash, splitSections } from "../model/sections.ts";
import { structureProblems } from "../model/status.ts";
import { verbatimProblems } from "../model/verbatim.ts";
import { UsageError } from "../../lib/cli/runCli.ts";
import { i18nCommand } from "./i18nCommand.ts";

/** `npm run i18n:mark` (scripts/i18n-mark.ts runs it). */
export const markCommand = i18nCommand(
  {
    usage: "usage: npm run i18n:mark -- [--locale] <locale> <chapter> <section...|--all> [--root <project>]",
    help: `
Records that sections of a translated chapter now translate the source as it is today (in
content/<locale>/<chapter>/translation.json), so they count as current. Give every section you
brought up to date: npm run i18n:mark -- ja <chapter> section-1 section-3
Every id is checked first: one unknown id marks nothing and exits 2.

  --all         every section the translation file has (only when you checked them all)
  --locale ja   the locale (instead of the first argument)
  --root dir    another copy of the project`,
    options: { all: { type: "boolean" } },
    positionals: true,
  },
  ({ values, positionals, tree, locale: flag, resolveLocale, terminal }) => {
    const [asked, chapter, ...sections] = flag ? [flag, ...positionals] : positionals;
    if (!asked || !chapter || (sections.length === 0 && !values.all))
      throw new UsageError("give a locale, a chapter and one or more section ids (or --all)");
    const locale = flag ?? resolveLocale(asked);
    if (locale === tree.sourceLocale) throw new UsageError(`${locale} is the source locale; only translations are marked`);
    const source = tree.read(tree.file(tree.sourceLocale, chapter));
    if (source === null) throw new UsageError(`no chapter "${chapter}" (chapters: ${tree.chapters().join(", ")})`);
    const translation = tree.read(tree.file(locale, chapter));
    if (translation === null) throw new Error(`${tree.file(locale, chapter)} does not exist: translate the chapter first`);
    const sourceSections = splitSections(source).sections;
    const translated = new Set(splitSections(translation).sections.map((s) => s.id));
    const ids = values.all ? sourceSections.filter((s) => translated.has(s.id)).map((s) => s.id) : [...new Set(sections)];
    // Every id is checked before anything is written: one unknown id marks nothing.
    const unknown = ids.filter((id) => !sourceSections.some((x) => x.id === id));
    if (unknown.length)
      throw new UsageError(
        `the source chapter has no section ${unknown.map((id) => `"${id}"`).join(", ")} (sections: ${sourceSections.map((x) => x.id).join(", ")})`,
      );
    const absent = ids.filter((id) => !translated.has(id));
    if (absent.length)
      throw new Error(
        `${tree.file(locale, chapter)} has no section ${absent.map((id) => `"${id}"`).join(", ")}: translate it before marking it`,
      );
    // A section is marked only when it passes its checks: the same code, formulas, components and structure as the source's.
    const translationSections = splitSections(translation).sections;
    const failing = [...structureProblems(source, translation), ...verbatimProblems(source, translation)].flatMap((p) => {
      const section = translationSections.find((x) => p.line >= x.line && p.line <= x.lastLine);
      return section && ids.includes(section.id) ? [`  ${tree.file(locale, chapter)}:${p.line}: ${p.message}`] : [];
    });
    if (failing.length)
      throw new Error(
        `nothing marked: the sections to mark fail their checks (the translation must keep the source's code, formulas and components); fix these first, or run npm run i18n:sync -- ${locale}:\n${failing.join("\n")}`,
      );
    const provenance = tree.provenance(locale, chapter) ?? { source: tree.sourceLocale, sections: {} };
    for (const id of ids) provenance.sections[id] = sectionHash(sourceSections.find((x) => x.id === id)!.text);
    writeFileAtomic(
      join(tree.root, tree.provenanceFile(locale, chapter)),
      // A section marked whole is no longer partial (formatProvenance keeps a section in one place).
      formatProvenance({ ...provenance, source: tree.sourceLocale }),
    );
    if (tree.hasUncommittedChanges(tree.file(tree.sourceLocale, chapter)))
      terminal.err(
        `warning: ${tree.file(tree.sourceLocale, chapter)} has uncommitted changes: commit it with this mark, or a later change to it cannot be shown word by word\n`,
      );
    terminal.err(
      `marked ${ids.length} section(s) of ${chapter} [${locale}] as translated from the current ${tree.sourceLocale} text: ${ids.join(", ")}\n`,
    );
  },
);
