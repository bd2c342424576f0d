import type { AnyView } from "../../api/types.ts";

// Each interactive cell's browser code is a chunk of its own; its figure names it (`data-module`)
// and the chunks it imports (`data-module-deps`, fetched side by side with it, not one after the
// other). The scripts every page shares name no cell, so a chapter added changes none of them.
const preloaded = new Set<string>();

/** Asks the browser for a module ahead of its import, once per page. */
function preload(href: string): void {
  if (preloaded.has(href)) return;
  preloaded.add(href);
  const link = document.createElement("link");
  link.rel = "modulepreload";
  link.href = href;
  document.head.append(link);
}

/** A figure's cell code; an error naming the cell when the page gives none. */
export async function cellView(figure: HTMLElement): Promise<AnyView> {
  const src = figure.dataset.module;
  if (!src) throw new Error(`no browser code for cell "${figure.dataset.cell ?? ""}"`);
  for (const dep of (figure.dataset.moduleDeps ?? "").split(" ")) if (dep) preload(dep);
  return ((await import(/* @vite-ignore */ src)) as { default: AnyView }).default;
}
