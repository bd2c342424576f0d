import { runCli } from "../src/lib/cli/runCli.ts";
import { syncCommand } from "../src/translation/commands/sync.ts";

runCli(syncCommand);
