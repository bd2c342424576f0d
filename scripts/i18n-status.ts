import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { runCli, UsageError } from "./cli.ts";
import { ContentTree } from "./i18n/content.ts";
import { statusRows } from "./i18n/report.ts";

const USAGE = "usage: npm run i18n:status [-- --locale ja] [--json] [--root <project>]";

runCli(USAGE, () => {
  let values;
  try {
    ({ values } = parseArgs({ options: { locale: { type: "string" }, json: { type: "boolean" }, root: { type: "string" } } }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const tree = new ContentTree(resolve(values.root ?? resolve(import.meta.dirname, "..")));
  if (values.locale && !tree.locales().includes(values.locale))
    throw new UsageError(`no locale "${values.locale}" (locales: ${tree.locales().join(", ")})`);
  const rows = statusRows(tree, values.locale);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 1)}\n`);
    return;
  }
  const out: string[] = [];
  let group = "";
  for (const r of rows) {
    const head = `${r.chapter} [${r.locale}] translated from ${tree.sourceLocale}`;
    if (head !== group) {
      out.push(`\n${head}`);
      group = head;
    }
    const where = r.status === "missing" ? `translate from ${r.sourceFile}:${r.sourceLine}` : `${r.file}:${r.line}`;
    out.push(`  ${r.status.padEnd(8)} ${r.section.padEnd(22)} ${where}`);
    if (r.status === "stale") {
      if (r.diff) out.push(...r.diff.split("\n").map((l) => `      ${l}`));
      else if (r.recordedHash) out.push(`      the source changed since ${r.recordedHash}; its old text is unknown (not in git history)`);
      else out.push("      no translated version recorded yet: compare with the source, then run npm run i18n:mark");
    }
  }
  const count = (s: string) => rows.filter((r) => r.status === s).length;
  out.push(`\n${count("current")} current, ${count("stale")} stale, ${count("missing")} missing, ${count("extra")} extra`);
  process.stdout.write(`${out.join("\n").trimStart()}\n`);
});
