/**
 * What is under an offset of the analysed document: which schedule, which YAML entry of its block,
 * and which constructor arguments that entry feeds. Shared by hover, inlay hints and symbols.
 */
import type { Analysis, AnalyzedSchedule } from "../analysis/types";
import type { ConfigEntry, ConfigMap, ConfigNode } from "../config/types";
import type { ArgSource } from "../dialects/types";
import type { Span } from "../model/positions";
import { inheritedThrough } from "./provenance";

export const NAME_KEYS = new Set(["name", "type", "class"]);

export interface Located {
  schedule: AnalyzedSchedule;
  /** "name": the scheduler's name or tag; "param": an entry of the block; "training": the training-length key; "block": elsewhere in the block. */
  on: "block" | "name" | "param" | "training";
  /** The innermost entry under the offset, and the mapping holding it. */
  entry?: ConfigEntry;
  map?: ConfigMap;
  /** Constructor arguments (dotted paths) whose YAML key or value is under the offset. */
  args: [string, ArgSource][];
  /** The hovered element. */
  span: Span;
}

export function contains(span: Span | undefined, uri: string, offset: number): boolean {
  return !!span && span.uri === uri && span.start <= offset && offset <= span.end;
}

function width(span: Span): number {
  return span.end - span.start;
}

interface Hit {
  entry?: ConfigEntry;
  map?: ConfigMap;
  /** The tag of a tagged mapping under the offset, before its first entry. */
  tagMap?: ConfigMap;
}

/** Deepest entry of `node` whose key or scalar value holds the offset (spans of this document only). */
function walk(node: ConfigNode, uri: string, offset: number, depth = 0): Hit | undefined {
  if (depth > 64) return undefined;
  if (node.kind === "map") {
    for (const entry of node.entries) {
      if (contains(entry.keySpan, uri, offset)) return { entry, map: node };
      if (entry.value.kind !== "scalar") {
        const inner = walk(entry.value, uri, offset, depth + 1);
        if (inner) return inner;
      }
      if (contains(entry.value.span, uri, offset)) return { entry, map: node };
    }
    if (node.tag && contains(node.span, uri, offset) && (node.entries.length === 0 || offset < node.entries[0].keySpan.start)) return { tagMap: node, map: node };
  } else if (node.kind === "seq") {
    for (const item of node.items) {
      const inner = walk(item, uri, offset, depth + 1);
      if (inner) return inner;
    }
  }
  return undefined;
}

function entrySpan(entry: ConfigEntry): Span {
  return entry.value.span.uri === entry.keySpan.uri ? { uri: entry.keySpan.uri, start: entry.keySpan.start, end: Math.max(entry.keySpan.end, entry.value.span.end) } : entry.keySpan;
}

function locateIn(analysis: Analysis, s: AnalyzedSchedule, offset: number): Located | undefined {
  const uri = analysis.uri;
  const args = Object.entries(s.argSources).filter(([, src]) => contains(src.keySpan, uri, offset) || contains(src.node.span, uri, offset));
  const hit = walk(s.node, uri, offset);
  if (hit?.tagMap) return { schedule: s, on: "name", map: hit.map, args: [], span: { uri, start: hit.tagMap.span.start, end: hit.tagMap.entries[0]?.keySpan.start ?? hit.tagMap.span.end } };
  if (hit?.entry) {
    const on = NAME_KEYS.has(hit.entry.key) && hit.entry.value.kind === "scalar" ? "name" : "param";
    return { schedule: s, on, entry: hit.entry, map: hit.map, args, span: entrySpan(hit.entry) };
  }
  if (args.length > 0) {
    const [, src] = args[0];
    return { schedule: s, on: "param", args, span: contains(src.keySpan, uri, offset) ? src.keySpan : src.node.span };
  }
  if (s.nameSpan && contains(s.nameSpan, uri, offset)) return { schedule: s, on: "name", args: [], span: s.nameSpan };
  if (contains(s.training?.span, uri, offset)) return { schedule: s, on: "training", args: [], span: s.training!.span! };
  if (s.entry && contains(s.entry.keySpan, uri, offset)) return { schedule: s, on: "block", args: [], span: s.entry.keySpan };
  if (contains(s.node.span, uri, offset)) return { schedule: s, on: "block", args: [], span: s.entry && s.entry.keySpan.uri === uri ? s.entry.keySpan : s.node.span };
  // A block written entirely in a base file is reached through the `_BASE_` item that brings it.
  if (s.node.span.uri !== uri) {
    const through = inheritedThrough(analysis, s.node.span.uri);
    if (through && contains(through, uri, offset)) return { schedule: s, on: "block", args: [], span: through };
  }
  return undefined;
}

/** The most specific schedule element under `offset`, or undefined outside every schedule. */
export function locate(analysis: Analysis, offset: number): Located | undefined {
  let best: Located | undefined;
  for (const s of analysis.schedules) {
    const found = locateIn(analysis, s, offset);
    if (found && (!best || width(found.span) < width(best.span))) best = found;
  }
  return best;
}

/** The span in this document that stands for a schedule: its key, else its name, else its block. */
export function anchorSpan(analysis: Analysis, s: AnalyzedSchedule): Span | undefined {
  if (s.entry && s.entry.keySpan.uri === analysis.uri) return s.entry.keySpan;
  if (s.nameSpan?.uri === analysis.uri) return s.nameSpan;
  if (s.node.span.uri === analysis.uri) return { uri: analysis.uri, start: s.node.span.start, end: s.node.span.start };
  // Partly overridden inherited blocks: the first of their entries written here.
  for (const src of Object.values(s.argSources)) if (src.keySpan.uri === analysis.uri) return src.keySpan;
  return undefined;
}

/** The whole block (key through value) in this document, when it is written here. */
export function blockSpan(analysis: Analysis, s: AnalyzedSchedule): Span | undefined {
  if (s.entry && s.entry.keySpan.uri === analysis.uri) return entrySpan(s.entry);
  if (s.node.span.uri === analysis.uri) return s.node.span;
  return undefined;
}
