type Theme = "light" | "dark";

function current(): Theme {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === "light" || chosen === "dark") return chosen;
  return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

/** Wires the theme buttons: a press flips light/dark and remembers the choice. */
export function enableThemeToggle(root: ParentNode): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>("button.theme-toggle")) {
    // The visible label follows the theme by CSS; the pressed state is the script's to say.
    const show = () => {
      button.setAttribute("aria-pressed", String(current() === "dark"));
    };
    button.hidden = false;
    show();
    button.addEventListener("click", () => {
      const next: Theme = current() === "dark" ? "light" : "dark";
      document.documentElement.dataset.theme = next;
      try {
        localStorage.setItem("theme", next);
      } catch {
        // Private browsing: the choice lasts for this page only.
      }
      show();
    });
  }
}
