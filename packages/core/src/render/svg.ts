/** Small SVG string builders: fixed-precision coordinates and elements whose attribute values are always escaped. */
import { escapeXml } from "../text/escape";

/** A coordinate with at most 2 decimals, no trailing zeros and no negative zero (short, stable output). */
export function px(v: number): string {
  // Integer arithmetic: shortest-round-trip number printing is the renderer's hot spot otherwise.
  const r = Math.round(v * 100);
  if (r === 0) return "0";
  const a = Math.abs(r);
  const frac = a % 100;
  const whole = `${r < 0 ? "-" : ""}${(a - frac) / 100}`;
  if (frac === 0) return whole;
  return frac % 10 === 0 ? `${whole}.${frac / 10}` : `${whole}.${frac < 10 ? "0" : ""}${frac}`;
}

export type Attrs = Record<string, string | number | undefined>;

function attrs(a: Attrs): string {
  let out = "";
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined) continue;
    out += ` ${k}="${escapeXml(typeof v === "number" ? px(v) : v)}"`;
  }
  return out;
}

/** `<name attrs/>` or `<name attrs>children</name>`; children are already-built markup. */
export function el(name: string, a: Attrs, children?: string): string {
  return children === undefined || children === "" ? `<${name}${attrs(a)}/>` : `<${name}${attrs(a)}>${children}</${name}>`;
}

/** A `<text>` element whose content is user-derived text, escaped. */
export function text(a: Attrs, content: string): string {
  return `<text${attrs(a)}>${escapeXml(content)}</text>`;
}

/** A `<title>` tooltip (shown on hover in the webview, and read by screen readers). */
export function title(content: string): string {
  return `<title>${escapeXml(content)}</title>`;
}

/** Shortens a label to `max` characters with an ellipsis, counting code points so emoji are not split. */
export function truncate(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : `${chars.slice(0, Math.max(0, max - 1)).join("")}…`;
}

/** Rough width of `s` in a sans-serif font of `size` px: enough to keep labels from overlapping. */
export function textWidth(s: string, size: number, bold = false): number {
  return Array.from(s).length * size * (bold ? 0.66 : 0.6);
}

/** A colour for an attribute: a hex colour or a CSS colour name, else the fallback (no CSS or markup injection). */
export function safeColor(c: string | undefined, fallback: string): string {
  return c !== undefined && /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20})$/.test(c) ? c : fallback;
}
