import { posix } from "node:path";
import { printable } from "../text/printable.ts";
import { IMAGE_EXTENSIONS } from "./limits.ts";

/**
 * What an image reference in a chapter names: a file of the chapter's own folder, as a plain
 * relative path (`figure.png`, `./img/figure.svg`), or why it may not be used. The compiler
 * decodes `%xx` and turns any path without a scheme into an import of that file, so the rule
 * is applied to the decoded text: no scheme, no absolute path, no `..` out of the folder, no
 * query (`?raw` would read any file as text) or fragment, and an image extension.
 */
export function chapterImagePath(url: string): { path: string } | { problem: string } {
  const shown = printable(url, 60);
  let decoded: string;
  try {
    decoded = decodeURI(url.trim());
  } catch {
    return { problem: `image "${shown}" is not a valid address` };
  }
  if (/[?#]/.test(decoded)) return { problem: `image "${shown}": a query (?…) or fragment (#…) is not allowed, only a file name` };
  if (/^[a-z][a-z0-9+.-]*:/i.test(decoded) || decoded.startsWith("//"))
    return { problem: `image "${shown}" is not allowed: images must be files in the chapter's folder, not addresses` };
  if (decoded.startsWith("/"))
    return { problem: `image "${shown}" is not allowed: write the path relative to the chapter's folder (figure.png)` };
  // eslint-disable-next-line no-control-regex -- control characters in a path are refused on purpose
  if (/[\\\u0000-\u001f\u007f]/.test(decoded)) return { problem: `image "${shown}": backslashes and control characters are not allowed` };
  const path = posix.normalize(decoded);
  if (path === "." || path.startsWith("../") || path === "..")
    return { problem: `image "${shown}" is outside the chapter's folder: only files beside the chapter may be shown` };
  const ext = posix.extname(path).slice(1).toLowerCase();
  if (!(IMAGE_EXTENSIONS as readonly string[]).includes(ext))
    return { problem: `image "${shown}" is not an image file (allowed: ${IMAGE_EXTENSIONS.join(", ")})` };
  return { path };
}
