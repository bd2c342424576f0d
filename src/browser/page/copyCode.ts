/** Shows every code cell's copy button and makes it copy the cell's code. */
export function enableCopyButtons(root: ParentNode): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>("button.copy")) {
    const code = button.parentElement?.querySelector("pre code");
    // Clipboard access needs a secure context (https or localhost); elsewhere the button stays hidden.
    if (!code || !window.isSecureContext) continue;
    const label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", () => {
      void navigator.clipboard.writeText(code.textContent).then(() => {
        button.textContent = button.dataset.copied ?? label;
        setTimeout(() => (button.textContent = label), 1500);
      });
    });
  }
}
