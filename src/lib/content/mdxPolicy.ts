import type { Root } from "mdast";
import { definitions } from "mdast-util-definitions";
import type { MdxJsxAttribute, MdxJsxExpressionAttribute } from "mdast-util-mdx";
import { toString } from "mdast-util-to-string";
import { visitParents } from "unist-util-visit-parents";
import { printable } from "../text/printable.ts";
import { COMPONENTS, type ChapterIds } from "./components.ts";
import { chapterImagePath } from "./imagePath.ts";
import { reservedIdProblem } from "./pageIds.ts";

/** A problem in a chapter's MDX, at a line of the file. */
export interface ContentProblem {
  readonly line: number;
  readonly message: string;
}

/**
 * The raw HTML a chapter may use, with the attributes each may carry: inline text semantics
 * only. Nothing that loads, runs, styles or redirects (script, style, meta, link, iframe,
 * object, embed, form, img ...), no event handlers, no style attributes.
 */
export const HTML_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  abbr: ["title"],
  b: [],
  br: [],
  cite: [],
  code: [],
  em: [],
  i: [],
  kbd: [],
  mark: [],
  q: [],
  s: [],
  samp: [],
  small: [],
  span: ["lang", "data-i18n-ignore"],
  strong: [],
  sub: [],
  sup: [],
  var: [],
};

