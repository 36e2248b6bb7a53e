/**
 * `textDocument/codeAction` and `codeAction/resolve`: the rules' quick fixes at the cursor, and
 * `source.fixAll.lrlens` (computed on resolve when the client resolves lazily; stateless either way).
 */
import { CodeActionKind, type CodeAction, type CodeActionParams } from "vscode-languageserver";
import { fixAll, hasFixAll, quickFixes } from "@lrlens/core";
import type { HandlerContext } from "../context";
import { FIX_ALL_KIND, toCodeAction, toOffset, toWorkspaceEdit } from "../convert";

const FIX_ALL_TITLE = "Fix all lrlens problems";
/**
 * Without `codeAction/resolve`, fix-all must be computed with the list (a re-lint per pass). On a
 * document this large that is seconds of work on every cursor move, so it is only computed when
 * the client asks for source actions explicitly (`only`, e.g. on save).
 */
export const EAGER_FIX_ALL_MAX_CHARS = 200_000;

export function codeActions(ctx: HandlerContext, params: CodeActionParams): CodeAction[] {
  const snap = ctx.snapshot(params.textDocument.uri);
  if (!snap) return [];
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const diagnostics = snap.diagnostics();
  const at = (p: { line: number; character: number }) => toOffset(snap.lineIndex, p);
  const findings = params.context.diagnostics.filter((d) => typeof d.code === "string").map((d) => ({ rule: d.code as string, start: at(d.range.start), end: at(d.range.end) }));
  const out: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const fixes = quickFixes(diagnostics, { uri: snap.uri, start: at(params.range.start), end: at(params.range.end), findings });
    out.push(...fixes.map((a) => toCodeAction(a, snap.lineIndexOf)));
  }
  if (wants(FIX_ALL_KIND) && hasFixAll(diagnostics, snap.uri)) {
    if (ctx.client.codeActionResolve) out.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, data: { uri: snap.uri } });
    else if (only !== undefined || snap.text.length <= EAGER_FIX_ALL_MAX_CHARS) {
      // The snapshot's diagnostics are those of its text: re-linting it first would double the cost on a large file.
      const action = fixAll(snap.uri, snap.text, snap.relint, undefined, diagnostics);
      if (action) out.push(toCodeAction(action, snap.lineIndexOf));
    }
  }
  return out;
}

/** Fills in the fix-all edit from the document as it is now (the action carries only its URI). */
export function resolveCodeAction(ctx: HandlerContext, action: CodeAction): CodeAction {
  const uri = (action.data as { uri?: unknown } | undefined)?.uri;
  if (action.kind !== FIX_ALL_KIND || typeof uri !== "string") return action;
  const snap = ctx.snapshot(uri);
  if (!snap) return action;
  const result = fixAll(snap.uri, snap.text, snap.relint, undefined, snap.diagnostics());
  return { ...action, edit: toWorkspaceEdit(result?.edits ?? [], snap.lineIndexOf) };
}
