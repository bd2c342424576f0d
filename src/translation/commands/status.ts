import { i18nCommand } from "./i18nCommand.ts";
import { statusRows } from "../status/statusRows.ts";
import { SECTION_STATES } from "../model/status.ts";

/** `npm run i18n:status` (scripts/i18n-status.ts runs it). */
export const statusCommand = i18nCommand(
  {
    usage: "usage: npm run i18n:status [-- --locale <locale>] [--json] [--root <project>]",
    help: `
Lists every section of every translated chapter with its state:
  current       translated from the source as it is now
  stale         translated from an older source: the change is shown word by word, with the
                source's line and the translation's line to edit
  partial       some units (paragraphs, headings, props) translated, the others still the source's
                (readers get those in the source language); the units left are listed
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
      if (r.status === "partial") out.push(`      ${partialSummary(r.translatedUnits ?? [], r.unitCount ?? 0, r.section, r.unitsStale)}`);
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
    out.push(`\n${SECTION_STATES.map((s) => `${count(s)} ${s}`).join(", ")}`);
    terminal.out(`${out.join("\n").trimStart()}\n`);
  },
);

/** What a partial section still needs, by unit id: "2 of 9 units translated; to translate: notes.2, notes.4-9". */
function partialSummary(done: readonly number[], total: number, section: string, stale: boolean | undefined): string {
  const left = Array.from({ length: total }, (_, i) => i + 1).filter((n) => !done.includes(n));
  const ranges: string[] = [];
  for (let i = 0; i < left.length; i++) {
    let j = i;
    while (j + 1 < left.length && left[j + 1] === left[j]! + 1) j++;
    ranges.push(j > i ? `${section}.${left[i]}-${left[j]}` : `${section}.${left[i]}`);
    i = j;
  }
  const head = `${done.length} of ${total} units translated`;
  return `${head}${stale ? " (the source changed since)" : ""}${left.length ? `; to translate: ${ranges.join(", ")}` : ""}`;
}
