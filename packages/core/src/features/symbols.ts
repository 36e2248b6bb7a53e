/** Document symbols for schedules: one per schedule block, with its scheduler and parameters as children. */
import type { Analysis, AnalyzedSchedule } from "../analysis/types";
import type { Span } from "../model/positions";
import { anchorSpan, blockSpan } from "./locate";
import { inheritedThrough } from "./provenance";
import type { ScheduleSymbol } from "./types";

export function documentSymbols(analysis: Analysis): ScheduleSymbol[] {
  const out: ScheduleSymbol[] = [];
  for (const s of analysis.schedules) {
    const block = blockSpan(analysis, s);
    const anchor = anchorSpan(analysis, s);
    if (block && anchor) {
      out.push({ name: s.path, detail: s.kind, kind: "schedule", span: block, selectionSpan: anchor, children: childrenOf(analysis, s, block) });
      continue;
    }
    // An inherited block: outline it at the `_BASE_` entry that brings it in.
    const through = anchor ?? inheritedThrough(analysis, s.node.span.uri);
    if (through) out.push({ name: `${s.path} (inherited)`, detail: s.kind, kind: "schedule", span: through, selectionSpan: through, children: [] });
  }
  return out;
}

function inside(outer: Span, inner: Span): boolean {
  return inner.uri === outer.uri && outer.start <= inner.start && inner.end <= outer.end;
}

function childrenOf(analysis: Analysis, s: AnalyzedSchedule, block: Span): ScheduleSymbol[] {
  const children: ScheduleSymbol[] = [];
  if (s.name && s.nameSpan && inside(block, s.nameSpan)) {
    children.push({ name: s.name, detail: s.spec?.name ?? "", kind: "scheduler", span: s.nameSpan, selectionSpan: s.nameSpan, children: [] });
  }
  const seen = new Set<number>();
  for (const src of Object.values(s.argSources)) {
    if (src.keySpan.uri !== analysis.uri || !inside(block, src.keySpan) || seen.has(src.keySpan.start)) continue;
    seen.add(src.keySpan.start);
    const value = src.node.kind === "scalar" ? src.node.text : src.node.kind === "seq" ? `[${src.node.items.length} items]` : "{…}";
    const end = src.node.span.uri === analysis.uri ? Math.max(src.node.span.end, src.keySpan.end) : src.keySpan.end;
    children.push({ name: src.key, detail: value, kind: "parameter", span: { uri: analysis.uri, start: src.keySpan.start, end }, selectionSpan: src.keySpan, children: [] });
  }
  return children.sort((a, b) => a.span.start - b.span.start);
}
