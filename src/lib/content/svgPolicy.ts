import { printable } from "../text/printable.ts";
import { CONTENT_LIMITS } from "./limits.ts";
import { RASTER_READERS, rasterOfMediaType, rasterSizeProblem } from "./rasterImage.ts";

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
const INLINE_RASTER = /^data:(image\/[a-z]+);base64,([A-Za-z0-9+/=\s]*)$/;

/**
 * CSS a drawing may use, by allow-list: the properties of SVG's painting and text (the
 * presentation attributes, as Inkscape and matplotlib write them), and the functions of
 * colours, lengths, transforms and filters. Nothing here can load anything: `url()` only to an
 * element of the same file, no `image-set()` or `image()`, no at-rules (`@import`, `@font-face`).
 */
const CSS_PROPERTIES = new Set(
  (
    "fill fill-opacity fill-rule stroke stroke-width stroke-opacity stroke-linecap stroke-linejoin stroke-miterlimit " +
    "stroke-dasharray stroke-dashoffset opacity color display visibility overflow clip clip-path clip-rule mask mask-type " +
    "filter flood-color flood-opacity lighting-color stop-color stop-opacity solid-color solid-opacity color-interpolation " +
    "color-interpolation-filters color-rendering image-rendering shape-rendering text-rendering paint-order vector-effect " +
    "marker marker-start marker-mid marker-end mix-blend-mode isolation transform transform-origin transform-box " +
    "font font-family font-size font-size-adjust font-style font-weight font-variant font-variant-ligatures font-variant-caps " +
    "font-variant-numeric font-variant-east-asian font-variant-position font-stretch font-feature-settings font-variation-settings " +
    "font-kerning letter-spacing word-spacing text-anchor text-align text-decoration text-decoration-line text-decoration-color " +
    "text-decoration-style text-indent text-transform text-orientation dominant-baseline alignment-baseline baseline-shift " +
    "writing-mode direction unicode-bidi line-height white-space inline-size shape-inside shape-padding shape-margin " +
    "enable-background background-color cx cy r rx ry x y width height d"
  ).split(" "),
);
const CSS_FUNCTIONS = new Set(
  (
    "rgb rgba hsl hsla hwb lab lch oklab oklch color color-mix calc min max clamp var url " +
    "translate translatex translatey translate3d rotate scale scalex scaley skew skewx skewy matrix " +
    "blur brightness contrast drop-shadow grayscale hue-rotate invert opacity saturate sepia"
  ).split(" "),
);
// Attributes that are also CSS properties: their values are read as CSS (a fill may be a url()).
const CSS_ATTRIBUTES = new Set([...CSS_PROPERTIES, "cursor"]);

/** Text of an attribute with entities and escapes a browser would undo, undone enough to look for schemes. */
const squeeze = (s: string) =>
  s
    .replace(/&#x0*([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(Math.min(parseInt(h, 16), 0x10ffff)))
    .replace(/&#0*([0-9]+);?/g, (_, d: string) => String.fromCodePoint(Math.min(Number(d), 0x10ffff)))
    .replace(/\\[0-9a-f]{1,6}\s?/gi, (m) => String.fromCodePoint(Math.min(parseInt(m.slice(1), 16), 0x10ffff)))
    // eslint-disable-next-line no-control-regex -- whitespace and controls hide schemes from naive checks
    .replace(/[\s\u0000-\u001f\\]/g, "")
    .toLowerCase();

/** XML's own entities and character references undone, as the parser will before CSS sees the text. */
const xmlText = (s: string) =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Math.min(parseInt(h, 16), 0x10ffff)))
    .replace(/&#([0-9]+);/g, (_, d: string) => String.fromCodePoint(Math.min(Number(d), 0x10ffff)))
    .replace(/&(lt|gt|quot|apos|amp);/g, (_, n: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[n]!);

/** Why a CSS value may not stay, or null: every function on the list, a url() only to an element of the drawing. */
function cssValueProblem(value: string): string | null {
  const outside = value.replace(/"[^"]*"|'[^']*'/g, '""');
  for (const m of outside.matchAll(/([a-z-]*)\(\s*([^)]*)\)?/gi)) {
    const fn = m[1]!.toLowerCase();
    if (!CSS_FUNCTIONS.has(fn)) return `a style uses ${fn ? `${printable(fn, 30)}()` : "a bracket"}, which is not allowed in a drawing`;
    if (fn === "url") {
      const inner = /^url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))/i.exec(value.slice(m.index));
      const target = inner?.[1] ?? inner?.[2] ?? inner?.[3] ?? "";
      if (!LOCAL_REF.test(target)) return `a style refers to "${printable(target, 40)}" outside the drawing`;
    }
  }
  return null;
}

