import type { AnyView } from "../../api/types.ts";
import { cellModulePath } from "../../lib/content/chapterModules.ts";

// Each interactive cell's browser code, chapters/<chapter>/<cell-id>.cell.ts: found by file
// name, each its own chunk (sharing Plot's). The map of them is in the page's first script, so
// that a figure's own chunk is fetched beside the code all figures share, not after it.
const VIEWS = import.meta.glob<{ default: AnyView }>("../../../chapters/**/*.cell.ts");
/** The project's root as the glob's keys start. */
const ROOT = "../../../";

/** A figure's cell code (by its chapter and cell id); an error naming the file when there is none. */
export async function cellView(figure: HTMLElement): Promise<AnyView> {
  const file = cellModulePath(figure.dataset.chapter ?? "", figure.dataset.cell ?? "");
  const load = VIEWS[ROOT + file];
  if (!load) throw new Error(`no browser code for cell "${figure.dataset.cell}" (${file})`);
  return (await load()).default;
}
