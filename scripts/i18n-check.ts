import { runCli } from "../src/lib/cli/runCli.ts";
import { checkCommand } from "../src/translation/commands/check.ts";

runCli(checkCommand);
