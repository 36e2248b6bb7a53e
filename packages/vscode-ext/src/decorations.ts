/**
 * Inline previews: a sparkline after the first line of each schedule, in every visible YAML editor,
 * refreshed 300 ms after typing stops (stale requests cancelled), redrawn for the current theme,
 * with the full curve in its hover. Also keeps the `lrlens.activeEditorHasSchedules` context key.
 */
import * as vscode from "vscode";
import type { CurveSchedule } from "../../lsp/src/protocol";
import type { CurvesFetcher } from "./client";
import { DebouncedRefresh } from "./debounced-refresh";
import { buildInlinePreviews, SHOW_CURVE_COMMAND } from "./inline-preview";

export const INLINE_PREVIEW_SETTING = "inlinePreview.enable";
const CONTEXT_KEY = "lrlens.activeEditorHasSchedules";
/** A 64 px sparkline needs no more (peaks and drops are kept by the server's sampler). */
const SPARKLINE_POINTS = 128;
const DEBOUNCE_MS = 300;

interface Cached {
  version: number;
  schedules: CurveSchedule[];
}

const isYaml = (doc: vscode.TextDocument) => doc.languageId === "yaml" && (doc.uri.scheme === "file" || doc.uri.scheme === "untitled");

export class InlinePreviews implements vscode.Disposable {
  private readonly decoration = vscode.window.createTextEditorDecorationType({
    after: { margin: "0 0 0 1.5em" },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  private readonly cache = new Map<string, Cached>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly refresh: DebouncedRefresh<string>;

  constructor(private readonly fetchCurves: CurvesFetcher, private readonly output: vscode.LogOutputChannel) {
    this.refresh = new DebouncedRefresh<string>((key, signal) => this.update(key, signal), DEBOUNCE_MS, (key, error) =>
      this.output.debug(`inline preview of ${key} failed: ${String(error)}`),
    );
    this.disposables.push(
      this.decoration,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (isYaml(e.document) && e.contentChanges.length > 0) this.scheduleVisible(e.document);
      }),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refreshVisible(false)),
      vscode.window.onDidChangeActiveTextEditor(() => {
        this.updateContextKey();
        this.refreshVisible(false);
      }),
      vscode.window.onDidChangeActiveColorTheme(() => this.applyAll()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`lrlens.${INLINE_PREVIEW_SETTING}`)) this.applyAll();
        else if (e.affectsConfiguration("lrlens")) this.refreshVisible(true);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.refresh.cancel(doc.uri.toString());
        this.cache.delete(doc.uri.toString());
      }),
    );
  }

  /** Re-fetches every visible YAML editor's curves (`force`), or only those not cached for their current version. */
  refreshVisible(force: boolean): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (!isYaml(editor.document)) continue;
      const cached = this.cache.get(editor.document.uri.toString());
      if (!force && cached && cached.version === editor.document.version) this.apply(editor);
      else void this.refresh.now(editor.document.uri.toString());
    }
    this.updateContextKey();
  }

  /**
   * The server published diagnostics for `uri`: it has analysed the latest text (or a base file changed),
   * so its curves are current too. Refreshing here, not only on keystrokes, never asks before the server has seen the text.
   */
  onServerAnalysed(uri: vscode.Uri): void {
    const key = uri.toString();
    if (vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === key)) this.refresh.schedule(key);
  }

  /** Whether a hover at `position` is over a preview icon (after the end of a line that has one). */
  ownsHover(document: vscode.TextDocument, position: vscode.Position): boolean {
    if (!this.enabled(document)) return false;
    const cached = this.cache.get(document.uri.toString());
    if (!cached || position.line >= document.lineCount) return false;
    return position.character >= document.lineAt(position.line).text.length && cached.schedules.some((s) => s.range.start.line === position.line);
  }

  /** The schedules last received for a document (for commands that need the current file's schedules). */
  schedulesOf(uri: vscode.Uri): CurveSchedule[] | undefined {
    return this.cache.get(uri.toString())?.schedules;
  }

  private scheduleVisible(document: vscode.TextDocument): void {
    // A base file's change can change the curves of the configs inheriting it, so every visible YAML editor is refreshed.
    for (const editor of vscode.window.visibleTextEditors) if (isYaml(editor.document)) this.refresh.schedule(editor.document.uri.toString());
    if (!vscode.window.visibleTextEditors.some((e) => e.document === document)) this.cache.delete(document.uri.toString());
  }

  private async update(key: string, signal: { cancelled: boolean; onCancel(l: () => void): void }): Promise<void> {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (!document) return;
    const version = document.version;
    const cts = new vscode.CancellationTokenSource();
    signal.onCancel(() => cts.cancel());
    try {
      const result = await this.fetchCurves(document.uri, SPARKLINE_POINTS, cts.token);
      // A newer edit or request supersedes this answer.
      if (signal.cancelled || document.version !== version || !result) return;
      this.cache.set(key, { version, schedules: result.schedules });
      for (const editor of vscode.window.visibleTextEditors) if (editor.document === document) this.apply(editor);
      this.updateContextKey();
    } finally {
      cts.dispose();
    }
  }

  private enabled(document: vscode.TextDocument): boolean {
    return vscode.workspace.getConfiguration("lrlens", document.uri).get<boolean>(INLINE_PREVIEW_SETTING, true);
  }

  private applyAll(): void {
    for (const editor of vscode.window.visibleTextEditors) if (isYaml(editor.document)) this.apply(editor);
  }

  private apply(editor: vscode.TextEditor): void {
    const cached = this.cache.get(editor.document.uri.toString());
    if (!cached || !this.enabled(editor.document)) {
      editor.setDecorations(this.decoration, []);
      return;
    }
    const previews = buildInlinePreviews(editor.document.uri.toString(), cached.schedules, vscode.window.activeColorTheme.kind);
    const options = previews
      .filter((p) => p.line < editor.document.lineCount)
      .map((p): vscode.DecorationOptions => {
        const end = editor.document.lineAt(p.line).range.end;
        const hover = new vscode.MarkdownString(p.hoverMarkdown);
        hover.isTrusted = { enabledCommands: [SHOW_CURVE_COMMAND] };
        return { range: new vscode.Range(end, end), hoverMessage: hover, renderOptions: { after: { contentIconPath: vscode.Uri.parse(p.iconUri) } } };
      });
    editor.setDecorations(this.decoration, options);
  }

  private updateContextKey(): void {
    const editor = vscode.window.activeTextEditor;
    const has = !!editor && (this.cache.get(editor.document.uri.toString())?.schedules.length ?? 0) > 0;
    void vscode.commands.executeCommand("setContext", CONTEXT_KEY, has);
  }

  dispose(): void {
    this.refresh.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
