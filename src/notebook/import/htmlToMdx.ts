import type { Element, Root as HastRoot, RootContent as HastContent } from "hast";
import { raw } from "hast-util-raw";
import { toMdast, type Handle, type State } from "hast-util-to-mdast";
import type { Nodes as MdastNodes, PhrasingContent, Root as MdastRoot } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown, gfmToMarkdown } from "mdast-util-gfm";
import { mathFromMarkdown, mathToMarkdown } from "mdast-util-math";
import { mdxToMarkdown } from "mdast-util-mdx";
import { toHast } from "mdast-util-to-hast";
import { toMarkdown } from "mdast-util-to-markdown";
import { gfm } from "micromark-extension-gfm";
import { math } from "micromark-extension-math";

/** What an `<img>` becomes in the chapter: a copied image, a link to a remote one, or a note in its place. */
export type ImageResult =
  | { readonly kind: "image"; readonly url: string; readonly alt: string }
  | { readonly kind: "link"; readonly url: string; readonly text: string }
  | { readonly kind: "note"; readonly text: string };

export interface HtmlConversion {
  /** The block as MDX: what the HTML meant, everything else text that compiles. */
  readonly mdx: string;
  /** What changed, in words, for the importer's report ("a Colab badge dropped"). */
  readonly changes: readonly string[];
}

/** Inline tags a chapter may hold (the content policy's), kept as they are, attributes dropped. */
const KEPT_INLINE = new Set([
  "abbr",
  "b",
  "cite",
  "code",
  "em",
  "i",
  "kbd",
  "mark",
  "q",
  "s",
  "samp",
  "small",
  "strong",
  "sub",
  "sup",
  "var",
]);

const className = (el: Element): string[] => {
  const c: unknown = el.properties.className;
  return Array.isArray(c) ? c.map(String) : typeof c === "string" ? c.split(/\s+/) : [];
};
const textOf = (node: HastContent | HastRoot): string =>
  node.type === "text" ? node.value : "children" in node ? (node.children as HastContent[]).map(textOf).join("") : "";
const attribute = (el: Element, name: string): string | null => {
  const v = el.properties[name];
  return v === undefined || v === null || v === false ? null : Array.isArray(v) ? v.join(" ") : String(v);
};

/** A "Open in Colab" / "Open in Kaggle" badge: the site makes its own links to the notebook. */
function isBadge(el: Element): boolean {
  if (el.tagName !== "a") return false;
  const href = attribute(el, "href") ?? "";
  if (/colab\.research\.google\.com|kaggle\.com\/kernels|mybinder\.org/i.test(href)) return true;
  const images = el.children.filter((c): c is Element => c.type === "element" && c.tagName === "img");
  return images.length > 0 && images.every((img) => /open\s+in\s+(colab|kaggle)/i.test(attribute(img, "alt") ?? ""));
}

/**
 * Markdown that holds HTML a chapter cannot (a notebook's badges, centred sponsor images,
 * solution images with sizes, `<details>`, `<font>`), turned into what it means: the Markdown
 * is read with the HTML in it (CommonMark, GFM, maths), the HTML parsed as a browser would,
 * badges dropped, wrappers (`<p align>`, `<center>`, `<div>`, `<font>`) unwrapped, images given
 * to `image` (copied beside the chapter, or linked when remote), links kept as links, `<br>`,
 * `<sub>`, `<sup>` and the other inline tags a chapter allows kept, `<details>` as its summary
 * in bold followed by its content; then written as MDX, so whatever is left is escaped text.
 */
