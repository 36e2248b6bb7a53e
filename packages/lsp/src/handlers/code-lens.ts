/** `textDocument/codeLens`: `peak · final · length` above each schedule, opening the preview where the client can. */
import type { CodeLens, CodeLensParams } from "vscode-languageserver";
import { codeLenses } from "@lrlens/core";
import type { HandlerContext } from "../context";
import { toCodeLens } from "../convert";

export function codeLens(ctx: HandlerContext, params: CodeLensParams): CodeLens[] {
  const snap = ctx.snapshot(params.textDocument.uri);
  if (!snap || !snap.settings.codeLensEnable) return [];
  return codeLenses(snap.analysis).map((l) => toCodeLens(l, snap.lineIndex, snap.uri, ctx.client.showCurve));
}
