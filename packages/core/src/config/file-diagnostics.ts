/** Builds load diagnostics (with editor ranges) for spans in one file; line indexes are built only when a diagnostic needs one. */
import type { Diagnostic, RelatedInfo, Severity } from "../model/diagnostics";
import type { Span } from "../model/positions";
import { LineIndex } from "../text/line-index";

/** Related information pointing into a file of the chain (usually a base file); `text` is that file's text. */
export function relatedInfo(span: Span, text: string, message: string, index?: LineIndex): RelatedInfo {
  return { uri: span.uri, span, range: (index ?? new LineIndex(text)).range(span.start, span.end), message };
}

/** Collects diagnostics shown in one file. */
export class DiagnosticCollector {
  readonly items: Diagnostic[] = [];
  private index: LineIndex | undefined;

  constructor(
    readonly uri: string,
    readonly text: string,
  ) {}

  /** The file's line index, built on first use (most files never need one). */
  get lineIndex(): LineIndex {
    this.index ??= new LineIndex(this.text);
    return this.index;
  }

  add(rule: string, severity: Severity, message: string, start: number, end: number, related?: RelatedInfo[]): Diagnostic {
    const s = Math.max(0, Math.min(start, this.text.length));
    const e = Math.max(s, Math.min(end, this.text.length));
    const d: Diagnostic = {
      rule,
      severity,
      message,
      uri: this.uri,
      span: { uri: this.uri, start: s, end: e },
      range: this.lineIndex.range(s, e),
    };
    if (related && related.length > 0) d.related = related;
    this.items.push(d);
    return d;
  }
}
