import { describe, expect, it } from "vitest";
import { colabUrl } from "../../src/notebook/links.ts";
import { siteSettings } from "../../src/lib/settings.ts";

/** The environment\'s settings, for a course in English and Japanese. */
const envSettings = (env: Record<string, string>) => siteSettings(env, { sourceLocale: "en", localeOrder: ["ja", "en"] });

describe("Open in Colab", () => {
  it("points at the notebook's path on the branch of a GitHub repository", () => {
    expect(colabUrl("https://github.com/acme/course", "notebooks", "ja/w1d1/tutorial1/notebook.ipynb")).toBe(
      "https://colab.research.google.com/github/acme/course/blob/notebooks/ja/w1d1/tutorial1/notebook.ipynb",
    );
    expect(colabUrl("https://github.com/acme/course.git", "pub/nb", "en/x/notebook.ipynb")).toBe(
      "https://colab.research.google.com/github/acme/course/blob/pub/nb/en/x/notebook.ipynb",
    );
  });

  it("is absent without a GitHub repository or a branch, and a bad branch name stops the build", () => {
    expect(colabUrl("https://gitlab.com/acme/course", "main", "x")).toBeNull();
    expect(colabUrl("https://github.com/acme/course", null, "x")).toBeNull();
    expect(colabUrl(null, "main", "x")).toBeNull();
    expect(envSettings({ NOTEBOOK_BRANCH: " notebooks " }).notebookBranch).toBe("notebooks");
    for (const bad of ["../x", "a b", "x;rm", "-".repeat(101)])
      expect(() => envSettings({ NOTEBOOK_BRANCH: bad })).toThrow(/^NOTEBOOK_BRANCH must be a branch name/);
  });
});
