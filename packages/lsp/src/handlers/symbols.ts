/** `textDocument/documentSymbol`: the schedules of a config, with their scheduler and parameters. */
import type { DocumentSymbol, DocumentSymbolParams } from "vscode-languageserver";
import { documentSymbols } from "@lrlens/core";
import type { HandlerContext } from "../context";
import { toDocumentSymbol } from "../convert";

export function symbols(ctx: HandlerContext, params: DocumentSymbolParams): DocumentSymbol[] {
  const snap = ctx.snapshot(params.textDocument.uri);
  if (!snap) return [];
  return documentSymbols(snap.analysis).map((s) => toDocumentSymbol(s, snap.lineIndex));
}
