#!/usr/bin/env node
// Runs a command of scripts/ (scripts/<name>.ts) without a TypeScript loader's start-up cost:
// the first run bundles it with esbuild into .cache/cli/<name>.mjs, later runs start that file
// directly, and it is rebuilt whenever one of its sources changed. Usage: node scripts/run.mjs <name> [args].
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const root = resolve(import.meta.dirname, "..");
const name = process.argv[2];
if (!name || !/^[a-z0-9-]+$/.test(name) || !existsSync(join(root, "scripts", `${name}.ts`))) {
  process.stderr.write(`error: no command scripts/${name ?? "<name>"}.ts\nusage: node scripts/run.mjs <name> [args]\n`);
  process.exit(2);
}
const out = join(root, ".cache", "cli", `${name}.mjs`);
const record = `${out}.inputs.json`;

/** True when the bundle exists and none of its sources changed since it was made. */
function fresh() {
  if (!existsSync(out) || !existsSync(record)) return false;
  try {
    const inputs = JSON.parse(readFileSync(record, "utf8"));
    return Object.entries(inputs).every(([file, mtime]) => statSync(join(root, file)).mtimeMs === mtime);
  } catch {
    return false;
  }
}

if (!fresh()) {
  const { build } = await import("esbuild");
  // Each module keeps its own location: import.meta.dirname and .filename are written in as text.
  const keepLocation = {
    name: "keep-location",
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => ({
        loader: "ts",
        contents: readFileSync(args.path, "utf8")
          .replaceAll("import.meta.dirname", JSON.stringify(dirname(args.path)))
          .replaceAll("import.meta.filename", JSON.stringify(args.path)),
      }));
    },
  };
  mkdirSync(dirname(out), { recursive: true });
  const result = await build({
    entryPoints: [join(root, "scripts", `${name}.ts`)],
    outfile: out,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    metafile: true,
    logLevel: "error",
    plugins: [keepLocation],
  });
  const inputs = Object.fromEntries(Object.keys(result.metafile.inputs).map((f) => [f, statSync(join(root, f)).mtimeMs]));
  writeFileSync(record, JSON.stringify(inputs));
}

process.argv.splice(2, 1); // the command sees its own arguments only, as under tsx
await import(pathToFileURL(out).href);
