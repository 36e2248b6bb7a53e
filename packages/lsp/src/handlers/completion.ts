/** `textDocument/completion`: scheduler names, parameter names and enum values at the cursor. */
import type { CompletionItem, CompletionParams } from "vscode-languageserver";
import { completionsAt } from "@lrlens/core";
import type { HandlerContext } from "../context";
import { toCompletionItem, toOffset } from "../convert";

export function completion(ctx: HandlerContext, params: CompletionParams): CompletionItem[] {
  // Completion reads the cursor's context from the text, so a slightly older analysis will do.
  const snap = ctx.recent(params.textDocument.uri);
  if (!snap) return [];
  const items = completionsAt(snap.analysis, toOffset(snap.lineIndex, params.position));
  return items.map((c) => toCompletionItem(c, snap.lineIndex, ctx.client.snippets));
}
