/** `--format json`: `{"files":[{"file","diagnostics":[{"rule","severity","message","range","fixable"}]}]}` with 0-based LSP positions. */
import type { Diagnostic } from "@lrlens/core";
import { shownSeverity, type CheckReport } from "../report";

export interface JsonDiagnostic {
  rule: string;
  severity: "error" | "warning" | "information";
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  fixable: boolean;
  docsUrl?: string;
}

export function toJsonDiagnostic(d: Diagnostic, fixable: boolean): JsonDiagnostic {
  const out: JsonDiagnostic = {
    rule: d.rule,
    severity: shownSeverity(d),
    message: d.message,
    range: { start: { line: d.range.start.line, character: d.range.start.character }, end: { line: d.range.end.line, character: d.range.end.character } },
    fixable,
  };
  if (d.docsUrl) out.docsUrl = d.docsUrl;
  return out;
}

export function formatJson(report: CheckReport): string {
  const files = report.files.map((f) => ({
    file: f.file,
    diagnostics: f.diagnostics.map((d) => toJsonDiagnostic(d, report.autoFixable(d))),
    ...(f.fixed ? { fixed: true } : {}),
  }));
  return `${JSON.stringify({ files })}\n`;
}
