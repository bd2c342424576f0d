import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { runCli, UsageError } from "./cli.ts";
import { checkTranslations } from "./i18n/checks.ts";
import { ContentTree } from "./i18n/content.ts";

const USAGE = "usage: npm run i18n:check [-- --root <project>]";

runCli(USAGE, () => {
  let values;
  try {
    ({ values } = parseArgs({ options: { root: { type: "string" } } }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const tree = new ContentTree(resolve(values.root ?? resolve(import.meta.dirname, "..")));
  const findings = checkTranslations(tree);
  for (const f of findings) process.stdout.write(`${f.level}: ${f.where}: ${f.message}\n`);
  const errors = findings.filter((f) => f.level === "error").length;
  const warnings = findings.length - errors;
  process.stdout.write(`${errors} error(s), ${warnings} warning(s)\n`);
  if (errors > 0) process.exitCode = 1;
});
