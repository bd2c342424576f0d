import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { sectionStates } from "../src/translation/exchange/exchange.ts";
import { writeFileAtomic } from "../src/lib/fs/atomicWrite.ts";
import { formatProvenance } from "../src/translation/model/provenance.ts";
import { sectionHash, splitSections } from "../src/translation/model/sections.ts";
import { applyImport } from "../src/translation/exchange/xliff/apply.ts";
import { MAX_XLIFF_BYTES, readXliff, XliffError } from "../src/translation/exchange/xliff/xliff.ts";
import { checkChapterTexts } from "../src/build/checkCourse.ts";
import { UsageError } from "../src/lib/cli/runCli.ts";
import { i18nCommand } from "../src/translation/checks/command.ts";
import { matchLocale } from "../src/translation/locales.ts";

i18nCommand(
  {
    usage: "usage: npm run i18n:import -- <file.xlf> [--root <project>]",
    help: `
Writes the targets of an XLIFF 2.0 file made by i18n:export (and translated in a CAT tool) back
into the chapters: each target replaces its paragraph, heading or prop; a section the translation
did not have is added in its place. Sections whose text changed, or whose every segment is
marked final, are recorded as current (translation.json). Nothing is written when any unit is
refused: a changed source (export again), altered or missing placeholders, a section that is
not structured as the source's, or text that is not allowed in a chapter.

  --locale ja   check that the file is for this locale
  --root dir    another copy of the project`,
    positionals: true,
  },
  async ({ positionals, tree, locale }) => {
    const [path] = positionals;
    if (!path || positionals.length > 1) throw new UsageError("give one XLIFF file");
    const full = resolve(path);
    if (!existsSync(full)) throw new UsageError(`${path}: no such file`);
    const name = path;
    if (statSync(full).size > MAX_XLIFF_BYTES) throw new XliffError(`${name}: larger than ${MAX_XLIFF_BYTES / 1024 / 1024} MB`);
    const text = readFileSync(full, "utf8");
    const xliff = readXliff(text, name);
    // Language tags are compared case-insensitively (a tool may write pt-br for pt-BR).
    if (xliff.srcLang.toLowerCase() !== tree.sourceLocale.toLowerCase())
      throw new XliffError(`${name}: its source language is ${xliff.srcLang}, the course's is ${tree.sourceLocale}`);
    const target = matchLocale(xliff.trgLang, tree.locales());
    if (!target || target === tree.sourceLocale)
      throw new XliffError(`${name}: no translation locale "${xliff.trgLang}" in this course (locales: ${tree.locales().join(", ")})`);
    if (locale && target !== locale) throw new XliffError(`${name}: it is for ${target}, not ${locale}`);
    // Everything is worked out before anything is written.
    const writes: { file: string; text: string }[] = [];
    const report: string[] = [];
    for (const f of xliff.files) {
      const chapter = tree.chapters().find((c) => tree.file(target, c) === f.original);
      if (!chapter) throw new XliffError(`${name}: <file original="${f.original}"> is not a chapter of ${target} in this course`);
      const sourceMdx = tree.read(tree.file(tree.sourceLocale, chapter))!;
      const translation = tree.read(f.original);
      const result = applyImport(name, f.original, sourceMdx, translation, sectionStates(tree, target, chapter), f.units);
      const imported = f.units.filter((u) => u.target !== null).length;
      if (translation === null && imported === 0) continue;
      if (result.changed) writes.push({ file: f.original, text: result.text });
      const provenance = tree.provenance(target, chapter) ?? { source: tree.sourceLocale, sections: {} };
      const before = formatProvenance({ source: tree.sourceLocale, sections: provenance.sections });
      const sections = splitSections(sourceMdx).sections;
      for (const id of result.mark) provenance.sections[id] = sectionHash(sections.find((s) => s.id === id)!.text);
      const after = formatProvenance({ source: tree.sourceLocale, sections: provenance.sections });
      if (after !== before || (translation === null && result.mark.length))
        writes.push({ file: tree.provenanceFile(target, chapter), text: after });
      report.push(
        `${f.original}: ${imported} unit(s) imported, ${result.changed ? "text updated" : "text unchanged"}${result.mark.length ? `; current: ${result.mark.join(", ")}` : ""}`,
      );
    }
    // What the build would refuse (content, images, limits) is refused here, before anything is written.
    const chapters = writes.filter((w) => w.file.endsWith("/index.mdx"));
    const refused = await checkChapterTexts(
      chapters.map((w) => [tree.root, w.file, w.text, null, w.file.replace(`content/${target}/`, `content/${tree.sourceLocale}/`)]),
    );
    if (refused.length) throw new XliffError(`${name}: the imported text is not allowed in a chapter: ${refused.join("; ")}`);
    for (const w of writes) writeFileAtomic(join(tree.root, w.file), w.text);
    process.stdout.write(`${report.join("\n")}\n${writes.length} file(s) written\n`);
  },
);
