import { currentSection } from "./toc.ts";

/**
 * The language links keep the reader's place: the same section (the address's fragment, or
 * the section being read) and the same figure states (the address's query) in the other
 * language, whose pages share every id.
 */
export function keepPlace(root: Document): void {
  for (const link of root.querySelectorAll<HTMLAnchorElement>(".language-switch a[hreflang]")) {
    const base = link.getAttribute("href")!.replace(/[?#].*$/, "");
    const update = () => {
      const fragment = location.hash || (currentSection(root) ? `#${currentSection(root)}` : "");
      link.href = base + location.search + fragment;
    };
    for (const type of ["pointerdown", "focus", "click"]) link.addEventListener(type, update);
  }
}
