import { runCli } from "../src/lib/cli/runCli.ts";
import { memoryCommand } from "../src/translation/commands/memory.ts";

runCli(memoryCommand);
