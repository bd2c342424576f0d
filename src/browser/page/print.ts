/**
 * Prints the whole chapter: closed disclosures (solutions, hidden cells, data tables) open for
 * printing and close again afterwards. Without JavaScript, their summaries are printed.
 */
export function openDisclosuresForPrint(root: Document): void {
  let opened: HTMLDetailsElement[] = [];
  window.addEventListener("beforeprint", () => {
    opened = [...root.querySelectorAll<HTMLDetailsElement>("article details:not([open])")];
    for (const d of opened) d.open = true;
  });
  window.addEventListener("afterprint", () => {
    for (const d of opened) d.open = false;
    opened = [];
  });
}
