/** The `diagnostics` job: a document's LSP diagnostics and the base files it inherits from (or a `.lrlens.yaml`'s own findings). */
import type { Diagnostic as LspDiagnostic } from "vscode-languageserver";
import { LineIndex } from "@lrlens/core";
import type { HandlerContext } from "../context";
import { toDiagnostic } from "../convert";
import { basesOf } from "../documents";
import type { ProjectEntry } from "../project";
import type { DiagnosticsResult } from "../worker-protocol";

export function diagnostics(ctx: HandlerContext, params: { uri: string }): DiagnosticsResult<LspDiagnostic> {
  const snap = ctx.snapshot(params.uri);
  if (!snap) return { diagnostics: undefined, bases: [] };
  return { diagnostics: snap.diagnostics().map(toDiagnostic), bases: basesOf(snap) };
}

/** A `.lrlens.yaml` shows its own parse findings (unknown keys and rules). */
export function projectDiagnostics(entry: ProjectEntry, uri: string, text: string): DiagnosticsResult<LspDiagnostic> {
  if (entry.uri !== uri) return { diagnostics: [], bases: [] };
  const index = new LineIndex(text);
  return { diagnostics: entry.diagnostics.map((d) => toDiagnostic({ ...d, range: index.range(d.span.start, d.span.end) })), bases: [] };
}
