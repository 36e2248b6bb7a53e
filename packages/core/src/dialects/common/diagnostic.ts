/** Builds dialect diagnostics from spans, computing editor ranges in whichever file of the chain the span points into. */
import type { LoadedConfig } from "../../config/types";
import type { Diagnostic, Severity } from "../../model/diagnostics";
import type { Span } from "../../model/positions";
import { LineIndex } from "../../text/line-index";

/** Line indexes are built once per text: a dialect reports several findings per file on every keystroke. */
const indexes = new WeakMap<object, LineIndex>();

function lineIndexFor(config: LoadedConfig, uri: string): LineIndex {
  const file = config.files.get(uri) ?? config.own;
  let index = indexes.get(file);
  if (!index || index.text !== file.text) {
    index = new LineIndex(file.text);
    indexes.set(file, index);
  }
  return index;
}

export interface DiagnosticInput {
  rule: string;
  severity: Severity;
  message: string;
  span: Span;
  /** Other places that explain the finding (e.g. the key whose value was used instead). */
  related?: { span: Span; message: string }[];
}

/** A `Diagnostic` whose `uri` and `range` follow the span (a base file of the chain, or the document itself). */
export function makeDiagnostic(config: LoadedConfig, input: DiagnosticInput): Diagnostic {
  const uri = config.files.has(input.span.uri) ? input.span.uri : config.own.uri;
  const index = lineIndexFor(config, uri);
  const diagnostic: Diagnostic = {
    rule: input.rule,
    severity: input.severity,
    message: input.message,
    uri,
    span: { uri, start: input.span.start, end: input.span.end },
    range: index.range(input.span.start, input.span.end),
  };
  if (input.related && input.related.length > 0) {
    diagnostic.related = input.related.map((r) => {
      const rUri = config.files.has(r.span.uri) ? r.span.uri : config.own.uri;
      return { uri: rUri, span: r.span, range: lineIndexFor(config, rUri).range(r.span.start, r.span.end), message: r.message };
    });
  }
  return diagnostic;
}

/** Collects diagnostics for one extraction, so builders can report without threading arrays through every call. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];
  constructor(readonly config: LoadedConfig) {}

  add(input: DiagnosticInput): void {
    this.items.push(makeDiagnostic(this.config, input));
  }

  get hasError(): boolean {
    return this.items.some((d) => d.severity === "error");
  }
}
