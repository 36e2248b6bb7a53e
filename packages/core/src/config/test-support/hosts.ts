/** Pure test helpers: an in-memory host and diagnostics reduced to what caret annotations state (disk access stays in the *.test.ts files). */
import type { Diagnostic } from "../../model/diagnostics";
import type { Host } from "../types";
import type { CaretExpectation } from "./carets";

/** A host over an in-memory map of URI → text. */
export function mapHost(files: Record<string, string>, mayRead?: (uri: string) => boolean): Host {
  return { readFile: (uri) => (Object.prototype.hasOwnProperty.call(files, uri) ? files[uri] : undefined), ...(mayRead ? { mayRead } : {}) };
}

/** Diagnostics as `{rule, severity, range}`, sorted by position like caret annotations. */
export function asCarets(diagnostics: Diagnostic[]): CaretExpectation[] {
  return diagnostics
    .map((d) => ({ rule: d.rule, severity: d.severity, range: d.range }))
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
