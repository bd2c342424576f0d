// `npm run imports`: the drawing of which src/ folders import which, as the README holds it.
import { resolve } from "node:path";
import { importMapMermaid } from "./lib/importMap.ts";

process.stdout.write(`${importMapMermaid(resolve(import.meta.dirname, ".."))}\n`);
