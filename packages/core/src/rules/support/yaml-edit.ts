/**
 * Minimal text edits on YAML nodes for quick-fixes: replace one scalar, rename one key, reorder or
 * drop sequence items, always touching only the intended span so comments, quoting and layout
 * elsewhere survive.
 */
import type { ConfigNode, ConfigSeq } from "../../config/types";
import type { TextEdit } from "../../model/diagnostics";
import type { Span } from "../../model/positions";
import { pyFloatRepr } from "../../text/py-repr";

export function replaceSpan(span: Span, newText: string): TextEdit {
  return { uri: span.uri, start: span.start, end: span.end, newText };
}

/**
 * A float as PyYAML (YAML 1.1) reads it back as a float: a dot in the mantissa and a signed
 * exponent (`1e-05` would be a string there, so it becomes `1.0e-05`).
 */
export function yamlFloat(x: number): string {
  if (Number.isNaN(x)) return ".nan";
  if (x === Infinity) return ".inf";
  if (x === -Infinity) return "-.inf";
  const repr = pyFloatRepr(x);
  const m = /^(-?\d+)(e[-+]\d+)$/.exec(repr);
  return m ? `${m[1]}.0${m[2]}` : repr;
}

/** An int as plain digits, a float with `yamlFloat`. */
export function yamlNumber(x: number, isInt: boolean): string {
  return isInt && Number.isSafeInteger(x) ? String(x) : yamlFloat(x);
}

/**
 * Rewrites a number literal that YAML 1.1 reads as a string (`1e-3`, `5E4`, `.5e-3`, `1.e3`) so
 * that it reads as the same float: dot and digit in the mantissa, sign in the exponent. The
 * author's digits are kept. Undefined when the text is not such a literal.
 */
export function yaml11FloatText(text: string): string | undefined {
  const m = /^([-+]?)(\d[\d_]*)?(?:\.(\d[\d_]*)?)?([eE])([-+]?)(\d+)$/.exec(text.trim());
  if (!m || (m[2] === undefined && m[3] === undefined)) return undefined;
  const [, sign, int, frac, e, expSign, exp] = m;
  return `${sign}${int ?? "0"}.${frac ?? "0"}${e}${expSign || "+"}${exp}`;
}

/** The source text of a node (quotes included). */
export function nodeText(text: string, node: ConfigNode): string {
  return text.slice(node.span.start, node.span.end);
}

export function isFlowSeq(text: string, seq: ConfigSeq): boolean {
  return text.charCodeAt(seq.span.start) === 91; // "["
}

/** The whole line of a block sequence item (`  - 300  # comment\n`), when the item is alone on its line. */
function blockItemLine(text: string, item: ConfigNode): { start: number; end: number } | undefined {
  let start = item.span.start;
  while (start > 0 && text.charCodeAt(start - 1) !== 10 && text.charCodeAt(start - 1) !== 13) start--;
  if (!/^\s*-\s*$/.test(text.slice(start, item.span.start))) return undefined;
  let end = item.span.end;
  while (end < text.length && text.charCodeAt(end) !== 10) end++;
  if (end < text.length) end++;
  // Only whitespace or a comment may follow the item on its line.
  if (!/^\s*(#.*)?\s*$/.test(text.slice(item.span.end, end))) return undefined;
  return { start, end };
}

/**
 * Edits that turn the sequence into `order` (indices into its items, each used at most once, in
 * the new order; items not listed are dropped). Each kept item keeps its own text (`1.0e-3`,
 * quotes, ...). Undefined when the sequence's layout is not one we can edit safely.
 */
export function reorderSequence(text: string, seq: ConfigSeq, order: readonly number[]): TextEdit[] | undefined {
  const items = seq.items;
  if (items.length === 0 || order.some((i) => i < 0 || i >= items.length) || items.some((it) => it.span.uri !== seq.span.uri)) return undefined;
  if (isFlowSeq(text, seq)) {
    if (order.length === items.length) return permute(text, items, order);
    const inner = order.map((i) => nodeText(text, items[i])).join(", ");
    return [replaceSpan(seq.span, `[${inner}]`)];
  }
  const increasing = order.every((v, k) => k === 0 || order[k - 1] < v);
  if (increasing) {
    // Pure removal: delete the dropped items' own lines, so every kept line (and its comment) stays as is.
    const edits: TextEdit[] = [];
    for (let k = 0; k < items.length; k++) {
      if (order.includes(k)) continue;
      const line = blockItemLine(text, items[k]);
      if (!line || order.length === 0) return undefined;
      edits.push({ uri: seq.span.uri, start: line.start, end: line.end, newText: "" });
    }
    return edits;
  }
  const edits = permute(text, items.slice(0, order.length), order, items);
  for (let k = order.length; k < items.length; k++) {
    const line = blockItemLine(text, items[k]);
    if (!line) return undefined;
    edits.push({ uri: seq.span.uri, start: line.start, end: line.end, newText: "" });
  }
  return edits;
}

/** Position k gets the text of item order[k]; unchanged positions get no edit. */
function permute(text: string, positions: readonly ConfigNode[], order: readonly number[], source: readonly ConfigNode[] = positions): TextEdit[] {
  const edits: TextEdit[] = [];
  positions.forEach((slot, k) => {
    const want = nodeText(text, source[order[k]]);
    if (nodeText(text, slot) !== want) edits.push(replaceSpan(slot.span, want));
  });
  return edits;
}

/** Replaces the items of a sequence with new texts, keeping its flow or block layout (same number of items). */
export function replaceSequenceItems(text: string, seq: ConfigSeq, texts: readonly string[]): TextEdit[] | undefined {
  if (texts.length !== seq.items.length || seq.items.some((it) => it.kind !== "scalar" || it.span.uri !== seq.span.uri)) return undefined;
  const edits: TextEdit[] = [];
  seq.items.forEach((it, k) => {
    if (nodeText(text, it) !== texts[k]) edits.push(replaceSpan(it.span, texts[k]));
  });
  return edits;
}

/** A list as the YAML writes it (item texts), falling back to the numbers Paddle receives. */
export function shownList(ctx: { textOf(uri: string): string }, node: ConfigNode, values: readonly number[]): string[] {
  if (node.kind === "seq" && node.items.length === values.length && node.items.every((i) => i.kind === "scalar")) {
    return node.items.map((i) => ctx.textOf(i.span.uri).slice(i.span.start, i.span.end));
  }
  return values.map(String);
}
