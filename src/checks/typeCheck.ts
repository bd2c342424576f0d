import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import ts from "typescript";
import { courseCodeFiles } from "./checkCode.ts";
import { problemAt, type Problem } from "../lib/problem.ts";

/** The project's compiler options, as its tsconfig.json gives them (strict defaults when it has none). */
function compilerOptions(root: string): ts.CompilerOptions {
  const file = join(root, "tsconfig.json");
  if (!existsSync(file)) return { strict: true, noEmit: true, allowImportingTsExtensions: true, module: ts.ModuleKind.Preserve };
  const read = ts.readConfigFile(file, ts.sys.readFile.bind(ts.sys));
  const parsed = ts.parseJsonConfigFileContent(read.config ?? {}, ts.sys, root, undefined, file);
  return { ...parsed.options, noEmit: true };
}

interface Checker {
  readonly root: string;
  readonly service: ts.LanguageService;
}

// One language service per project, kept between calls: after the first check only the files an
// edit touched (and what depends on them) are checked again.
let kept: Checker | null = null;

function checker(root: string): Checker {
  if (kept?.root === root) return kept;
  const options = compilerOptions(root);
  // A project file's version is its text's hash (two saves within one tick of the clock still
  // differ); a library's, its time and size (hashing every declaration file would cost more than checking).
  const version = (file: string) => {
    if (!existsSync(file)) return "gone";
    if (!file.includes("/node_modules/")) return createHash("sha1").update(readFileSync(file)).digest("hex");
    const { mtimeMs, size } = statSync(file);
    return `${mtimeMs}:${size}`;
  };
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => options,
    getScriptFileNames: () => courseCodeFiles(root).map((f) => join(root, f)),
    getScriptVersion: version,
    getScriptSnapshot: (file) => (existsSync(file) ? ts.ScriptSnapshot.fromString(readFileSync(file, "utf8")) : undefined),
    getCurrentDirectory: () => root,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: ts.sys.fileExists.bind(ts.sys),
    readFile: ts.sys.readFile.bind(ts.sys),
    readDirectory: ts.sys.readDirectory.bind(ts.sys),
    directoryExists: ts.sys.directoryExists.bind(ts.sys),
    getDirectories: ts.sys.getDirectories.bind(ts.sys),
  };
  kept = { root, service: ts.createLanguageService(host, ts.createDocumentRegistry()) };
  return kept;
}

/** A diagnostic as a problem: at its file, line and column, `type error: message (TSnnnn)`. */
function diagnosticProblem(root: string, d: ts.Diagnostic): Problem {
  const message = `type error: ${ts.flattenDiagnosticMessageText(d.messageText, " ")} (TS${d.code})`;
  if (!d.file || d.start === undefined) return problemAt(undefined, message);
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return problemAt(relative(root, d.file.fileName).split(sep).join("/"), message, { line: line + 1, column: character + 1 });
}

/**
 * The type errors of the course's own code (its course file, chapters and datasets),
 * checked as `astro check` would with the project's tsconfig. Run in a thread of its own
 * (src/checks/bounded.ts) by the development server, which shows them on the page.
 */
export function courseTypeProblems(root: string): Problem[] {
  const { service } = checker(root);
  const problems: Problem[] = [];
  for (const file of courseCodeFiles(root)) {
    const path = join(root, file);
    // A file that does not parse is reported by its syntax check (src/checks/checkCode.ts).
    if (service.getSyntacticDiagnostics(path).length) continue;
    const found = service.getSemanticDiagnostics(path);
    problems.push(...found.filter((d) => d.category === ts.DiagnosticCategory.Error).map((d) => diagnosticProblem(root, d)));
  }
  return problems;
}
