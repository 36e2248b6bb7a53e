/** `textDocument/inlayHint`: LR after milestones and warmup, step counts of epoch values, in the visible range. */
import type { InlayHint, InlayHintParams } from "vscode-languageserver";
import { inlayHints as hintsOf } from "@lrlens/core";
import type { HandlerContext } from "../context";
import { toInlayHint, toOffset } from "../convert";

export function inlayHints(ctx: HandlerContext, params: InlayHintParams): InlayHint[] {
  const snap = ctx.snapshot(params.textDocument.uri);
  if (!snap || !snap.settings.inlayHintsEnable) return [];
  const range = { start: toOffset(snap.lineIndex, params.range.start), end: toOffset(snap.lineIndex, params.range.end) };
  return hintsOf(snap.analysis, range).map((h) => toInlayHint(h, snap.lineIndex));
}
