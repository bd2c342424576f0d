import { runCli } from "../src/lib/cli/runCli.ts";
import { importNotebookCommand } from "../src/notebook/importCommand.ts";

runCli(importNotebookCommand);
