import { runCli } from "../src/lib/cli/runCli.ts";
import { addCommand } from "../src/translation/commands/add.ts";

runCli(addCommand);
