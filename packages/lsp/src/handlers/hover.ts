/** `textDocument/hover`: the curve picture and key numbers of the schedule element under the cursor. */
import type { Hover, HoverParams } from "vscode-languageserver";
import { hoverAt } from "@lrlens/core";
import type { HandlerContext } from "../context";
import { toHover, toOffset } from "../convert";

export function hover(ctx: HandlerContext, params: HoverParams): Hover | null {
  const snap = ctx.snapshot(params.textDocument.uri);
  if (!snap || !snap.settings.hoverEnable) return null;
  const result = hoverAt(snap.analysis, toOffset(snap.lineIndex, params.position), { maxPoints: snap.settings.maxPoints });
  return result ? toHover(result, snap.lineIndex) : null;
}
