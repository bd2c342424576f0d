import { i18nCommand } from "./i18nCommand.ts";
import { statusRows } from "../status/statusRows.ts";

const STATES = ["current", "stale", "untranslated", "missing", "extra"] as const;

/** `npm run i18n:status` (scripts/i18n-status.ts runs it). */
export const statusCommand = i18nCommand(
  {
    usage: "usage: npm run i18n:status [-- --locale <locale>] [--json] [--root <project>]",
    help: `
Lists every section of every translated chapter with its state:
  current       translated from the source as it is now
  stale         translated from an older source: the change is shown word by word, with the
                source's line and the translation's line to edit
  untranslated  in the translation file but no translation recorded (a copied source, a new locale)
  missing       not in the translation file (readers get the source's text there)
  extra         not in the source any more

  --locale ja   one locale
  --json        the same as a JSON list, for tools`,
    options: { json: { type: "boolean" } },
  },
  ({ values, tree, locale, terminal }) => {
    const rows = statusRows(tree, locale);
    if (values.json) {
      terminal.out(`${JSON.stringify(rows, null, 1)}\n`);
      return;
    }
    const out: string[] = [];
    let group = "";
    for (const r of rows) {
      const head = `${r.chapter} [${r.locale}], against the ${tree.sourceLocale} source`;
      if (head !== group) {
        out.push(`\n${head}`);
        group = head;
      }
      const where =
        r.status === "missing" || r.line === undefined
          ? `translate from ${r.sourceFile}:${r.sourceLine}${tree.read(r.file) === null ? ` into ${r.file} (not created yet)` : ""}`
          : `${r.file}:${r.line}`;
      out.push(`  ${r.status.padEnd(12)} ${r.section.padEnd(22)} ${where}`);
      if (r.status !== "stale") continue;
      if (r.changes)
        for (const c of r.changes) {
          out.push(`      ${r.sourceFile}:${c.sourceLine} -> edit ${r.file}:${c.line}`);
          out.push(`        ${c.words}`);
        }
      else if (r.recordedHash)
        out.push(
          ...(tree.isShallow()
            ? [
                `      the source changed since version ${r.recordedHash}, which is not in this clone's git history:`,
                "      run `git fetch --unshallow` (or clone without --depth) to see what changed",
              ]
            : [
                `      the source changed since version ${r.recordedHash}, which was never committed (the section was marked`,
                `      while the source had uncommitted changes): compare the section with ${r.sourceFile}:${r.sourceLine} by hand`,
              ]),
        );
    }
    const count = (s: string) => rows.filter((r) => r.status === s).length;
    out.push(`\n${STATES.map((s) => `${count(s)} ${s}`).join(", ")}`);
    terminal.out(`${out.join("\n").trimStart()}\n`);
  },
);
