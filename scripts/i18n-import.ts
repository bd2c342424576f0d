import { runCli } from "../src/lib/cli/runCli.ts";
import { importCommand } from "../src/translation/commands/import.ts";

runCli(importCommand);
