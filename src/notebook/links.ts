/**
 * "Open in Colab" for a notebook kept in a GitHub repository: the built notebooks are committed
 * to `branch` at their paths on the site (`<locale>/<chapter>/notebook.ipynb`, README says
 * how). Null when the repository is not on GitHub or no branch is given.
 */
export function colabUrl(repository: string | null, branch: string | null, path: string): string | null {
  if (!repository || !branch) return null;
  const m = /^https:\/\/github\.com\/([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(repository);
  if (!m) return null;
  return `https://colab.research.google.com/github/${m[1]}/${m[2]}/blob/${branch.split("/").map(encodeURIComponent).join("/")}/${path}`;
}
