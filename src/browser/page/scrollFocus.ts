/**
 * A code block or table that scrolls sideways must be reachable by keyboard, so the build gives
 * it `tabindex="0"`; one that fits needs no Tab stop of its own. Keeps the stop only on boxes
 * that overflow, and checks again whenever a box changes size (a phone turned, a table opened).
 */
export function focusOnlyScrollers(root: Document): void {
  const boxes = [...root.querySelectorAll<HTMLElement>("pre[tabindex], .table-scroll[tabindex]")];
  const update = (box: HTMLElement) => {
    // Sideways, or down where a box has a height limit (a pre's last line may overhang by a pixel or two).
    const down = getComputedStyle(box).maxHeight !== "none" && box.scrollHeight > box.clientHeight + 2;
    const scrolls = box.scrollWidth > box.clientWidth + 1 || down;
    if (scrolls) box.tabIndex = 0;
    else if (root.activeElement !== box) box.removeAttribute("tabindex");
  };
  if (!("ResizeObserver" in window)) return;
  const observer = new ResizeObserver((entries) => {
    for (const e of entries) update(e.target as HTMLElement);
  });
  for (const box of boxes) observer.observe(box);
  // A late font changes what overflows without changing any box's size.
  void root.fonts.ready.then(() => {
    for (const box of boxes) update(box);
  });
}
