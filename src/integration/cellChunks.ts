import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Plugin } from "vite";
import { CELL_CHUNKS_FILE, FIGURE_LOADER, type CellChunks } from "../course/storeFiles.ts";

/** What of the build's output this reads: each file's kind, the module it is for and, for code, the files it imports statically. */
type Bundle = Readonly<
  Record<string, { readonly type: string; readonly facadeModuleId?: string | null; readonly imports?: readonly string[] }>
>;

/** Every chunk a chunk imports statically, itself left out (what must arrive before it runs). */
function staticImports(bundle: Bundle, fileName: string): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    const chunk = bundle[name];
    if (chunk?.type !== "chunk") return;
    for (const dep of chunk.imports ?? [])
      if (!seen.has(dep)) {
        seen.add(dep);
        visit(dep);
      }
  };
  visit(fileName);
  return [...seen].sort();
}

/**
 * Each interactive cell's browser code (chapters/<chapter>/<cell>.cell.ts) as an entry of its own
 * in the client build, and the address of each (with the chunks it imports) in the store, for the
 * page to write on the figure (`data-module`). The page's shared scripts then name no cell: a
 * chapter added to the course adds its own chunks and leaves every other file as it was. The
 * figures' shared loader (FIGURE_LOADER, a chunk of the page's own script) is recorded too, so a
 * page opened at a figure can fetch it from its head with the figure's own code.
 */
export function cellChunksPlugin(options: { root: string; storeDir: () => string; cellFiles: () => readonly string[] }): Plugin {
  const refs = new Map<string, string>();
  return {
    name: "course-cell-chunks",
    apply: "build",
    applyToEnvironment: (environment) => environment.name === "client",
    buildStart() {
      refs.clear();
      for (const file of options.cellFiles())
        refs.set(file, this.emitFile({ type: "chunk", id: join(options.root, file), preserveSignature: "allow-extension" }));
    },
    generateBundle(_output, bundle) {
      const base = this.environment.config.base.replace(/\/?$/, "/");
      const chunks: Record<string, CellChunks[string]> = {};
      for (const [file, ref] of refs) {
        const fileName = this.getFileName(ref);
        chunks[file] = { src: base + fileName, deps: staticImports(bundle, fileName).map((f) => base + f) };
      }
      const loader = Object.entries(bundle).find(([, c]) => c.type === "chunk" && c.facadeModuleId === join(options.root, FIGURE_LOADER));
      if (loader) chunks[FIGURE_LOADER] = { src: base + loader[0], deps: staticImports(bundle, loader[0]).map((f) => base + f) };
      writeFileSync(join(options.storeDir(), CELL_CHUNKS_FILE), JSON.stringify(chunks));
    },
  };
}
