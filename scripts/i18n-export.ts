import { runCli } from "../src/lib/cli/runCli.ts";
import { exportCommand } from "../src/translation/commands/export.ts";

runCli(exportCommand);
