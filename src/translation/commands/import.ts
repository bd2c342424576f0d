import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { sectionStates } from "../exchange/exchange.ts";
import { applyStringsImport, isStringsFile, layerOf } from "../exchange/stringUnits.ts";
import { applyGlossaryImport, glossaryFiles, glossaryLayer } from "../exchange/glossaryUnits.ts";
import { applyCourseImport, isCourseFile } from "../exchange/courseUnits.ts";
import { segmentsOf } from "../exchange/segments.ts";
import { writeFileAtomic } from "../../lib/fs/atomicWrite.ts";
import { formatProvenance } from "../model/provenance.ts";
import { sectionHash, splitSections } from "../model/sections.ts";
import { applyImport, type UnitProblem } from "../exchange/apply.ts";
import { ExchangeError } from "../exchange/exchangeError.ts";
import { formatOf } from "../exchange/formats/index.ts";
import { MAX_EXCHANGE_BYTES } from "../exchange/formats/xml.ts";
import { checkChapterTexts } from "../../checks/checkCourse.ts";
import { UsageError } from "../../lib/cli/runCli.ts";
import { i18nCommand } from "./i18nCommand.ts";
import { matchLocale } from "../locales.ts";
import { formatProblem } from "../../lib/problem.ts";

/** `npm run i18n:import` (scripts/i18n-import.ts runs it). */
export const importCommand = i18nCommand(
  {
    usage: "usage: npm run i18n:import -- <file.xlf|file.po> [--locale <locale>] [--force] [--root <project>]",
    help: `
Writes the translations of a file made by i18n:export (XLIFF 2.0, XLIFF 1.2 or PO, told apart
by its content) and translated in a CAT tool back into the chapters: each target replaces its
paragraph, heading or prop, escaped so that what the translator typed stays text; a section the
translation did not have is added in its place. An empty target (or a fuzzy PO entry) is not
translated: the section keeps its state. A translated section whose text changed, or whose
every unit is confirmed (final, approved, not fuzzy), is recorded as current (translation.json);
a section not translated before is current once all its units are, and partial until then (a
target that is the source's own text is not a translation).
Units whose source changed since the export are skipped and listed (export again for them), and
so are units whose translation in the project changed since the export (newer work the file
would undo: both texts are shown; --force imports them anyway);
units whose codes were altered or whose text would add a paragraph or heading are refused and
listed by unit id (the command then exits 1); every other unit is imported. Nothing is written
when the file itself is refused (not ours, too large, a DTD) or a chapter would not be allowed.

  --locale ja   check that the file is for this locale
  --force       import targets even where the project's translation changed since the export
  --root dir    another copy of the project`,
    options: { force: { type: "boolean" } },
    positionals: true,
  },
  async ({ values, positionals, tree, locale, terminal }) => {
    const [path] = positionals;
    if (!path || positionals.length > 1) throw new UsageError("give one XLIFF file");
    const full = resolve(terminal.cwd, path);
    if (!existsSync(full)) throw new UsageError(`${path}: no such file`);
    const name = path;
    if (statSync(full).size > MAX_EXCHANGE_BYTES) throw new ExchangeError(`${name}: larger than ${MAX_EXCHANGE_BYTES / 1024 / 1024} MB`);
    const text = readFileSync(full, "utf8");
    const doc = formatOf(text, name).read(text, name);
    // Language tags are compared as BCP 47 and gettext write them (a tool may write pt-br or
    // pt_BR for pt-BR, zh_TW for zh-Hant-TW); a converter may add a region to the source's
    // language (po2xliff writes en-US).
    const language = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];
    if (doc.srcLang && matchLocale(doc.srcLang, [tree.sourceLocale]) === undefined && language(doc.srcLang) !== language(tree.sourceLocale))
      throw new ExchangeError(`${name}: its source language is ${doc.srcLang}, the course's is ${tree.sourceLocale}`);
    // A converted file may not say its language (xliff2po, po2xliff): then --locale says it.
    if (!doc.trgLang && !locale) throw new ExchangeError(`${name}: the file does not say which language it is in: give --locale`);
    const target = doc.trgLang ? matchLocale(doc.trgLang, tree.locales()) : locale;
    if (doc.trgLang && target && target !== doc.trgLang)
      terminal.err(`${name}: its language "${doc.trgLang}" is this course's ${target}\n`);
    if (!target || target === tree.sourceLocale)
      throw new ExchangeError(`${name}: no translation locale "${doc.trgLang}" in this course (locales: ${tree.locales().join(", ")})`);
    if (locale && target !== locale) throw new ExchangeError(`${name}: it is for ${target}, not ${locale}`);
    // Everything is worked out before anything is written.
    const writes: { file: string; text: string }[] = [];
    const report: string[] = [];
    const problems: string[] = [];
    let refusedUnits = 0;
    for (const f of doc.files) {
      // The course's identity (exported with --strings): written into src/translation/course/<locale>.json.
      if (isStringsFile(f.units) && isCourseFile(f)) {
        const result = applyCourseImport(tree, target, f.units, values.force === true);
        const list = (what: string, xs: readonly UnitProblem[]) => xs.map((p) => `${name}: unit "${p.id}" ${what}: ${p.reason}`);
        problems.push(...list("skipped", result.skipped), ...list("refused", result.refused));
        refusedUnits += result.refused.length;
        if (result.text !== null) writes.push({ file: result.file, text: result.text });
        report.push(
          `${result.file}: ${result.imported.length} course text(s) imported, ${result.text !== null ? "file updated" : "file unchanged"}`,
        );
        continue;
      }
      // A glossary (exported with --strings): each term's rendering written into its YAML file.
      const glossary = isStringsFile(f.units)
        ? glossaryFiles(tree).find((g) => glossaryLayer(g) === f.chapter || g === f.original)
        : undefined;
      if (glossary !== undefined) {
        const result = applyGlossaryImport(tree, glossary, target, f.units, values.force === true);
        const list = (what: string, xs: readonly UnitProblem[]) => xs.map((p) => `${name}: term "${p.id}" ${what}: ${p.reason}`);
        problems.push(...list("skipped", result.skipped), ...list("refused", result.refused));
        refusedUnits += result.refused.length;
        if (result.text !== null) writes.push({ file: result.file, text: result.text });
        report.push(
          `${result.file}: ${result.imported.length} term(s) imported, ${result.text !== null ? "file updated" : "file unchanged"}`,
        );
        continue;
      }
      // A layer of strings (exported with --strings): checked and written as its JSON file.
      const layer = isStringsFile(f.units) ? layerOf(tree, f) : undefined;
      if (layer !== undefined) {
        const result = applyStringsImport(tree, layer, target, f.units, values.force === true);
        const list = (what: string, xs: readonly UnitProblem[]) => xs.map((p) => `${name}: unit "${p.id}" ${what}: ${p.reason}`);
        problems.push(...list("skipped", result.skipped), ...list("refused", result.refused));
        refusedUnits += result.refused.length;
        if (result.text !== null) writes.push({ file: result.file, text: result.text });
        report.push(
          `${result.file}: ${result.imported.length} string(s) imported, ${result.skipped.length} skipped, ${result.refused.length} refused, ${result.text !== null ? "file updated" : "file unchanged"}`,
        );
        continue;
      }
      const chapter = tree.chapters().find((c) => (f.chapter !== undefined ? c === f.chapter : tree.file(target, c) === f.original));
      if (!chapter)
        throw new ExchangeError(
          f.chapter !== undefined
            ? `${name}: "${f.chapter}" is not a chapter of ${target} in this course`
            : `${name}: <file original="${f.original}"> is not a chapter of ${target} in this course`,
        );
      const original = tree.file(target, chapter);
      const sourceMdx = tree.read(tree.file(tree.sourceLocale, chapter))!;
      const translation = tree.read(original);
      const result = applyImport(
        name,
        original,
        sourceMdx,
        translation,
        sectionStates(tree, target, chapter),
        f.units,
        values.force === true,
      );
      const list = (what: string, xs: readonly UnitProblem[]) => xs.map((p) => `${name}: unit "${p.id}" ${what}: ${p.reason}`);
      problems.push(...list("skipped", result.skipped), ...list("refused", result.refused));
      refusedUnits += result.refused.length;
      const imported = result.imported.length;
      if (translation === null && !result.changed) continue;
      if (result.changed) writes.push({ file: original, text: result.text });
      const provenance = tree.provenance(target, chapter) ?? { source: tree.sourceLocale, sections: {} };
      const before = formatProvenance({ ...provenance, source: tree.sourceLocale });
      const sections = splitSections(sourceMdx).sections;
      const hashOf = (id: string) => sectionHash(sections.find((s) => s.id === id)!.text);
      const partial = { ...provenance.partial };
      // A section marked current leaves the partial list (formatProvenance keeps each section in one place).
      for (const id of result.mark) provenance.sections[id] = hashOf(id);
      for (const [id, units] of result.partial) partial[id] = { source: hashOf(id), units: [...units] };
      const after = formatProvenance({ source: tree.sourceLocale, sections: provenance.sections, partial });
      if (after !== before || (translation === null && (result.mark.length || result.partial.size)))
        writes.push({ file: tree.provenanceFile(target, chapter), text: after });
      const unitsOf = (id: string) => segmentsOf(sourceMdx).filter((s) => s.section === id).length;
      const parts = [...result.partial].map(([id, units]) => `${id} (${units.length} of ${unitsOf(id)} units)`);
      report.push(
        `${original}: ${imported} unit(s) imported, ${result.skipped.length} skipped, ${result.refused.length} refused, ${result.changed ? "text updated" : "text unchanged"}${result.mark.length ? `; current: ${result.mark.join(", ")}` : ""}${parts.length ? `; partly translated (the rest shown in ${tree.sourceLocale}): ${parts.join(", ")}` : ""}`,
      );
      if (result.copied.length)
        problems.push(
          `${name}: unit(s) ${result.copied.map((id) => `"${id}"`).join(", ")} kept the ${tree.sourceLocale} text as their translation: not counted as translated (if that is right, npm run i18n:mark marks the section)`,
        );
    }
    // What the build would refuse (content, images, limits) is refused here, before anything is written.
    const chapters = writes.filter((w) => w.file.endsWith("/index.mdx"));
    const refused = await checkChapterTexts(
      chapters.map((w) => [
        tree.root,
        w.file,
        w.text,
        null,
        w.file.replace(`content/${target}/`, `content/${tree.sourceLocale}/`),
        {},
        tree.frontmatter,
      ]),
    );
    if (refused.length)
      throw new ExchangeError(`${name}: the imported text is not allowed in a chapter: ${refused.map(formatProblem).join("; ")}`);
    for (const w of writes) writeFileAtomic(join(tree.root, w.file), w.text);
    if (problems.length) terminal.err(`${problems.join("\n")}\n`);
    terminal.out(`${report.join("\n")}\n${writes.length} file(s) written\n`);
    if (refusedUnits) {
      terminal.err(`${refusedUnits} unit(s) refused (listed above): fix them in your tool and import the file again\n`);
      return 1;
    }
    return 0;
  },
);
