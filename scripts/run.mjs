#!/usr/bin/env node
// Runs a command of scripts/ (scripts/<name>.ts) or of the course (chapters/…/x.command.ts) without a TypeScript loader's start-up cost:
// the first run bundles it with esbuild into .cache/cli/<name>.mjs, later runs start that file
// directly, and it is rebuilt whenever one of its sources changed. Usage: node scripts/run.mjs <name> [args].
// A bundle finds the project from its own place, so a copy of the project can carry it along.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const root = resolve(import.meta.dirname, "..");
const name = process.argv[2];
// A command is the generator's (scripts/<name>.ts) or the course's own, a `*.command.ts` file in
// a chapter's or dataset's folder (its path from the project root).
const courseCommand = /^(chapters|datasets)(\/[a-z0-9][a-z0-9._-]*)+\.command\.ts$/;
const entry =
  name && (/^[a-z0-9-]+$/.test(name) ? join("scripts", `${name}.ts`) : courseCommand.test(name) && !name.includes("..") ? name : null);
if (!entry || !existsSync(join(root, entry))) {
  process.stderr.write(`error: no command ${entry ?? `scripts/${name ?? "<name>"}.ts`}\nusage: node scripts/run.mjs <name> [args]\n`);
  process.exit(2);
}
const out = join(root, ".cache", "cli", `${entry.replace(/\.ts$/, "").replaceAll("/", "__")}.mjs`);
const record = `${out}.inputs.json`;

/** A source's content hash: the record holds these, not times, so a copy of the project (new times) can reuse the bundle. */
function digestOf(path) {
  return createHash("sha1").update(readFileSync(path)).digest("hex");
}

/** True when the bundle exists and none of its sources changed since it was made. */
function fresh() {
  if (!existsSync(out) || !existsSync(record)) return false;
  try {
    const inputs = JSON.parse(readFileSync(record, "utf8"));
    return Object.entries(inputs).every(([file, digest]) => digestOf(join(root, file)) === digest);
  } catch {
    return false;
  }
}

if (!fresh()) {
  const { build } = await import("esbuild");
  // Each module keeps its own location, relative to the project: import.meta.dirname and
  // .filename become paths under the root the bundle finds from its own place
  // (<root>/.cache/cli/), so a copy of the project (with its .cache) can run the same bundle.
  const inProject = (path) => `__projectPath(${JSON.stringify(relative(root, path))})`;
  const keepLocation = {
    name: "keep-location",
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => ({
        loader: "ts",
        contents: readFileSync(args.path, "utf8")
          .replaceAll("import.meta.dirname", inProject(dirname(args.path)))
          .replaceAll("import.meta.filename", inProject(args.path)),
      }));
    },
  };
  const banner = [
    'import { fileURLToPath as __fileURLToPath } from "node:url";',
    'import { join as __join } from "node:path";',
    'const __projectRoot = __join(__fileURLToPath(new URL(".", import.meta.url)), "..", "..");',
    "const __projectPath = (path) => __join(__projectRoot, path);",
  ].join("\n");
  mkdirSync(dirname(out), { recursive: true });
  const result = await build({
    entryPoints: [join(root, entry)],
    outfile: out,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    metafile: true,
    logLevel: "error",
    plugins: [keepLocation],
    banner: { js: banner },
  });
  const inputs = Object.fromEntries(Object.keys(result.metafile.inputs).map((f) => [f, digestOf(join(root, f))]));
  writeFileSync(record, JSON.stringify(inputs));
}

// RUN_BUNDLE_ONLY=1: make (or check) the bundle and stop (the test setup prepares them all at once).
if (process.env.RUN_BUNDLE_ONLY === "1") process.exit(0);
process.argv.splice(2, 1); // the command sees its own arguments only, as under tsx
await import(pathToFileURL(out).href);
