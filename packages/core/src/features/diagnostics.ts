/**
 * The diagnostics an editor shows in the analysed document: its own findings as they are, and
 * findings inside base files pinned to the `_BASE_` entry that brings the file in, pointing back
 * at the base with related information (an editor publishes diagnostics per file).
 */
import type { Analysis } from "../analysis/types";
import type { Diagnostic } from "../model/diagnostics";
import { LineIndex } from "../text/line-index";
import { fileLabel, inheritedThrough } from "./provenance";

export function documentDiagnostics(analysis: Analysis, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  let index: LineIndex | undefined;
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (d.uri === analysis.uri) {
      out.push(d);
      continue;
    }
    const through = inheritedThrough(analysis, d.uri) ?? { uri: analysis.uri, start: 0, end: 0 };
    index ??= new LineIndex(analysis.text);
    out.push({
      ...d,
      uri: analysis.uri,
      span: through,
      range: index.range(through.start, through.end),
      message: `In ${fileLabel(d.uri)}: ${d.message}`,
      related: [{ uri: d.uri, span: d.span, range: d.range, message: "the finding in the base file" }, ...(d.related ?? [])],
    });
  }
  return out;
}
