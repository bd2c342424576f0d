import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { runCli } from "../src/lib/cli/runCli.ts";
import { checkLinks } from "./links/checkLinks.ts";

const USAGE = "usage: npm run links [-- --dist dist --base /]";

runCli(USAGE, () => {
  const { values } = parseArgs({ options: { dist: { type: "string" }, base: { type: "string" } } });
  const dist = resolve(values.dist ?? "dist");
  const base = (values.base ?? process.env.BASE_PATH ?? "/").replace(/\/?$/, "/");
  const broken = checkLinks(dist, base);
  for (const b of broken) process.stdout.write(`${b.page}: ${b.href}: ${b.reason}\n`);
  if (broken.length) throw new Error(`${broken.length} broken link(s) in ${dist}`);
  process.stdout.write(`every internal link and anchor in ${dist} resolves (base ${base})\n`);
});