/** Why a list of CSS declarations (a style attribute, or a rule's body) may not stay, or null. */
function declarationsProblem(body: string): string | null {
  for (const declaration of body.match(/(?:[^;"']|"[^"]*"|'[^']*')+/g) ?? []) {
    if (!declaration.trim()) continue;
    const colon = declaration.indexOf(":");
    if (colon < 0) return `a style declaration "${printable(declaration.trim(), 40)}" is not property: value`;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    // Properties of drawing programs (-inkscape-font-specification) mean nothing to a browser.
    if (!CSS_PROPERTIES.has(property) && !/^-(inkscape|sodipodi)-[a-z-]+$/.test(property))
      return `a style sets "${printable(property, 40)}", which is not a drawing's property`;
    const problem = cssValueProblem(declaration.slice(colon + 1));
    if (problem) return problem;
  }
  return null;
}

/**
 * Why a piece of CSS (`style`: a style element's rules; otherwise one attribute's declarations
 * or value) may not be published, or null. Read after XML undoes its escapes; CSS escapes and
 * comments that are not closed are refused, since they hide what a browser would read.
 */
function cssProblem(css: string, kind: "rules" | "declarations" | "value"): string | null {
  const text = xmlText(css).replace(/\/\*[\s\S]*?\*\//g, " ");
  if (text.includes("\\")) return "a style uses CSS escapes (\\), which are not allowed in a drawing";
  if (text.includes("/*")) return "a style comment is not closed";
  if (/[<>]/.test(text) && kind !== "rules") return "a style holds markup";
  if (kind === "value") return cssValueProblem(text);
  if (kind === "declarations") return declarationsProblem(text);
  // Rules: selector { declarations } …, no at-rules, no nesting.
  const outside = text.replace(/"[^"]*"|'[^']*'/g, '""');
  if (outside.includes("@")) return "a style has an at-rule (@import, @font-face, @media …), which is not allowed in a drawing";
  let rest = text;
  for (;;) {
    const open = rest.indexOf("{");
    if (open < 0) return rest.trim() ? "a style has text outside its rules" : null;
    const close = rest.indexOf("}", open);
    if (close < 0) return "a style rule is not closed";
    const body = rest.slice(open + 1, close);
    if (body.includes("{")) return "a style nests rules, which is not allowed in a drawing";
    const problem = declarationsProblem(body);
    if (problem) return problem;
    rest = rest.slice(close + 1);
  }
}

/** Why an image embedded in the drawing may not stay: it must be the raster image its media type says, within the limits. */
function inlineRasterProblem(value: string): string | null {
  const m = INLINE_RASTER.exec(value.trim());
  const format = m && rasterOfMediaType(m[1]!);
  if (!m || !format) return `<image> refers to "${printable(value, 40)}" outside the drawing`;
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(m[2]!.replace(/\s+/g, "")), (c) => c.charCodeAt(0));
  } catch {
    return "an embedded image is not valid base64";
  }
  const size = RASTER_READERS[format]!(bytes);
  if (!size) return `an embedded image is not the ${format.toUpperCase()} its media type says`;
  const problem = rasterSizeProblem(size);
  return problem ? `an embedded image ${problem}` : null;
}

function attributeProblem(element: string, name: string, value: string): string | null {
  const local = name.replace(/^.*:/, "").toLowerCase();
  if (local.startsWith("on")) return `<${element}> has an event handler (${printable(name, 30)})`;
  if (name === "xml:base") return "xml:base is not allowed";
  const v = squeeze(value);
  if (/javascript:|vbscript:|data:text|data:application/.test(v)) return `<${element} ${printable(name, 30)}> holds script`;
  if (local === "href" || local === "src") {
    if (LOCAL_REF.test(value.trim())) return null;
    if (element === "image" && /^data:/i.test(value.trim())) return inlineRasterProblem(value);
    if (element === "a" && /^https?:\/\//.test(v)) return null;
    return `<${element}> refers to "${printable(value, 40)}" outside the drawing`;
  }
  if (local === "style") return cssProblem(value, "declarations");
  if (CSS_ATTRIBUTES.has(local) || /url\(|image-set\(|image\(|cross-fade\(|element\(/.test(v)) return cssProblem(value, "value");
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
      const problem = cssProblem(chunk, "rules");
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
