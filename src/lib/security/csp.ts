import { createHash } from "node:crypto";

/** The id of a page's list of what to fetch first when it is opened at an anchor (src/pageModel/landingPreloads.ts). */
export const LANDING_PRELOADS_ID = "landing-preloads";

/**
 * The one inline script of every page, run before the first paint: marks the page as scripted
 * (`data-js`, so CSS places the script-only header tools before anything is drawn, and nothing
 * moves later), applies the reader's saved colour scheme (anything later would flash), and, when
 * the page is opened at an anchor its list names (a figure, or its section), starts fetching
 * what that figure's first move needs: its modules and its default view's files, each a path on
 * this site. Its hash, not 'unsafe-inline', lets it run.
 */
export const HEAD_SCRIPT = `document.documentElement.dataset.js="";try{var t=localStorage.getItem("theme");if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch(e){}try{var p=document.getElementById("${LANDING_PRELOADS_ID}"),a=p&&location.hash.length>1?JSON.parse(p.textContent)[decodeURIComponent(location.hash.slice(1))]:null;if(Array.isArray(a))a.forEach(function(f){if(!Array.isArray(f)||typeof f[1]!=="string"||f[1].charAt(0)!=="/"||f[1].charAt(1)==="/")return;var l=document.createElement("link");if(f[0]==="module")l.setAttribute("rel","modulepreload");else{l.setAttribute("rel","preload");l.setAttribute("as","fetch");l.setAttribute("crossorigin","anonymous")}l.setAttribute("href",f[1]);document.head.appendChild(l)})}catch(e){}`;

/** A CSP source expression for an inline script: 'sha256-<base64>'. */
export function scriptHash(source: string): string {
  return `'sha256-${createHash("sha256").update(source).digest("base64")}'`;
}

/** Players that may be framed, and only after the reader presses play. */
export const FRAME_SOURCES = ["https://www.youtube-nocookie.com", "https://player.bilibili.com"];

/**
 * The site's Content-Security-Policy: scripts from the site itself and the head script's hash
 * only (no 'unsafe-inline', no 'unsafe-eval'; 'wasm-unsafe-eval' lets the search index's
 * WebAssembly compile), styles from the site plus inline style attributes (Plot, KaTeX and the
 * code highlighter write them), everything else from the site, and the two video players.
 */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptHash(HEAD_SCRIPT)} 'wasm-unsafe-eval'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    `frame-src ${FRAME_SOURCES.join(" ")}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/**
 * A `_headers` file (Netlify, Cloudflare Pages and other hosts that read one): the same policy as
 * the pages' <meta> tag plus what only a header can say (framing), and long caching for the
 * content-hashed assets and data files.
 */
export function headersFile(base: string): string {
  return [
    `${base}*`,
    `  Content-Security-Policy: ${contentSecurityPolicy()}; frame-ancestors 'self'`,
    "  X-Content-Type-Options: nosniff",
    "  Referrer-Policy: strict-origin-when-cross-origin",
    "  Permissions-Policy: camera=(), microphone=(), geolocation=()",
    `${base}_astro/*`,
    "  Cache-Control: public, max-age=31536000, immutable",
    // Data folders are named by their content's key too (data/<key>/): a deploy that changes a file changes its folder.
    `${base}data/*`,
    "  Cache-Control: public, max-age=31536000, immutable",
    "",
  ].join("\n");
}
