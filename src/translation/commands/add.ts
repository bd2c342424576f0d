import { existsSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../../lib/cli/runCli.ts";
import { writeFileAtomic } from "../../lib/fs/atomicWrite.ts";
import { canonicalTag, languageName, matchLocale, uiStringsFile } from "../locales.ts";
import { parseStringTable } from "../model/stringTable.ts";
import { typographyRules } from "../model/typography.ts";
import { i18nCommand } from "./i18nCommand.ts";
import { formatProblem } from "../../lib/problem.ts";

/** `npm run i18n:add` (scripts/i18n-add.ts runs it). */
export const addCommand = i18nCommand(
  {
    usage: "usage: npm run i18n:add -- <locale> [--root <project>]",
    help: `
Starts a language in one step: writes its site strings (src/translation/ui/<locale>.json) as the
source's text, each to translate (i18n:check lists those still identical), with the language's
name in itself from CLDR ("lang.name"). The site then builds in the new language at once: every
chapter is its fallback page until a section is translated, and the chapters', datasets' and
course's own strings fall back to the source's. The locale is a BCP 47 tag in any case or in
gettext's form (zh_TW is written zh-TW; zh-Hant-TW names the script too); it is written in its
canonical form. Then: npm run -s i18n:export -- --locale <locale> --format po > <locale>.po`,
    positionals: true,
  },
  ({ positionals, tree, terminal }) => {
    const [asked] = positionals;
    if (!asked) throw new UsageError("give the new language's tag, e.g. zh-Hant-TW or pt-BR");
    const tag = canonicalTag(asked.replace(/[.@].*$/, "").replace(/_/g, "-"));
    if (tag === null) throw new UsageError(`"${asked}" is not a BCP 47 language tag (e.g. ko, pt-BR, zh-Hant-TW)`);
    const existing = matchLocale(tag, tree.locales());
    if (existing !== undefined) throw new UsageError(`the course already has ${existing} (${uiStringsFile(existing)})`);
    const sourceFile = uiStringsFile(tree.sourceLocale);
    const read = parseStringTable(tree.read(sourceFile) ?? "", sourceFile);
    if ("problems" in read) throw new Error(read.problems.map(formatProblem).join("\n"));
    const target = uiStringsFile(tag);
    if (existsSync(join(tree.root, target))) throw new UsageError(`${target} already exists`);
    const autonym = languageName(tag, tag);
    const strings = { ...read.table, ...(autonym !== tag ? { "lang.name": autonym } : {}) };
    writeFileAtomic(join(tree.root, target), `${JSON.stringify(strings, null, 2)}\n`);
    const count = Object.keys(strings).length - (autonym !== tag ? 1 : 0);
    const rules = typographyRules(tag);
    terminal.out(
      [
        `added ${tag}${tag !== asked ? ` (from "${asked}")` : ""}: ${target}, ${count} site string(s) in ${tree.sourceLocale} to translate${autonym !== tag ? `; its name, "${autonym}", from CLDR` : ""}`,
        `every chapter is published at /${tag}/… as a fallback page until a section is translated; punctuation rules: ${rules}`,
        `next: npm run -s i18n:export -- --locale ${tag} --format po > ${tag}.po  (then i18n:import, i18n:status, i18n:check)`,
        "",
      ].join("\n"),
    );
  },
);
