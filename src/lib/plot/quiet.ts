/**
 * Removes the aria-label Plot puts on its inner groups ("rect", "x-axis tick", ...) and hides the
 * drawing from assistive technology: the figure's wrapper (role="img") carries the text
 * alternative, and a table of the data sits beside it.
 */
export function quietPlot(root: Element): Element {
  for (const el of root.querySelectorAll("[aria-label], [aria-description]")) {
    el.removeAttribute("aria-label");
    el.removeAttribute("aria-description");
  }
  for (const svg of root.tagName.toLowerCase() === "svg" ? [root] : [...root.querySelectorAll("svg")])
    svg.setAttribute("aria-hidden", "true");
  return root;
}