export function htmlMarkdownToMdx(source: string, image: (alt: string, src: string) => ImageResult): HtmlConversion {
  const changes: string[] = [];
  const note = (what: string) => {
    if (!changes.includes(what)) changes.push(what);
  };
  const mdast = fromMarkdown(quoteAttributes(source), {
    extensions: [gfm(), math()],
    mdastExtensions: [gfmFromMarkdown(), mathFromMarkdown()],
  });
  const hast = raw(toHast(mdast, { allowDangerousHtml: true })) as HastRoot;

  // HTML the page cannot hold, replaced by what it means before it becomes Markdown again.
  const clean = (parent: HastRoot | Element): void => {
    const out: HastContent[] = [];
    for (const child of parent.children as HastContent[]) {
      if (child.type === "comment") {
        note("an HTML comment dropped");
        continue;
      }
      if (child.type !== "element") {
        out.push(child);
        continue;
      }
      if (isBadge(child)) {
        note("a Colab/Kaggle badge dropped (the site links to its own notebook)");
        continue;
      }
      if (
        ["script", "style", "iframe", "object", "embed", "form", "input", "button", "video", "audio", "svg", "math"].includes(child.tagName)
      ) {
        note(`<${child.tagName}> dropped`);
        continue;
      }
      if (child.tagName === "details") {
        // A fold readers open, as the notebook has it: <Fold summary="…"> (its content made safe like the rest).
        const summary = child.children.find((c): c is Element => c.type === "element" && c.tagName === "summary");
        const rest = child.children.filter((c) => c !== summary);
        const body: Element = { type: "element", tagName: "div", properties: {}, children: rest };
        clean(body);
        const label = (summary ? textOf(summary) : "").replace(/\s+/g, " ").trim() || "Details";
        out.push({ type: "element", tagName: "details", properties: { dataSummary: label }, children: body.children });
        note("<details> as a fold readers open (<Fold>)");
        continue;
      }
      if (
        ["center", "font", "span", "div", "section", "article", "figure", "u", "big", "tt", "nobr"].includes(child.tagName) ||
        (child.tagName === "p" && attribute(child, "align"))
      ) {
        if (child.tagName !== "div" && child.tagName !== "span")
          note(`<${child.tagName}${child.tagName === "p" ? " align" : ""}> unwrapped`);
      }
      clean(child);
      out.push(child);
    }
    parent.children = out;
  };
  clean(hast);

  const jsx =
    (name: string): Handle =>
    (state: State, node: Element) => {
      const children = state.all(node) as PhrasingContent[];
      return { type: "mdxJsxTextElement", name, attributes: [], children } as unknown as PhrasingContent;
    };
  const handlers: Record<string, Handle> = Object.fromEntries(
    ["sub", "sup", "kbd", "abbr", "cite", "mark", "q", "samp", "small", "var"].map((name) => [name, jsx(name)]),
  );
  // Maths comes back as maths (Markdown's $…$ went through HTML as code with a math class).
  handlers.code = (_state: State, node: Element) => {
    if (className(node).includes("math-inline")) return { type: "inlineMath", value: textOf(node) } as unknown as PhrasingContent;
    return { type: "inlineCode", value: textOf(node) };
  };
  handlers.pre = (_state: State, node: Element) => {
    const code = node.children.find((c): c is Element => c.type === "element" && c.tagName === "code");
    if (code && className(code).includes("math-display")) return { type: "math", value: textOf(code).replace(/\n$/, "") } as never;
    const lang = code
      ? className(code)
          .find((c) => c.startsWith("language-"))
          ?.slice("language-".length)
      : undefined;
    return { type: "code", lang: lang ?? null, value: textOf(code ?? node).replace(/\n$/, "") };
  };
  handlers.details = (state: State, node: Element) =>
    ({
      type: "mdxJsxFlowElement",
      name: "Fold",
      attributes: [{ type: "mdxJsxAttribute", name: "summary", value: String(node.properties.dataSummary ?? "Details") }],
      children: state.all(node),
    }) as never;
  handlers.img = (_state: State, node: Element) => {
    const src = attribute(node, "src") ?? "";
    const alt = attribute(node, "alt") ?? "";
    const result = image(alt, src);
    if (result.kind === "image") {
      note(`<img> as an image (${result.url})`);
      return { type: "image", url: result.url, alt: result.alt };
    }
    if (result.kind === "link") {
      note("a remote image as a link to it");
      return { type: "link", url: result.url, children: [{ type: "text", value: result.text }] };
    }
    note("an image that could not be copied named in its place");
    return { type: "emphasis", children: [{ type: "text", value: result.text }] };
  };

  const back = toMdast(hast, { handlers }) as MdastRoot;
  // Markdown images inside the HTML path (![a](b)) go through the same mapping.
  const visit = (node: MdastNodes): void => {
    if (!("children" in node)) return;
    node.children = node.children.map((child) => {
      if (child.type === "image" && !child.url.startsWith("./")) {
        const result = image(child.alt ?? "", child.url);
        if (result.kind === "image") return { ...child, url: result.url, alt: result.alt };
        if (result.kind === "link") return { type: "link", url: result.url, children: [{ type: "text", value: result.text }] };
        return { type: "emphasis", children: [{ type: "text", value: result.text }] };
      }
      visit(child);
      return child;
    });
  };
  visit(back);
  const mdx = toMarkdown(back, {
    extensions: [mdxToMarkdown(), mathToMarkdown(), gfmToMarkdown()],
    bullet: "-",
    emphasis: "*",
    rule: "-",
  }).trim();
  return { mdx, changes };
}

/**
 * Tags with unquoted attribute values quoted (`src=https://host/a.png` → `src="https://host/a.png"`),
 * outside code spans: browsers read such tags, CommonMark does not when a value holds a `/`.
 */
export function quoteAttributes(source: string): string {
  return source
    .split(/(`+[^`]*`+)/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/<[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?>/g, (tag) =>
            tag.replace(/(\s[a-zA-Z_:][\w.:-]*)=([^\s"'=<>`]+?)(?=\s|\/?>$)/g, '$1="$2"'),
          ),
    )
    .join("");
}

/** An HTML tag in a paragraph's text outside code spans that is not one the line-by-line import maps. */
export function hasUnknownTagText(text: string): boolean {
  return text
    .split(/(`+[^`]*`+)/)
    .some((part, i) => i % 2 === 0 && (part.match(/<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?\/?>/g) ?? []).some((tag) => !isKnownTag(tag)));
}

/** Whether a tag is one a chapter holds as it is (or one the line-by-line import already maps). */
export function isKnownTag(tag: string): boolean {
  const m = /^<\/?([a-z]+)/i.exec(tag);
  if (!m) return false;
  const name = m[1]!.toLowerCase();
  if (/^<br\s*\/?>$/i.test(tag)) return true;
  if (/^<span data-value="[\w-]+">$|^<\/span>$|^<span lang="[A-Za-z-]+">$/.test(tag)) return true;
  if (/^<a\s+(?:name|id)="[^"]*"\s*>$|^<\/a>$/.test(tag)) return true;
  return KEPT_INLINE.has(name) && /^<\/?[a-z]+>$/.test(tag);
}
