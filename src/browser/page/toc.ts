/** The id of the section being read: the last heading above a line a third of the way down the screen (at the end of the page, above its bottom). */
export function currentSection(root: Document): string | null {
  // At the very end of the page the last sections cannot reach that line: the bottom counts.
  const atEnd = window.scrollY + window.innerHeight >= root.documentElement.scrollHeight - 2;
  const line = atEnd ? window.innerHeight : window.innerHeight / 3;
  let current: string | null = null;
  for (const h of root.querySelectorAll<HTMLElement>("article h2[id], article h3[id]")) {
    if (h.getBoundingClientRect().top <= line) current = h.id;
    else break;
  }
  return current;
}

/**
 * The table of contents follows the reader: the link of the section being read is marked
 * (`aria-current`), at every width. On wide screens the contents are open beside the text;
 * on phones they stay closed until asked for, and close again once a section is chosen.
 */
export function followSections(root: Document): void {
  const toc = root.querySelector<HTMLElement>("[data-toc]");
  if (!toc) return;
  const details = toc.querySelector("details")!;
  const wide = matchMedia("(min-width: 60rem)");
  const place = () => {
    details.open = wide.matches;
  };
  place();
  wide.addEventListener("change", place);
  toc.addEventListener("click", (event) => {
    if (!wide.matches && (event.target as Element).closest("a")) details.open = false;
  });
  // The header's "Contents" link (phones) opens them where they are, and takes the keyboard there:
  // the nav itself cannot hold focus, which would otherwise stay on the page behind.
  // One "Contents" at a time: the header's link only once the contents' own heading is off screen.
  const summary = details.querySelector("summary");
  const headerLinks = [...root.querySelectorAll<HTMLElement>("[data-open-toc]")];
  if (summary && "IntersectionObserver" in window)
    new IntersectionObserver(([entry]) => {
      for (const link of headerLinks) link.toggleAttribute("data-toc-in-view", entry?.isIntersecting ?? false);
    }).observe(summary);
  for (const link of root.querySelectorAll("[data-open-toc]"))
    link.addEventListener("click", (event) => {
      event.preventDefault();
      details.open = true;
      toc.scrollIntoView();
      details.querySelector<HTMLElement>("summary")?.focus({ preventScroll: true });
    });
  let marked: HTMLElement | null = null;
  let pending = false;
  const mark = () => {
    pending = false;
    const id = currentSection(root);
    const link = id ? toc.querySelector<HTMLElement>(`a[data-section="${id}"]`) : null;
    if (link === marked) return;
    marked?.removeAttribute("aria-current");
    link?.setAttribute("aria-current", "location");
    marked = link;
  };
  window.addEventListener(
    "scroll",
    () => {
      if (!pending) {
        pending = true;
        requestAnimationFrame(mark);
      }
    },
    { passive: true },
  );
  mark();
}
