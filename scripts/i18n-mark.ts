import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { writeFileAtomic } from "../src/lib/fs/atomicWrite.ts";
import { formatProvenance } from "../src/lib/i18n/provenance.ts";
import { sectionHash, splitSections } from "../src/lib/i18n/sections.ts";
import { runCli, UsageError } from "./cli.ts";
import { ContentTree } from "./i18n/content.ts";

const USAGE = "usage: npm run i18n:mark -- <locale> <chapter> <section...|--all> [--root <project>]";

runCli(USAGE, () => {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { all: { type: "boolean" }, root: { type: "string" } } });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  const [locale, chapter, ...sections] = positionals;
  if (!locale || !chapter || (sections.length === 0 && !values.all))
    throw new UsageError("give a locale, a chapter and one or more section ids (or --all)");
  const tree = new ContentTree(resolve(values.root ?? resolve(import.meta.dirname, "..")));
  if (locale === tree.sourceLocale) throw new UsageError(`${locale} is the source locale; only translations are marked`);
  const source = tree.read(tree.file(tree.sourceLocale, chapter));
  if (source === null) throw new UsageError(`no chapter "${chapter}" (chapters: ${tree.chapters().join(", ")})`);
  const translation = tree.read(tree.file(locale, chapter));
  if (translation === null) throw new Error(`${tree.file(locale, chapter)} does not exist: translate the chapter first`);
  const sourceSections = splitSections(source).sections;
  const translated = new Set(splitSections(translation).sections.map((s) => s.id));
  const ids = values.all ? sourceSections.filter((s) => translated.has(s.id)).map((s) => s.id) : [...new Set(sections)];
  // Every id is checked before anything is written: one unknown id marks nothing.
  for (const id of ids) {
    if (!sourceSections.some((x) => x.id === id))
      throw new UsageError(`the source chapter has no section "${id}" (sections: ${sourceSections.map((x) => x.id).join(", ")})`);
    if (!translated.has(id)) throw new Error(`${tree.file(locale, chapter)} has no section "${id}": translate it before marking it`);
  }
  const provenance = tree.provenance(locale, chapter) ?? { source: tree.sourceLocale, sections: {} };
  for (const id of ids) {
    const s = sourceSections.find((x) => x.id === id);
    if (!s) throw new UsageError(`the source chapter has no section "${id}" (sections: ${sourceSections.map((x) => x.id).join(", ")})`);
    if (!translated.has(id)) throw new Error(`${tree.file(locale, chapter)} has no section "${id}": translate it before marking it`);
    provenance.sections[id] = sectionHash(s.text);
  }
  writeFileAtomic(
    join(tree.root, tree.provenanceFile(locale, chapter)),
    formatProvenance({ source: tree.sourceLocale, sections: provenance.sections }),
  );
  process.stderr.write(
    `marked ${ids.length} section(s) of ${chapter} [${locale}] as translated from the current ${tree.sourceLocale} text: ${ids.join(", ")}\n`,
  );
});
