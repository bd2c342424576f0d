import { checkTranslations } from "../checks/checks.ts";
import { i18nCommand } from "./i18nCommand.ts";

/** `npm run i18n:check` (scripts/i18n-check.ts runs it). */
export const checkCommand = i18nCommand(
  {
    usage: "usage: npm run i18n:check [-- --locale <locale>] [--root <project>]",
    help: `
Checks the translations and exits 1 when there is an error (0 otherwise), printing each finding
as "error|warning: file:line: message" and a count at the end. Errors: a component, code block
or formula that differs from the source, a missing UI string, a broken link, a wrong placeholder,
unsafe MDX, Japanese punctuation. Warnings: stale, untranslated or missing sections, glossary
terms, UI strings identical to the source's, unused keys.

  --locale ja   only what concerns that locale (and the source it is checked against)
  --root dir    check another copy of the project`,
  },
  ({ tree, locale, terminal }) => {
    const findings = checkTranslations(tree, locale);
    for (const f of findings) terminal.out(`${f.level}: ${f.where}: ${f.message}\n`);
    const errors = findings.filter((f) => f.level === "error").length;
    const warnings = findings.length - errors;
    terminal.out(`${errors} error(s), ${warnings} warning(s)\n`);
    return errors > 0 ? 1 : 0;
  },
);
