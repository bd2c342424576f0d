/**
 * Wires the header's search box (every page loads this, a few hundred bytes): the code that
 * searches and shows results (src/browser/page/searchResults.ts) and Pagefind's index load when
 * the reader first focuses the box or types in it, not before; what is typed meanwhile is
 * searched once they have.
 */
export function enableSearch(root: Document): void {
  const box = root.querySelector<HTMLElement>("[data-search]");
  if (!box) return;
  const input = box.querySelector<HTMLInputElement>("input")!;
  let search: Promise<(query: string) => Promise<void>> | null = null;
  const load = () => (search ??= import("./searchResults.ts").then((m) => m.searchResults(box)));
  const run = () => void load().then((show) => show(input.value));
  let timer = 0;
  box.hidden = false;
  box.querySelector("form")!.addEventListener("submit", (e) => {
    e.preventDefault();
    run();
  });
  input.addEventListener("focus", () => void load(), { once: true });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = window.setTimeout(run, 150);
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      input.value = "";
      clearTimeout(timer);
      box.querySelector(".search-results")?.replaceChildren();
    }
  });
}
