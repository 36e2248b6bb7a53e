/**
 * Every conversion between the core's plain data (offsets, spans, markdown, edits) and LSP types,
 * in one place, so the core never learns the protocol and handlers stay a few lines long.
 */
import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  DiagnosticTag,
  InlayHintKind,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  type CodeAction,
  type CodeLens,
  type CompletionItem,
  type Diagnostic as LspDiagnostic,
  type DocumentSymbol,
  type Hover,
  type InlayHint,
  type Position,
  type Range,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from "vscode-languageserver";
import type { Completion, Diagnostic, FixAction, HoverResult, InlayHintItem, LineIndex, ScheduleCurve, ScheduleLens, ScheduleSymbol, Severity, TextEdit } from "@lrlens/core";
import type { CurveSchedule } from "./protocol";

export const SHOW_CURVE_COMMAND = "lrlens.showCurve";
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.lrlens`;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(index: LineIndex, span: { start: number; end: number }): Range {
  return index.range(span.start, span.end);
}

export function toOffset(index: LineIndex, position: Position): number {
  return index.offset(position);
}

export function toDiagnostic(d: Diagnostic): LspDiagnostic {
  const out: LspDiagnostic = {
    range: d.range,
    severity: SEVERITY[d.severity] ?? DiagnosticSeverity.Warning,
    code: d.rule,
    source: "lrlens",
    message: d.message,
  };
  if (d.docsUrl) out.codeDescription = { href: d.docsUrl };
  if (d.related?.length) out.relatedInformation = d.related.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message }));
  // A milestone that never fires is dead configuration: editors fade it.
  if (/^no-unreachable-/.test(d.rule)) out.tags = [DiagnosticTag.Unnecessary];
  return out;
}

export function toHover(h: HoverResult, index: LineIndex): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: toRange(index, h.span) };
}

const COMPLETION_KIND: Record<Completion["kind"], CompletionItemKind> = {
  scheduler: CompletionItemKind.Class,
  parameter: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
};

/** Snippet placeholders `${1:x}` / `$1` reduced to their defaults, for clients without snippet support. */
export function plainSnippet(text: string): string {
  return text.replace(/\$\{\d+:([^}]*)\}/g, "$1").replace(/\$\d+/g, "").replace(/\\([$}\\])/g, "$1");
}

export function toCompletionItem(c: Completion, index: LineIndex, snippets: boolean): CompletionItem {
  const snippet = c.snippet && snippets;
  const newText = c.snippet && !snippets ? plainSnippet(c.insertText) : c.insertText;
  const item: CompletionItem = {
    label: c.label,
    kind: COMPLETION_KIND[c.kind],
    textEdit: { range: toRange(index, c.replace), newText },
    insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
  };
  if (c.detail) item.detail = c.detail;
  if (c.documentation) item.documentation = { kind: MarkupKind.Markdown, value: c.documentation };
  if (c.sortText) item.sortText = c.sortText;
  return item;
}

export function toInlayHint(h: InlayHintItem, index: LineIndex): InlayHint {
  const hint: InlayHint = { position: index.position(h.offset), label: h.label, kind: h.kind === "steps" ? InlayHintKind.Type : InlayHintKind.Parameter, paddingLeft: true };
  if (h.tooltip) hint.tooltip = { kind: MarkupKind.Markdown, value: h.tooltip };
  return hint;
}

/** A lens runs `lrlens.showCurve [uri, path]` only in clients that declare the command; elsewhere it is a label. */
export function toCodeLens(lens: ScheduleLens, index: LineIndex, uri: string, clientHasShowCurve: boolean): CodeLens {
  return {
    range: toRange(index, lens.span),
    command: clientHasShowCurve ? { title: lens.title, command: SHOW_CURVE_COMMAND, arguments: [uri, lens.path] } : { title: lens.title, command: "" },
  };
}

const SYMBOL_KIND: Record<ScheduleSymbol["kind"], SymbolKind> = {
  schedule: SymbolKind.Function,
  scheduler: SymbolKind.Class,
  parameter: SymbolKind.Property,
};

export function toDocumentSymbol(s: ScheduleSymbol, index: LineIndex): DocumentSymbol {
  return {
    name: s.name || "(schedule)",
    detail: s.detail,
    kind: SYMBOL_KIND[s.kind],
    range: toRange(index, s.span),
    selectionRange: toRange(index, s.selectionSpan),
    children: s.children.map((c) => toDocumentSymbol(c, index)),
  };
}

/** Edits grouped per file; a file whose text we do not have is left out rather than guessed. */
export function toWorkspaceEdit(edits: readonly TextEdit[], indexOf: (uri: string) => LineIndex | undefined): WorkspaceEdit {
  const changes: Record<string, LspTextEdit[]> = {};
  for (const e of edits) {
    const index = indexOf(e.uri);
    if (!index) continue;
    (changes[e.uri] ??= []).push({ range: toRange(index, e), newText: e.newText });
  }
  return { changes };
}

export function toCodeAction(a: FixAction, indexOf: (uri: string) => LineIndex | undefined): CodeAction {
  const action: CodeAction = {
    title: a.title,
    kind: a.kind === "quickfix" ? CodeActionKind.QuickFix : FIX_ALL_KIND,
    edit: toWorkspaceEdit(a.edits, indexOf),
  };
  if (a.diagnostic) action.diagnostics = [toDiagnostic(a.diagnostic)];
  if (a.preferred) action.isPreferred = true;
  return action;
}

export function toCurveSchedule(c: ScheduleCurve, index: LineIndex): CurveSchedule {
  const out: CurveSchedule = {
    path: c.path,
    range: toRange(index, c.span),
    dialect: c.dialect,
    scheduler: c.scheduler,
    unit: c.unit,
    stepsPerEpoch: { value: c.stepsPerEpoch.value, source: c.stepsPerEpoch.source },
    points: c.points,
    svg: c.svg,
    markers: c.markers,
  };
  if (c.totalSteps !== undefined) out.totalSteps = c.totalSteps;
  if (c.peak !== undefined) out.peak = c.peak;
  if (c.final !== undefined) out.final = c.final;
  if (c.error !== undefined) out.error = c.error;
  if (c.definedIn !== undefined) out.definedIn = c.definedIn;
  return out;
}

/** Whether a client diagnostic (sent back in a code action request) is the core finding `d`. */
export function sameFinding(client: LspDiagnostic, d: Diagnostic): boolean {
  const r = client.range;
  return client.code === d.rule && r.start.line === d.range.start.line && r.start.character === d.range.start.character && r.end.line === d.range.end.line && r.end.character === d.range.end.character;
}

