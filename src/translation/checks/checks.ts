import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { componentsIn } from "../model/components.ts";
import { chapterGlossaryFile, COURSE_GLOSSARY, forbiddenUses, mergeGlossaries, missingTerms, parseGlossary } from "../model/glossary.ts";
import { verbatimProblems } from "../model/verbatim.ts";
import { splitSections } from "../model/sections.ts";
import { structureProblems } from "../model/status.ts";
import { chapterTypography, hasTypographyRules, textTypography, typographyRules } from "../model/typography.ts";
import { MdxSyntaxError, parseMdx } from "../../lib/content/parseMdx.ts";
import { uiStringsSchema } from "../strings/schema.ts";
import { checkSiteStrings, contentTreeProblems, keyLine } from "../../checks/checkCourse.ts";
import { droppedPluralNumbers, placeholderList, placeholderMismatches } from "../strings/strings.ts";
import { checkChapterText, courseImagesProblem, readContributedText } from "../../checks/chapterFile.ts";
import { CONTENT_LIMITS } from "../../lib/content/limits.ts";
import { ownString, parseStringTable, type StringTable } from "../model/stringTable.ts";
import { checkCourseCode } from "../../checks/checkCode.ts";
import { matchLocale, TAG_PATTERN, UI_STRINGS_DIR, uiStringsFile } from "../locales.ts";
import type { ContentTree } from "../status/contentTree.ts";
import { statusRows } from "../status/statusRows.ts";
import { unitReader } from "../exchange/exchange.ts";
import { inlineKey, plainText } from "../exchange/inline.ts";
import { META } from "../exchange/segments.ts";
import { problemPlace, problemsOf, type Problem } from "../../lib/problem.ts";

/** A finding of `i18n:check`: errors fail it, warnings are for translators to act on. */
export interface Finding {
  readonly level: "error" | "warning";
  readonly where: string;
  readonly message: string;
}

/** A problem a check found, as an error of `i18n:check` (its place, its message with any hint). */
const errorOf = (p: Problem): Finding => ({
  level: "error",
  where: problemPlace(p),
  message: p.hint ? `${p.message} (${p.hint})` : p.message,
});

/**
 * A strings file read as contributed data (plain file, size limit, JSON object of text values,
 * keys that are words): its table, or its problems as errors naming the file and key.
 */
function readTable(tree: ContentTree, file: string): { table: StringTable } | { problems: Finding[] } {
  const read = readContributedText(tree.root, file, CONTENT_LIMITS.stringsBytes);
  const parsed = "problem" in read ? { problems: [read.problem] } : parseStringTable(read.text, file);
  if ("table" in parsed) return parsed;
  return { problems: parsed.problems.map(errorOf) };
}

/** UI strings of the site: every locale has a file, each with exactly the schema's keys and the source's placeholders. */
export function checkUiStrings(tree: ContentTree): Finding[] {
  const findings: Finding[] = [];
  for (const locale of tree.locales()) {
    if (tree.read(uiStringsFile(locale)) === null)
      findings.push({
        level: "error",
        where: uiStringsFile(locale),
        message: `content/${locale}/ exists but its UI strings do not (copy ${uiStringsFile(tree.sourceLocale)} and translate it)`,
      });
  }
  if (!existsSync(join(tree.root, UI_STRINGS_DIR))) return findings;
  findings.push(...checkSiteStrings(tree.root, tree.sourceLocale, uiStringsSchema).problems.map(errorOf));
  return findings;
}

/** Files under a folder with one of the extensions, relative paths. */
function sourceFiles(root: string, dir: string, extensions: readonly string[]): string[] {
  const full = join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full, { recursive: true, encoding: "utf8" })
    .filter((f) => extensions.some((e) => f.endsWith(e)))
    .map((f) => join(dir, f));
}

/**
 * Which UI string keys some code uses: every quoted key literal, and every key prefix of a
 * template (`model.${name}` uses all keys starting with "model.").
 */
