import { createRequire } from "node:module";
import type { Plugin } from "vite";
import { LEFT_OUT_OF_BROWSER } from "../lib/plot/browserPlot.ts";

const PREFIX = "\0course-left-out:";
const require = createRequire(import.meta.url);

/**
 * The browser's Plot without what src/lib/plot/browserPlot.ts leaves out: in the client build,
 * each of those d3 modules is a stand-in whose every export, once used, says that the figure
 * needs what was left out (the build refuses such a figure first). Plot imports them through
 * `d3`, and uses only names the figures never need.
 */
export function browserPlotPlugin(): Plugin {
  return {
    name: "course-browser-plot",
    enforce: "pre",
    applyToEnvironment: (environment) => environment.name === "client",
    resolveId: (id) => (Object.hasOwn(LEFT_OUT_OF_BROWSER, id) ? `${PREFIX}${id}` : null),
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const name = id.slice(PREFIX.length);
      // Node's own loader (require of an ES module), not the build's module runner.
      const exported = Object.keys(require(name) as object).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== "default");
      const message = JSON.stringify(`${name} is not in the browser's Plot (${LEFT_OUT_OF_BROWSER[name]!})`);
      // Calling an export gives the same stand-in (Plot makes a d3-geo transform when it loads);
      // reading anything from it throws, saying what was left out.
      return [
        `const leftOut = () => { throw new Error(${message}); };`,
        "const standIn = new Proxy(function () {}, { get: leftOut, apply: () => standIn, construct: () => standIn });",
        ...exported.map((n) => `export { standIn as ${n} };`),
      ].join("\n");
    },
  };
}
