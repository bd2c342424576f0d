import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

/**
 * A Python 3 with numpy, matplotlib and nbformat (Debian's, which `.ci/run` installs), or null
 * with the reason. Debian's own interpreter is tried first: a version manager's shim may lack
 * the system packages.
 */
export function pythonWithScience(): { python: string | null; reason: string } {
  for (const python of ["/usr/bin/python3", "python3"]) {
    if (python.startsWith("/") && !existsSync(python)) continue;
    try {
      execFileSync(python, ["-c", "import numpy, matplotlib, nbformat"], { stdio: "ignore" });
      return { python, reason: "" };
    } catch {
      // try the next
    }
  }
  return {
    python: null,
    reason: "no python3 with numpy, matplotlib and nbformat (apt-get install python3-numpy python3-matplotlib python3-nbformat)",
  };
}
