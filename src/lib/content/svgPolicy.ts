import { printable } from "../text/printable.ts";
import { CONTENT_LIMITS } from "./limits.ts";

/**
 * SVG elements a chapter's drawing may use: shapes, text, grouping, paint servers, clipping,
 * masks, markers and filter primitives. Nothing that runs (script, event handlers, animation
 * that can rewrite a link), embeds another document (foreignObject, iframe) or loads from
 * elsewhere (feImage; `image` only with an inline raster).
 */
const ELEMENTS = new Set(
  (
    "svg g defs symbol use title desc path rect circle ellipse line polyline polygon text tspan textPath " +
    "clipPath mask pattern marker linearGradient radialGradient stop style image a switch view " +
    "filter feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting " +
    "feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR feGaussianBlur " +
    "feMerge feMergeNode feMorphology feOffset fePointLight feSpecularLighting feSpotLight feTile feTurbulence metadata"
  ).split(" "),
);
// Inside <metadata>: the RDF description drawing tools write (matplotlib, Inkscape). Never rendered.
const METADATA_PREFIXES = /^(rdf|cc|dc|dcterms|sodipodi|inkscape):/;

const NAME = /[A-Za-z_][\w.:-]*/y;
const SPACE = /[ \t\r\n]*/y;
const ATTRIBUTE = /([A-Za-z_][\w.:-]*)[ \t\r\n]*=[ \t\r\n]*(?:"([^"<]*)"|'([^'<]*)')/y;
const ENTITY = /&(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});/y;
// What a link may point at inside the drawing: one of its own elements.
const LOCAL_REF = /^#[\w.:-]*$/;
const INLINE_RASTER = /^data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*$/;

/** Text of an attribute or style with entities and escapes a browser would undo, undone enough to look for schemes. */
const squeeze = (s: string) =>
  s
    .replace(/&#x0*([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(Math.min(parseInt(h, 16), 0x10ffff)))
    .replace(/&#0*([0-9]+);?/g, (_, d: string) => String.fromCodePoint(Math.min(Number(d), 0x10ffff)))
    .replace(/\\[0-9a-f]{1,6}\s?/gi, (m) => String.fromCodePoint(Math.min(parseInt(m.slice(1), 16), 0x10ffff)))
    // eslint-disable-next-line no-control-regex -- whitespace and controls hide schemes from naive checks
    .replace(/[\s\u0000-\u001f\\]/g, "")
    .toLowerCase();

/** Why a piece of CSS (a style element or attribute) may not be published, or null. */
function cssProblem(css: string): string | null {
  const s = squeeze(css);
  if (s.includes("@import")) return "a style imports another stylesheet (@import)";
  if (/javascript:|vbscript:|expression\(|behavior:|-moz-binding/.test(s)) return "a style holds script";
  for (const m of s.matchAll(/url\(([^)]*)\)/g)) {
    const target = m[1]!.replace(/^["']|["']$/g, "");
    if (!LOCAL_REF.test(target)) return `a style refers to "${printable(target, 40)}" outside the drawing`;
  }
  return null;
}

function attributeProblem(element: string, name: string, value: string): string | null {
  const local = name.replace(/^.*:/, "").toLowerCase();
  if (local.startsWith("on")) return `<${element}> has an event handler (${printable(name, 30)})`;
  if (name === "xml:base") return "xml:base is not allowed";
  const v = squeeze(value);
  if (/javascript:|vbscript:|data:text|data:application/.test(v)) return `<${element} ${printable(name, 30)}> holds script`;
  if (local === "href" || local === "src") {
    if (LOCAL_REF.test(value.trim())) return null;
    if (element === "image" && INLINE_RASTER.test(value.trim())) return null;
    if (element === "a" && /^https?:\/\//.test(v)) return null;
    return `<${element}> refers to "${printable(value, 40)}" outside the drawing`;
  }
  if (local === "style") return cssProblem(value);
  if (v.includes("url(")) return cssProblem(value);
  return null;
}

/**
 * Why an SVG file may not be published beside a chapter, or null when it may. The file is read
 * by a strict grammar (XML without a DTD, CDATA or processing instructions past the prolog)
 * and every element, attribute and style is checked against what a drawing needs: a file this
 * reader does not understand completely is refused, not cleaned. Linear in the file's length.
 */
export function svgProblem(text: string): string | null {
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const stack: string[] = [];
  let seenRoot = false;
  const skip = () => {
    SPACE.lastIndex = at;
    SPACE.exec(text);
    at = SPACE.lastIndex;
  };
  skip();
  if (text.startsWith("<?xml", at)) {
    const end = text.indexOf("?>", at);
    if (end < 0) return "the XML declaration is not closed";
    at = end + 2;
  }
  while (at < text.length) {
    const lt = text.indexOf("<", at);
    const chunk = text.slice(at, lt < 0 ? text.length : lt);
    for (let amp = chunk.indexOf("&"); amp >= 0; amp = chunk.indexOf("&", amp + 1)) {
      ENTITY.lastIndex = amp;
      if (!ENTITY.test(chunk)) return "an entity other than XML's own (&amp; &lt; &gt; &quot; &apos; &#…;)";
    }
    if (stack.length === 0 && chunk.trim() !== "") return "text outside the <svg> element";
    if (stack.at(-1) === "style") {
      const problem = cssProblem(chunk);
      if (problem) return problem;
    }
    if (lt < 0) break;
    at = lt;
    if (text.startsWith("<!--", at)) {
      const end = text.indexOf("-->", at + 4);
      if (end < 0) return "a comment is not closed";
      at = end + 3;
      continue;
    }
    if (text.startsWith("<!", at)) return "a DTD, entity declaration or CDATA section is not allowed";
    if (text.startsWith("<?", at)) return "a processing instruction is not allowed";
    if (text.startsWith("</", at)) {
      NAME.lastIndex = at + 2;
      const m = NAME.exec(text);
      if (!m || stack.at(-1) !== m[0]) return `a closing tag </${printable(m?.[0] ?? "", 30)}> does not match`;
      stack.pop();
      at = NAME.lastIndex;
      skip();
      if (text[at] !== ">") return "a closing tag is not closed";
      at++;
      continue;
    }
    NAME.lastIndex = at + 1;
    const m = NAME.exec(text);
    if (!m) return "a tag without a name";
    const name = m[0];
    const inMetadata = stack.includes("metadata");
    if (!ELEMENTS.has(name) && !(inMetadata && METADATA_PREFIXES.test(name))) return `<${printable(name, 30)}> is not allowed in a drawing`;
    if (stack.length === 0 && (name !== "svg" || seenRoot)) return "the file must be one <svg> element";
    seenRoot = true;
    at = NAME.lastIndex;
    for (;;) {
      const before = at;
      skip();
      if (text.startsWith("/>", at)) {
        at += 2;
        break;
      }
      if (text[at] === ">") {
        at++;
        stack.push(name);
        if (stack.length > CONTENT_LIMITS.depth) return `elements nest more than ${CONTENT_LIMITS.depth} levels`;
        break;
      }
      if (at === before) return `<${name}>: attributes must be separated by spaces`;
      ATTRIBUTE.lastIndex = at;
      const a = ATTRIBUTE.exec(text);
      if (!a) return `<${name}>: an attribute is not written name="value"`;
      at = ATTRIBUTE.lastIndex;
      const value = a[2] ?? a[3] ?? "";
      const problem = attributeProblem(name, a[1]!, value);
      if (problem) return problem;
    }
  }
  if (!seenRoot) return "no <svg> element";
  if (stack.length) return `<${stack.at(-1)}> is not closed`;
  return null;
}
