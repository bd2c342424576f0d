import { runCli } from "../src/lib/cli/runCli.ts";
import { statusCommand } from "../src/translation/commands/status.ts";

runCli(statusCommand);
