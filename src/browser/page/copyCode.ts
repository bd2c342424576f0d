/**
 * Shows every code cell's copy button and makes it copy the cell's code. A code block is one Tab
 * stop: its code when it scrolls sideways (a keyboard reader needs to reach it; Enter there
 * copies), otherwise its button.
 */
export function enableCopyButtons(root: ParentNode): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>("button.copy")) {
    const pre = button.parentElement?.querySelector("pre");
    const code = pre?.querySelector("code");
    // Clipboard access needs a secure context (https or localhost); elsewhere the button stays hidden.
    if (!pre || !code || !window.isSecureContext) continue;
    const label = button.textContent;
    button.hidden = false;
    const copy = () => {
      void navigator.clipboard.writeText(code.textContent).then(() => {
        button.textContent = button.dataset.copied ?? label;
        setTimeout(() => (button.textContent = label), 1500);
      });
    };
    button.addEventListener("click", copy);
    pre.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      copy();
    });
    // The block's one stop follows whether its code scrolls (src/browser/page/scrollFocus.ts decides).
    const oneStop = () => {
      const codeIsTheStop = pre.hasAttribute("tabindex") && pre.tabIndex >= 0;
      button.tabIndex = codeIsTheStop ? -1 : 0;
      if (codeIsTheStop) pre.setAttribute("aria-keyshortcuts", "Enter");
      else pre.removeAttribute("aria-keyshortcuts");
    };
    oneStop();
    new MutationObserver(oneStop).observe(pre, { attributes: true, attributeFilter: ["tabindex"] });
  }
}
