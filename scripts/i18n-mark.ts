import { runCli } from "../src/lib/cli/runCli.ts";
import { markCommand } from "../src/translation/commands/mark.ts";

runCli(markCommand);
