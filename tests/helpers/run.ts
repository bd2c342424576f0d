import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * This process's environment without what Vitest adds (BASE_URL, MODE, NODE_ENV, VITEST_*):
 * a child build would otherwise take Vitest's BASE_URL for its own base path.
 */
export function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST.*|BASE_URL|MODE|NODE_ENV|DEV|PROD|SSR)$/.test(key)));
}

/**
 * Runs one of scripts/*.ts (or a course's `*.command.ts`, by its path) as npm runs the commands:
 * Node runs the TypeScript itself. Asynchronous (so a server in this process keeps serving), in
 * the project or in a copy of it (`cwd`).
 */
export function runScript(script: string, args: string[] = [], env: Record<string, string> = {}, cwd = ROOT): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [script.includes("/") ? script : `scripts/${script.replace(/\.ts$/, "")}.ts`, ...args],
      { cwd, env: { ...cleanEnv(), ...env }, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