export function keysUsedBy(code: string): { literals: Set<string>; prefixes: string[] } {
  const literals = new Set([...code.matchAll(/["'`]([A-Za-z][\w-]*(?:\.[\w-]+)+)["'`]/g)].map((m) => m[1]!));
  const prefixes = [...code.matchAll(/`([A-Za-z][\w-]*(?:\.[\w-]*)*\.)\$\{/g)].map((m) => m[1]!);
  return { literals, prefixes };
}

/** Keys a chapter's code names for sure: `t("key")`, and a control's or readout's `label:`/`unit:`, with their lines. */
export function keysNamedBy(code: string): { key: string; line: number }[] {
  const KEY = `["'\`]([A-Za-z][\\w-]*(?:\\.[\\w-]+)+)["'\`]`;
  const pattern = new RegExp(`(?:\\bt\\(\\s*${KEY}|\\b(?:label|unit)\\s*:\\s*${KEY})`, "g");
  return [...code.matchAll(pattern)].map((m) => ({ key: (m[1] ?? m[2])!, line: code.slice(0, m.index).split("\n").length }));
}

const isUsed = (key: string, used: { literals: Set<string>; prefixes: string[] }) =>
  used.literals.has(key) || used.prefixes.some((p) => key.startsWith(p));

/**
 * Strings in layers: the site's keys must be used by the site's code; each chapter's (and each
 * dataset's) strings must be used by its own code, and a locale missing a key falls back to the
 * source language, reported so a translator can fill it in.
 */
export function checkStringLayers(tree: ContentTree): Finding[] {
  const findings: Finding[] = [];
  const read = (file: string) => tree.read(file) ?? "";
  const siteCode = sourceFiles(tree.root, "src", [".ts", ".astro"]).map(read).join("\n");
  const siteUsed = keysUsedBy(siteCode);
  const siteSource = readTable(tree, uiStringsFile(tree.sourceLocale));
  if ("table" in siteSource) {
    for (const key of Object.keys(siteSource.table))
      if (!isUsed(key, siteUsed))
        findings.push({
          level: "warning",
          where: uiStringsFile(tree.sourceLocale),
          message: `"${key}" is not used by any page or component`,
        });
  }
  const layers = [
    ...sourceFiles(tree.root, "chapters", ["/strings/" + tree.sourceLocale + ".json"]).map((f) =>
      f.slice(0, -`/strings/${tree.sourceLocale}.json`.length),
    ),
    ...sourceFiles(tree.root, "datasets", ["/strings/" + tree.sourceLocale + ".json"]).map((f) =>
      f.slice(0, -`/strings/${tree.sourceLocale}.json`.length),
    ),
  ];
  for (const dir of layers) {
    const sourceFile = `${dir}/strings/${tree.sourceLocale}.json`;
    const sourceTable = readTable(tree, sourceFile);
    if ("problems" in sourceTable) {
      findings.push(...sourceTable.problems);
      continue;
    }
    const source = sourceTable.table;
    const codeFiles = sourceFiles(tree.root, dir, [".ts"]);
    const code = codeFiles.map(read).join("\n");
    const used = keysUsedBy(code);
    if (!dir.startsWith("datasets/") && "table" in siteSource)
      for (const file of codeFiles)
        for (const { key, line } of keysNamedBy(read(file)))
          if (ownString(source, key) === undefined && ownString(siteSource.table, key) === undefined)
            findings.push({ level: "error", where: `${file}:${line}`, message: `no string "${key}": add it to ${sourceFile}` });
    const isDataset = dir.startsWith("datasets/");
    for (const key of Object.keys(source))
      if (!isDataset && !isUsed(key, used))
        findings.push({ level: "warning", where: sourceFile, message: `"${key}" is not used by the chapter's code` });
    for (const locale of tree.locales().filter((l) => l !== tree.sourceLocale)) {
      const file = `${dir}/strings/${locale}.json`;
      const read = tree.read(file) === null ? { table: {} } : readTable(tree, file);
      if ("problems" in read) {
        findings.push(...read.problems);
        continue;
      }
      const table = read.table;
      const missing = Object.keys(source).filter((k) => !(k in table));
      if (missing.length)
        findings.push({
          level: "warning",
          where: file,
          message: `${missing.length} string(s) not translated, shown in ${tree.sourceLocale}: ${missing.slice(0, 8).join(", ")}${missing.length > 8 ? ", …" : ""}`,
        });
      for (const key of Object.keys(table))
        if (!(key in source))
          findings.push({ level: "warning", where: file, message: `"${key}" is not in the ${tree.sourceLocale} strings` });
      const where = (key: string) => `${file}${lineOf(key) ? `:${lineOf(key)}` : ""}`;
      const lineOf = (key: string) => keyLine(tree.root, file, key);
      for (const m of placeholderMismatches(source, table))
        findings.push({
          level: "error",
          where: where(m.key),
          message: `"${m.key}" has placeholders ${placeholderList(m.have)} but the ${tree.sourceLocale} text has ${placeholderList(m.want)}`,
        });
      for (const d of droppedPluralNumbers(source, table, tree.sourceLocale, locale))
        findings.push({
          level: "error",
          where: where(d.key),
          message: `"${d.key}": the plural {${d.name}} shows no number in its form(s) ${d.forms.join(", ")} (the ${tree.sourceLocale} text shows it with #): write # where the number goes`,
        });
    }
  }
  return findings;
}

/** What a chapter may contain (frontmatter, syntax, no imports, expressions or active HTML, images beside it), for every locale. */
export function checkContentPolicy(tree: ContentTree): Finding[] {
  const problems: Problem[] = [];
  const images: Record<string, number> = {};
  for (const chapter of tree.chapters()) {
    for (const locale of tree.locales()) {
      const file = tree.file(locale, chapter);
      const mdx = tree.read(file);
      if (mdx === null) continue;
      const sourceFile = locale === tree.sourceLocale ? null : tree.file(tree.sourceLocale, chapter);
      const checked = checkChapterText(tree.root, file, mdx, null, sourceFile, {}, tree.frontmatter);
      problems.push(...checked.problems);
      Object.assign(images, checked.images);
    }
  }
  const tooMuch = courseImagesProblem(images);
  if (tooMuch) problems.push(tooMuch);
  return problems.map(errorOf);
}

/** Links inside a chapter (`](#id)`, `href="#id"`, and links to other chapters) point somewhere real. */
function checkLinks(tree: ContentTree, locale: string, chapter: string, mdx: string): Finding[] {
  const file = tree.file(locale, chapter);
  const ids = new Set(splitSections(mdx).sections.map((s) => s.id));
  for (const c of componentsIn(mdx)) {
    if (c.name === "Cell" && c.props.id) ids.add(`cell-${c.props.id}`);
    else if (c.props.id) ids.add(c.props.id);
  }
  const findings: Finding[] = [];
  mdx.split("\n").forEach((line, i) => {
    for (const m of line.matchAll(/\]\(([^)\s]+)\)|href="([^"]+)"/g)) {
      const target = m[1] ?? m[2]!;
      if (/^[a-z]+:/.test(target)) continue;
      const [path, hash] = target.split("#") as [string, string | undefined];
      if (path === "" && hash && !ids.has(hash))
        findings.push({ level: "error", where: `${file}:${i + 1}`, message: `link to #${hash}, which is not an id in this chapter` });
      const other = new RegExp(`^/?(${TAG_PATTERN})/(.+?)/?$`).exec(path);
      if (other && matchLocale(other[1]!, tree.locales()) && !existsSync(join(tree.root, tree.file(tree.sourceLocale, other[2]!)))) {
        findings.push({ level: "error", where: `${file}:${i + 1}`, message: `link to ${target}: there is no chapter "${other[2]}"` });
      }
    }
  });
  return findings;
}

/**
 * Punctuation and heading forms of locales that have rules (Japanese: full-width ！？：（）, one
 * form of numbered heading; Chinese: full-width ，。？！：；（）), in every chapter and in the UI
 * strings. Which rules a locale follows is its script's, or the course's choice.
 */
export function checkTypography(tree: ContentTree): Finding[] {
  const findings: Finding[] = [];
  for (const locale of tree.locales()) {
    const rules = typographyRules(locale, tree.typography);
    if (!hasTypographyRules(rules)) continue;
    for (const chapter of tree.chapters()) {
      const file = tree.file(locale, chapter);
      const mdx = tree.read(file);
      if (mdx === null) continue;
      // The frontmatter's prose (title, description, course line), then the chapter's text.
      const frontmatter = /^---\n([\s\S]*?)\n---/.exec(mdx)?.[1] ?? "";
      frontmatter.split("\n").forEach((line, i) => {
        const field = /^(title|description|course|byline|thanks):\s*(.*)$/.exec(line);
        for (const p of field ? textTypography(rules, field[2]!) : [])
          findings.push({ level: "error", where: `${file}:${i + 2}`, message: `${field![1]}: ${p.message}` });
      });
      try {
        for (const p of chapterTypography(rules, parseMdx(mdx)))
          findings.push({ level: "error", where: `${file}:${p.line}`, message: p.message });
      } catch (err) {
        if (!(err instanceof MdxSyntaxError)) throw err;
        findings.push({ level: "error", where: `${file}:${err.line}`, message: `not valid MDX: ${err.reason}` });
      }
    }
    const uiFile = uiStringsFile(locale);
    const ui = readTable(tree, uiFile);
    if (!("table" in ui)) continue; // reported by checkUiStrings
    const strings = ui.table;
    for (const [key, value] of Object.entries(strings))
      if (typeof value === "string")
        for (const p of textTypography(rules, value)) findings.push({ level: "error", where: uiFile, message: `"${key}": ${p.message}` });
  }
  return findings;
}

/**
 * UI strings a translation left identical to the source's: usually forgotten, sometimes right
 * (a product name, "ISI"); those are listed per locale in the layer's `identical.json`
 * (`{ "ja": ["key", …] }`) and not reported.
 */
export function identicalStrings(tree: ContentTree, dir: string, sourceFile: string, locale: string, localeFile: string): Finding[] {
  const parse = (file: string): Record<string, unknown> => {
    try {
      return JSON.parse(tree.read(file) ?? "{}") as Record<string, unknown>;
    } catch {
      return {}; // reported where the file is read
    }
  };
  const source = parse(sourceFile);
  const table = parse(localeFile);
  const allowed = new Set((parse(join(dir, "identical.json"))[locale] as string[] | undefined) ?? []);
  const same = Object.keys(table).filter(
    (k) => typeof table[k] === "string" && table[k] === source[k] && /\p{L}{2}/u.test(table[k]) && !allowed.has(k),
  );
  if (same.length === 0) return [];
  return [
    {
      level: "warning",
      where: localeFile,
      message: `${same.length} string(s) identical to the ${tree.sourceLocale} text (translate them, or list them in ${join(dir, "identical.json")} under "${locale}" if that is right): ${same.slice(0, 8).join(", ")}${same.length > 8 ? ", …" : ""}`,
    },
  ];
}

/** Identical-to-source strings in every layer (the site's, each chapter's and dataset's) of every translation. */
function checkIdenticalStrings(tree: ContentTree): Finding[] {
  const findings: Finding[] = [];
  const layers = [
    UI_STRINGS_DIR,
    ...sourceFiles(tree.root, "chapters", [`/strings/${tree.sourceLocale}.json`]).map((f) =>
      f.slice(0, -`/${tree.sourceLocale}.json`.length),
    ),
    ...sourceFiles(tree.root, "datasets", [`/strings/${tree.sourceLocale}.json`]).map((f) =>
      f.slice(0, -`/${tree.sourceLocale}.json`.length),
    ),
  ];
  for (const dir of layers)
    for (const locale of tree.locales().filter((l) => l !== tree.sourceLocale))
      findings.push(...identicalStrings(tree, dir, join(dir, `${tree.sourceLocale}.json`), locale, join(dir, `${locale}.json`)));
  return findings;
}

/**
 * Units of translated sections whose translation is the source's own text, word for word (a
 * paragraph copied and never translated, though its section was marked): one warning per
 * chapter, listing them, unless the chapter's translation.json lists them as `identical`.
 */
function checkUnchangedUnits(tree: ContentTree): Finding[] {
  const findings: Finding[] = [];
  for (const locale of tree.locales().filter((l) => l !== tree.sourceLocale)) {
    const unitsOf = unitReader(tree, locale);
    for (const chapter of tree.chapters()) {
      if (tree.read(tree.file(locale, chapter)) === null) continue;
      let allowed: Set<string>;
      try {
        allowed = new Set(tree.provenance(locale, chapter)?.identical ?? []);
      } catch {
        continue; // a provenance file that does not read is reported where it is read
      }
      const same = unitsOf(chapter).filter(
        (u) =>
          u.section !== META &&
          (u.status === "current" || u.status === "stale") &&
          u.target !== null &&
          inlineKey(u.target) === inlineKey(u.source) &&
          /\p{L}{2}/u.test(plainText(u.source)) &&
          !allowed.has(u.id),
      );
      if (same.length)
        findings.push({
          level: "warning",
          where: tree.file(locale, chapter),
          message: `${same.length} unit(s) of translated sections are the ${tree.sourceLocale} text unchanged (translate them, or list them under "identical" in ${tree.provenanceFile(locale, chapter)} if that is right): ${same
            .slice(0, 6)
            .map((u) => `${u.id} (source line ${u.line})`)
            .join(", ")}${same.length > 6 ? ", …" : ""}`,
        });
    }
  }
  return findings;
}

/** The translation a finding is about (its content folder or strings file), or null for the course's own files. */
function translationOf(finding: Finding, locales: readonly string[], sourceLocale: string): string | null {
  const owner = locales.find((l) => new RegExp(`(^|/)${l.replace(/[-]/g, "\\-")}(/|\\.json)`).test(finding.where));
  return owner === undefined || owner === sourceLocale ? null : owner;
}

/** Every check of `i18n:check`, in the order a translator would fix them (only one locale's, when asked). */
export function checkTranslations(tree: ContentTree, only?: string): Finding[] {
  const findings: Finding[] = [
    ...contentTreeProblems(tree.root, tree.locales()).map(errorOf),
    ...checkCourseCode(tree.root).map(errorOf),
    ...checkUiStrings(tree),
    ...checkContentPolicy(tree),
    ...checkStringLayers(tree),
    ...checkIdenticalStrings(tree),
    ...checkUnchangedUnits(tree),
    ...checkTypography(tree),
  ];
  // Read as the build reads them (plain files, bounded); a glossary that cannot be used is an error line.
  const readGlossary = (file: string) => {
    if (!existsSync(join(tree.root, file))) return [];
    const read = readContributedText(tree.root, file, CONTENT_LIMITS.stringsBytes);
    if ("problem" in read) {
      findings.push(errorOf(read.problem));
      return [];
    }
    try {
      return parseGlossary(read.text, file);
    } catch (err) {
      findings.push(...problemsOf(err, file).map(errorOf));
      return [];
    }
  };
  const courseGlossary = readGlossary(COURSE_GLOSSARY);
  for (const chapter of tree.chapters()) {
    // The course's terms and the chapter's own.
    const glossary = mergeGlossaries(courseGlossary, readGlossary(chapterGlossaryFile(chapter)));
    const source = tree.read(tree.file(tree.sourceLocale, chapter))!;
    // A line the content check already faulted (a section id used twice) is reported once.
    for (const p of splitSections(source).problems) {
      const where = `${tree.file(tree.sourceLocale, chapter)}:${p.line}`;
      if (!findings.some((f) => f.level === "error" && f.where === where)) findings.push({ level: "error", where, message: p.message });
    }
    findings.push(...checkLinks(tree, tree.sourceLocale, chapter, source));
    const sourceSections = new Map(splitSections(source).sections.map((s) => [s.id, s]));
    for (const locale of tree.locales().filter((l) => l !== tree.sourceLocale)) {
      const file = tree.file(locale, chapter);
      const translation = tree.read(file);
      if (translation === null) {
        findings.push({
          level: "warning",
          where: file,
          message: `not translated yet: readers get the ${tree.sourceLocale} chapter with a notice`,
        });
        continue;
      }
      for (const p of structureProblems(source, translation))
        findings.push({ level: "error", where: `${file}:${p.line || 1}`, message: p.message });
      for (const p of verbatimProblems(source, translation))
        findings.push({ level: "error", where: `${file}:${p.line}`, message: p.message });
      findings.push(...checkLinks(tree, locale, chapter, translation));
      // The glossary speaks of translations: a section not yet marked translated (still the source's text) is not checked.
      const recorded = tree.provenance(locale, chapter)?.sections ?? {};
      for (const s of splitSections(translation).sections) {
        if (!(s.id in recorded)) continue;
        for (const use of forbiddenUses(s.text, glossary, locale, s.line))
          findings.push({
            level: "error",
            where: `${file}:${use.line}`,
            message: `"${use.form}" is not used for "${use.term.names[tree.sourceLocale]}": write "${use.term.names[locale]}" (glossary: ${use.term.id})`,
          });
        const original = sourceSections.get(s.id);
        if (!original) continue;
        for (const use of missingTerms(original.text, s.text, glossary, tree.sourceLocale, locale)) {
          findings.push({
            level: "warning",
            where: `${file}:${s.line}`,
            message: `section "${s.id}" uses "${use.term.names[tree.sourceLocale]}" ${use.sourceCount}× in ${tree.sourceLocale}, but the agreed ${locale} term "${use.term.names[locale]}" 0× (glossary: ${use.term.id}; if that is right, put <span data-i18n-ignore="glossary:${use.term.id}" /> in the section)`,
          });
        }
      }
    }
  }
  const untranslated = new Map<string, { file: string; ids: string[] }>();
  for (const row of statusRows(tree)) {
    if (row.status === "stale")
      findings.push({
        level: "warning",
        where: `${row.file}:${row.line}`,
        message: `section "${row.section}" is stale: the ${tree.sourceLocale} source changed since it was translated (npm run i18n:status shows how)`,
      });
    if (row.status === "partial")
      findings.push({
        level: "warning",
        where: `${row.file}:${row.line}`,
        message: `section "${row.section}" is translated in part (${row.translatedUnits?.length ?? 0} of ${row.unitCount ?? "?"} units): readers get the rest in ${tree.sourceLocale} (npm run i18n:status lists the units left)`,
      });
    if (row.status === "missing")
      findings.push({
        level: "warning",
        where: row.file,
        message: `section "${row.section}" is missing: readers get the ${tree.sourceLocale} text of ${row.sourceFile}:${row.sourceLine}`,
      });
    if (row.status === "untranslated" && tree.read(row.file) !== null) {
      const key = row.file;
      if (!untranslated.has(key)) untranslated.set(key, { file: row.file, ids: [] });
      untranslated.get(key)!.ids.push(row.section);
    }
    if (row.status === "extra")
      findings.push({
        level: "error",
        where: `${row.file}:${row.line}`,
        message: `section "${row.section}" is not in the ${tree.sourceLocale} source`,
      });
  }
  for (const { file, ids } of untranslated.values())
    findings.push({
      level: "warning",
      where: file,
      message: `${ids.length} section(s) with no translation recorded, shown in ${tree.sourceLocale}: ${ids.slice(0, 6).join(", ")}${ids.length > 6 ? ", …" : ""} (translate, then npm run i18n:mark)`,
    });
  // One locale's check leaves out only the other translations' findings: the source's and the
  // course's files (the glossary, the code, the site's strings) are every locale's concern.
  if (!only) return findings;
  const locales = tree.locales();
  return findings.filter((f) => [only, null].includes(translationOf(f, locales, tree.sourceLocale)));
}
