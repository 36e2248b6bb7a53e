/**
 * Test support for the renderers: a strict little XML well-formedness checker that also returns
 * the element tree (so tests can query paths, texts and attributes), and a path-data normaliser.
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Decoded text directly inside this element. */
  text: string;
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITY = /^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;
const ENTITY_VALUES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function decode(raw: string, where: string): string {
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === "<") throw new Error(`raw '<' in ${where}`);
    if (c !== "&") {
      out += c;
      continue;
    }
    const m = ENTITY.exec(raw.slice(i));
    if (!m) throw new Error(`bare '&' in ${where}: ${raw.slice(i, i + 12)}`);
    const e = m[1];
    out += e.startsWith("#x") ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith("#") ? String.fromCodePoint(Number(e.slice(1))) : ENTITY_VALUES[e];
    i += m[0].length - 1;
  }
  return out;
}

/** Parses `xml` as one well-formed element (no declarations, comments or CDATA expected); throws with the reason otherwise. */
export function parseXml(xml: string): XmlElement {
  const bad = FORBIDDEN.exec(xml);
  if (bad) throw new Error(`character not allowed in XML at ${bad.index}`);
  let i = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (i < xml.length) {
    if (xml[i] !== "<") {
      const end = xml.indexOf("<", i);
      const raw = xml.slice(i, end < 0 ? xml.length : end);
      if (raw.includes("]]>")) throw new Error("']]>' in text");
      if (stack.length === 0) {
        if (raw.trim() !== "") throw new Error(`text outside the root: ${raw.slice(0, 20)}`);
      } else stack[stack.length - 1].text += decode(raw, "text");
      i = end < 0 ? xml.length : end;
      continue;
    }
    if (xml.startsWith("</", i)) {
      const m = NAME.exec(xml.slice(i + 2));
      if (!m) throw new Error(`bad closing tag at ${i}`);
      const open = stack.pop();
      if (!open || open.name !== m[0]) throw new Error(`</${m[0]}> closes <${open?.name ?? "nothing"}> at ${i}`);
      i += 2 + m[0].length;
      if (xml[i] !== ">") throw new Error(`junk in closing tag at ${i}`);
      i++;
      continue;
    }
    const m = NAME.exec(xml.slice(i + 1));
    if (!m) throw new Error(`'<' not starting an element at ${i}: ${xml.slice(i, i + 12)}`);
    const el: XmlElement = { name: m[0], attrs: {}, children: [], text: "" };
    i += 1 + m[0].length;
    for (;;) {
      const ws = /^\s*/.exec(xml.slice(i))![0].length;
      i += ws;
      if (xml.startsWith("/>", i) || xml[i] === ">") break;
      if (ws === 0) throw new Error(`attributes of <${el.name}> not separated by space at ${i}`);
      const a = /^([A-Za-z_:][\w.:-]*)=("([^"]*)"|'([^']*)')/.exec(xml.slice(i));
      if (!a) throw new Error(`unquoted or malformed attribute in <${el.name}> at ${i}: ${xml.slice(i, i + 20)}`);
      if (a[1] in el.attrs) throw new Error(`duplicate attribute ${a[1]} in <${el.name}>`);
      el.attrs[a[1]] = decode(a[3] ?? a[4], `attribute ${a[1]}`);
      i += a[0].length;
    }
    if (stack.length) stack[stack.length - 1].children.push(el);
    else if (root) throw new Error("second root element");
    else root = el;
    if (xml.startsWith("/>", i)) i += 2;
    else {
      i += 1;
      stack.push(el);
    }
  }
  if (stack.length) throw new Error(`unclosed <${stack[stack.length - 1].name}>`);
  if (!root) throw new Error("no root element");
  return root;
}

/** Every element of the tree (depth first) that matches. */
export function findAll(root: XmlElement, pred: (e: XmlElement) => boolean): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    if (pred(e)) out.push(e);
    e.children.forEach(walk);
  };
  walk(root);
  return out;
}

export const hasClass = (cls: string) => (e: XmlElement) => (e.attrs.class ?? "").split(/\s+/).includes(cls);

/** Path data as commands with numbers: `[["M", 30, 142], ["L", 249, 6]]`. */
export function pathCommands(d: string): [string, ...number[]][] {
  const out: [string, ...number[]][] = [];
  for (const m of d.matchAll(/([MLHVhvZz])([^MLHVhvZz]*)/g)) {
    const nums = m[2].trim() === "" ? [] : m[2].trim().split(/[\s,]+/).map(Number);
    out.push([m[1], ...nums]);
  }
  return out;
}

/** Path data with every number rounded to `decimals`, for comparing geometry rather than formatting. */
export function normalisePath(d: string, decimals = 1): string {
  return pathCommands(d)
    .map(([c, ...n]) => [c, ...n.map((v) => String(Math.round(v * 10 ** decimals) / 10 ** decimals))].join(" "))
    .join(" ");
}
