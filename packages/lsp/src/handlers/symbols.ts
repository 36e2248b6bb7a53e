/** `textDocument/documentSymbol`: the schedules of a config, with their scheduler and parameters. */
import type { DocumentSymbol, DocumentSymbolParams } from "vscode-languageserver";
import { documentSymbols } from "@lrlens/core";
import type { ServerContext } from "../context";
import { toDocumentSymbol } from "../convert";

export function symbols(ctx: ServerContext) {
  return async (params: DocumentSymbolParams): Promise<DocumentSymbol[]> => {
    const snap = await ctx.store.snapshot(params.textDocument.uri);
    if (!snap) return [];
    return documentSymbols(snap.analysis).map((s) => toDocumentSymbol(s, snap.lineIndex));
  };
}
