/** `textDocument/codeLens`: `peak · final · length` above each schedule, opening the preview where the client can. */
import type { CodeLens, CodeLensParams } from "vscode-languageserver";
import { codeLenses } from "@lrlens/core";
import type { ServerContext } from "../context";
import { toCodeLens } from "../convert";

export function codeLens(ctx: ServerContext) {
  return async (params: CodeLensParams): Promise<CodeLens[]> => {
    const snap = await ctx.store.snapshot(params.textDocument.uri);
    if (!snap || !snap.settings.codeLensEnable) return [];
    return codeLenses(snap.analysis).map((l) => toCodeLens(l, snap.lineIndex, snap.uri, ctx.client.showCurve));
  };
}