// Links may go to the web, to mail, within the page or the site; never run code or embed data.
const SAFE_LINK = /^(?:https?:\/\/|mailto:|#|\/(?!\/)|\.{1,2}\/|[\w.~-]+(?:[/?#]|$))/i;
// What may not be inside a prop: it is one line of text wherever it goes (a page, a notebook's `# @title` line).
// eslint-disable-next-line no-control-regex -- control characters are what is refused
const ONE_LINE_BREAKER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const ID_SUFFIX = /\{#([A-Za-z][\w-]*)\}\s*$/;

const lineOf = (node: { position?: { start: { line: number } } | undefined }) => node.position?.start.line ?? 1;

/** A prop's literal value, or null when it is not one (an expression, a spread). */
function literal(attr: MdxJsxAttribute | MdxJsxExpressionAttribute): string | true | null {
  if (attr.type !== "mdxJsxAttribute") return null;
  if (attr.value === null || attr.value === undefined) return true;
  return typeof attr.value === "string" ? attr.value : null;
}

function checkElement(
  name: string | null,
  attributes: readonly (MdxJsxAttribute | MdxJsxExpressionAttribute)[],
  line: number,
  ids: ChapterIds | null,
  problems: ContentProblem[],
): void {
  const at = (message: string): void => {
    problems.push({ line, message });
  };
  if (name === null) {
    at("fragments (<>…</>) are not allowed");
    return;
  }
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) {
    at(`<${printable(name, 40)}> is not allowed: only the documented components and plain HTML`);
    return;
  }
  const props: Record<string, string | true> = {};
  for (const attr of attributes) {
    const value = literal(attr);
    if (attr.type === "mdxJsxExpressionAttribute") at(`<${name}>: spread props ({...}) are not allowed`);
    else if (value === null) at(`<${name}>: prop "${printable(attr.name, 40)}" must be a literal ("text"), not a {…} expression`);
    else {
      if (typeof value === "string" && ONE_LINE_BREAKER.test(value))
        at(`<${name}>: prop "${printable(attr.name, 40)}" holds a line break or control character; a prop is one line of text`);
      props[attr.name] = value;
    }
  }
  if (/^[A-Z]/.test(name)) {
    const rule = COMPONENTS[name];
    if (!rule) {
      at(`<${name}>: unknown component (components: ${Object.keys(COMPONENTS).join(", ")})`);
      return;
    }
    const allowed = [...rule.required, ...rule.optional];
    for (const prop of Object.keys(props))
      if (!allowed.includes(prop)) at(`<${name}>: unknown prop "${printable(prop, 40)}" (props: ${allowed.join(", ") || "none"})`);
    for (const prop of rule.required) if (!(prop in props)) at(`<${name}>: missing prop "${prop}"`);
    const wrong = rule.check?.(props, ids);
    if (wrong) at(`<${name}>: ${wrong}`);
    return;
  }
  const allowedAttributes = HTML_ELEMENTS[name];
  if (!allowedAttributes) {
    at(`<${name}> is not allowed in a chapter (raw HTML may be only: ${Object.keys(HTML_ELEMENTS).join(", ")})`);
    return;
  }
  for (const prop of Object.keys(props)) {
    if (/^on/i.test(prop)) at(`<${name}>: event handlers (${printable(prop, 40)}) are not allowed`);
    else if (!allowedAttributes.includes(prop))
      at(`<${name}>: attribute "${printable(prop, 40)}" is not allowed (allowed: ${allowedAttributes.join(", ") || "none"})`);
  }
}

/** An image a chapter shows: the address as written (a Markdown image, or the definition an image reference uses) and its line. */
export interface ImageUse {
  readonly url: string;
  readonly line: number;
}

/**
 * Every image of a chapter as the compiler finds them: `![alt](url)`, and `![alt][ref]` through
 * its definition (the compiler imports each local one as a module, so each must be checked).
 * Returns the nodes whose `url` names the file, with the line of the use.
 */
export function chapterImageNodes(tree: Root): { node: { url: string }; line: number }[] {
  const definition = definitions(tree);
  const found: { node: { url: string }; line: number }[] = [];
  visitParents(tree, (node) => {
    if (node.type === "image") found.push({ node, line: lineOf(node) });
    else if (node.type === "imageReference") {
      const d = definition(node.identifier);
      if (d) found.push({ node: d, line: lineOf(node) });
    }
  });
  return found;
}

/** Every image of a chapter: its address and the line it is used on. */
export function chapterImages(tree: Root): ImageUse[] {
  return chapterImageNodes(tree).map(({ node, line }) => ({ url: node.url, line }));
}

/**
 * Checks a chapter's syntax tree before anything is compiled or run: a chapter holds prose,
 * the documented components with literal props and a little inline HTML; no import/export, no
 * `{…}` expressions, no active or loading HTML, no links that run code, images only as plain
 * file names, headings at the top level with unique ids that are not the page's own. With
 * `ids`, component props are also checked against what the chapter computes.
 */
export function checkMdxPolicy(tree: Root, ids: ChapterIds | null = null): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const seen = new Map<string, number>();
  const videos = new Map<string, number>();
  const cells = ids?.cells ?? [];
  // visitParents, not visit: visit looks each node up among its siblings (quadratic in a wide node).
  visitParents(tree, (node, parents) => {
    const parent = parents.at(-1);
    const line = lineOf(node);
    switch (node.type) {
      case "mdxjsEsm":
        problems.push({ line, message: "import and export are not allowed: a chapter holds text, components and figures, not code" });
        break;
      case "mdxFlowExpression":
      case "mdxTextExpression":
        problems.push({
          line,
          message: "{…} expressions are not allowed: write text, or a component with literal props (escape a brace as \\{)",
        });
        break;
      case "mdxJsxFlowElement":
      case "mdxJsxTextElement":
        checkElement(node.name, node.attributes, line, ids, problems);
        if (node.name === "Video") {
          const id = node.attributes.find((a) => a.type === "mdxJsxAttribute" && a.name === "id")?.value;
          if (typeof id === "string") {
            if (videos.has(id))
              problems.push({ line, message: `<Video>: the id "${printable(id, 40)}" is already used at line ${videos.get(id)}` });
            else videos.set(id, line);
          }
        }
        break;
      case "link":
      case "definition":
        if (!SAFE_LINK.test(node.url.trim()))
          problems.push({
            line,
            message: `link to "${printable(node.url, 60)}" is not allowed (http, https, mailto or a path on the site)`,
          });
        break;
      case "heading": {
        if (parent && parent.type !== "root") {
          problems.push({ line, message: "a heading must stand on its own at the top level (not inside a list, quote or component)" });
          break;
        }
        const id = ID_SUFFIX.exec(toString(node))?.[1];
        if (!id)
          problems.push({
            line,
            message: `heading "${printable(toString(node), 60)}" has no stable id (write it as: ## Title \\{#some-id\\})`,
          });
        else if (seen.has(id))
          problems.push({
            line,
            message: `section id "${id}" is already used at line ${seen.get(id)}; give each section an id of its own`,
          });
        else {
          seen.set(id, line);
          const reserved = reservedIdProblem(id, cells);
          if (reserved) problems.push({ line, message: `section id "${id}" cannot be used: ${reserved}` });
        }
        break;
      }
    }
  });
  for (const image of chapterImages(tree)) {
    const named = chapterImagePath(image.url);
    if ("problem" in named) problems.push({ line: image.line, message: named.problem });
  }
  return problems.sort((a, b) => a.line - b.line);
}
