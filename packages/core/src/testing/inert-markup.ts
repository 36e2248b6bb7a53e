/**
 * Test support for escaping: renders hover markdown the way VS Code does (markdown-it), but with
 * raw HTML allowed and every link accepted, so anything a config string could smuggle in shows up
 * as a live element; then lists every live element, event handler and script link in the HTML and
 * in the SVG pictures it embeds.
 */
import { createRequire } from "node:module";
import { parseFragment } from "parse5";
import { findAll, parseXml, type XmlElement } from "../render/testing/xml-check";

/** Elements a hover or picture legitimately contains (markdown structure, our own image). */
const MARKDOWN_ELEMENTS = new Set(["p", "strong", "em", "code", "table", "thead", "tbody", "tr", "th", "td", "img", "br", "hr", "ul", "ol", "li", "a", "h1", "h2", "h3", "pre", "blockquote"]);
const SVG_DATA = "data:image/svg+xml;base64,";

/** The slice of markdown-it's API used here (the package ships no types; VS Code renders hovers with it). */
interface MarkdownIt {
  render(src: string): string;
  validateLink: (url: string) => boolean;
}
const markdownIt = createRequire(import.meta.url)("markdown-it") as (options: { html: boolean; linkify: boolean }) => MarkdownIt;

type HtmlNode = { nodeName: string; attrs?: { name: string; value: string }[]; childNodes?: HtmlNode[] };

/** Hover markdown as HTML, rendered as permissively as any client could (raw HTML on, no link validation). */
export function renderMarkdownPermissively(markdown: string): string {
  const md = markdownIt({ html: true, linkify: false });
  md.validateLink = () => true;
  return md.render(markdown);
}

function badUrl(v: string): boolean {
  return /^\s*(javascript|vbscript|data:text)/i.test(v.replace(/[\u0000-\u0020]/g, ""));
}

/** Live markup in HTML: unexpected elements, `on*` handlers, script URLs, links at all, images that are not our SVG data URIs. */
export function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  const walk = (n: HtmlNode) => {
    if (n.nodeName && !n.nodeName.startsWith("#") && !MARKDOWN_ELEMENTS.has(n.nodeName)) problems.push(`element <${n.nodeName}>`);
    if (n.nodeName === "a") problems.push(`link to ${n.attrs?.find((a) => a.name === "href")?.value}`);
    for (const a of n.attrs ?? []) {
      if (/^on/i.test(a.name)) problems.push(`handler ${a.name} on <${n.nodeName}>`);
      if (["href", "src", "xlink:href", "action", "formaction"].includes(a.name) && badUrl(a.value)) problems.push(`script URL in ${a.name}`);
      if (n.nodeName === "img" && a.name === "src" && !a.value.startsWith(SVG_DATA)) problems.push(`image from ${a.value}`);
    }
    for (const c of n.childNodes ?? []) walk(c);
  };
  walk(parseFragment(html) as unknown as HtmlNode);
  return problems;
}

/** Live code in a full HTML page (the preview webview, which draws its own SVG): scripts without our nonce, `on*` handlers, script URLs. */
export function scriptProblems(html: string, nonce?: string): string[] {
  const problems: string[] = [];
  const walk = (n: HtmlNode) => {
    const attrs = n.attrs ?? [];
    if (n.nodeName === "script" && (nonce === undefined || !attrs.some((a) => a.name === "nonce" && a.value === nonce))) problems.push("element <script>");
    if (["iframe", "object", "embed", "foreignobject"].includes(n.nodeName)) problems.push(`element <${n.nodeName}>`);
    for (const a of attrs) {
      if (/^on/i.test(a.name)) problems.push(`handler ${a.name} on <${n.nodeName}>`);
      if (/href$|^src$|^action$|^formaction$/i.test(a.name) && badUrl(a.value)) problems.push(`script URL in ${a.name}`);
    }
    for (const c of n.childNodes ?? []) walk(c);
    const content = (n as { content?: HtmlNode }).content;
    if (content) walk(content);
  };
  walk(parseFragment(html) as unknown as HtmlNode);
  return problems;
}

/** The SVG documents embedded as data-URI images in markdown. */
export function embeddedSvgs(markdown: string): string[] {
  return [...markdown.matchAll(/\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/g)].map((m) => Buffer.from(m[1], "base64").toString("utf8"));
}

/** Live content in an SVG: malformed XML, scripts, foreign HTML, `on*` handlers, links. */
export function svgProblems(svg: string): string[] {
  let root: XmlElement;
  try {
    root = parseXml(svg.replace(/^\s*<\?xml[^?]*\?>\s*/, ""));
  } catch (e) {
    return [`not well-formed: ${String(e)}`];
  }
  const problems: string[] = [];
  for (const e of findAll(root, () => true)) {
    if (["script", "foreignObject", "a", "iframe", "use", "animate", "set", "image"].includes(e.name)) problems.push(`element <${e.name}>`);
    for (const [k, v] of Object.entries(e.attrs)) {
      if (/^on/i.test(k)) problems.push(`handler ${k} on <${e.name}>`);
      if (/href$/i.test(k) || badUrl(v)) problems.push(`link ${k}=${v.slice(0, 40)}`);
    }
  }
  return problems;
}

/** Every problem of a hover: its HTML rendering and each SVG picture it embeds. */
export function markdownProblems(markdown: string): string[] {
  return [...htmlProblems(renderMarkdownPermissively(markdown)), ...embeddedSvgs(markdown).flatMap((svg) => svgProblems(svg).map((p) => `svg: ${p}`))];
}
