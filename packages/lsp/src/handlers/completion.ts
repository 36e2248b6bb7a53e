/** `textDocument/completion`: scheduler names, parameter names and enum values at the cursor. */
import type { CompletionItem, CompletionParams } from "vscode-languageserver";
import { completionsAt } from "@lrlens/core";
import type { ServerContext } from "../context";
import { toCompletionItem, toOffset } from "../convert";

export function completion(ctx: ServerContext) {
  return async (params: CompletionParams): Promise<CompletionItem[]> => {
    const snap = await ctx.store.snapshot(params.textDocument.uri);
    if (!snap) return [];
    const items = completionsAt(snap.analysis, toOffset(snap.lineIndex, params.position));
    return items.map((c) => toCompletionItem(c, snap.lineIndex, ctx.client.snippets));
  };
}
