/**
 * The LR preview panel: one webview per config showing every schedule's full curve, updated live
 * as the config (or a base file) changes, exporting PNG/CSV through the extension, and restored by
 * a serializer after a window reload.
 */
import * as vscode from "vscode";
import type { CurveSchedule } from "../../lsp/src/protocol";
import type { CurvesFetcher } from "./client";
import { buildCurveCsv, exportFileName } from "./csv";
import { DebouncedRefresh } from "./debounced-refresh";
import { buildPreviewHtml, makeNonce } from "./preview-html";
import { parseFromWebview, parsePreviewState, pngBytesFromDataUrl, PREVIEW_VIEW_TYPE, type PreviewState, type ToWebview } from "./preview-protocol";

const DEBOUNCE_MS = 300;
const baseName = (uri: vscode.Uri) => uri.path.split("/").pop() || uri.toString();

class PreviewPanel {
  schedules: CurveSchedule[] = [];
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly uri: vscode.Uri,
    private state: PreviewState,
    private readonly host: PreviewPanels,
  ) {
    const media = vscode.Uri.joinPath(host.extensionUri, "dist", "media");
    panel.webview.options = { enableScripts: true, localResourceRoots: [media] };
    panel.iconPath = vscode.Uri.joinPath(host.extensionUri, "images", "icon.png");
    panel.title = `LR: ${baseName(uri)}`;
    panel.webview.html = buildPreviewHtml({
      cspSource: panel.webview.cspSource,
      nonce: makeNonce(crypto.getRandomValues(new Uint8Array(24))),
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, "preview.js")).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, "preview.css")).toString(),
      title: baseName(uri),
      logScale: state.logScale,
    });
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw) => void this.onMessage(raw)),
      panel.onDidDispose(() => this.host.forget(this)),
    );
  }

  focus(focusPath: string | undefined): void {
    if (focusPath !== undefined) this.state = { ...this.state, focusPath };
    this.panel.reveal(undefined, true);
    void this.host.refreshNow(this);
  }

  async update(token: vscode.CancellationToken): Promise<void> {
    // A restored panel's config may not be open yet; opening it makes the language server see it.
    const document = await vscode.workspace.openTextDocument(this.uri);
    const result = await this.host.fetchCurves(document.uri, undefined, token);
    if (token.isCancellationRequested) return;
    if (!result) {
      this.post({ type: "status", message: "The lrlens language server is not running (see the lrlens output, or run “lrlens: Restart Language Server”)." });
      return;
    }
    this.schedules = result.schedules;
    this.post({ type: "update", uri: this.uri.toString(), fileName: baseName(this.uri), schedules: result.schedules, logScale: this.state.logScale, ...(this.state.focusPath !== undefined ? { focusPath: this.state.focusPath } : {}) });
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private async onMessage(raw: unknown): Promise<void> {
    const message = parseFromWebview(raw);
    if (!message) return;
    const schedule = "index" in message ? this.schedules[message.index] : undefined;
    switch (message.type) {
      case "ready":
        return this.host.refreshNow(this);
      case "log-scale":
        this.state = { ...this.state, logScale: message.value };
        return;
      case "reveal":
        if (schedule) await revealSchedule(this.uri, schedule);
        return;
      case "export-csv":
        if (schedule) await this.save(schedule, "csv", new TextEncoder().encode(buildCurveCsv(schedule)));
        return;
      case "export-png": {
        const bytes = pngBytesFromDataUrl(message.dataUrl);
        if (schedule && bytes) await this.save(schedule, "png", bytes);
        return;
      }
    }
  }

  private async save(schedule: CurveSchedule, ext: "png" | "csv", bytes: Uint8Array): Promise<void> {
    const folder = this.uri.scheme === "file" ? vscode.Uri.joinPath(this.uri, "..") : vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = exportFileName(baseName(this.uri), schedule.path, ext);
    const target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      filters: ext === "png" ? { "PNG image": ["png"] } : { "CSV table": ["csv"] },
      title: `Export the LR curve of ${schedule.path}`,
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, bytes);
    void vscode.window.showInformationMessage(`Saved ${target.path.split("/").pop()}.`);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

async function revealSchedule(uri: vscode.Uri, schedule: CurveSchedule): Promise<void> {
  const start = new vscode.Position(schedule.range.start.line, schedule.range.start.character);
  await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(start, start) });
}

export class PreviewPanels implements vscode.Disposable, vscode.WebviewPanelSerializer<PreviewState> {
  private readonly panels = new Map<string, PreviewPanel>();
  private readonly refresh: DebouncedRefresh<string>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(readonly extensionUri: vscode.Uri, readonly fetchCurves: CurvesFetcher, output: vscode.LogOutputChannel) {
    this.refresh = new DebouncedRefresh<string>(
      async (key, signal) => {
        const panel = this.panels.get(key);
        if (!panel) return;
        const cts = new vscode.CancellationTokenSource();
        signal.onCancel(() => cts.cancel());
        try {
          await panel.update(cts.token);
        } finally {
          cts.dispose();
        }
      },
      DEBOUNCE_MS,
      (key, error) => output.warn(`preview of ${key} failed: ${String(error)}`),
    );
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, this),
      // Any YAML change may be a base file of a previewed config.
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.languageId === "yaml" && e.contentChanges.length > 0) this.refreshAll(false);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration("lrlens")) this.refreshAll(false);
      }),
    );
  }

  /** Opens (or reveals) the preview of `uri`, scrolled to the schedule at `focusPath`. */
  show(uri: vscode.Uri, focusPath?: string): void {
    const existing = this.panels.get(uri.toString());
    if (existing) return existing.focus(focusPath);
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, `LR: ${baseName(uri)}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
    this.adopt(panel, { uri: uri.toString(), logScale: false, ...(focusPath !== undefined ? { focusPath } : {}) });
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, raw: unknown): Promise<void> {
    const state = parsePreviewState(raw);
    if (!state) return panel.dispose();
    this.adopt(panel, state);
  }

  private adopt(panel: vscode.WebviewPanel, state: PreviewState): void {
    const uri = vscode.Uri.parse(state.uri);
    this.panels.get(uri.toString())?.panel.dispose();
    this.panels.set(uri.toString(), new PreviewPanel(panel, uri, state, this));
  }

  refreshNow(panel: PreviewPanel): Promise<void> {
    return this.refresh.now(panel.uri.toString());
  }

  /** The server analysed `uri` again; its preview (if any) catches up. */
  onServerAnalysed(uri: vscode.Uri): void {
    if (this.panels.has(uri.toString())) this.refresh.schedule(uri.toString());
  }

  /** Refreshes every open preview: debounced after edits, at once after a server restart. */
  refreshAll(immediately: boolean): void {
    for (const key of this.panels.keys()) {
      if (immediately) void this.refresh.now(key);
      else this.refresh.schedule(key);
    }
  }

  forget(panel: PreviewPanel): void {
    const key = panel.uri.toString();
    if (this.panels.get(key) === panel) this.panels.delete(key);
    this.refresh.cancel(key);
    panel.dispose();
  }

  dispose(): void {
    this.refresh.dispose();
    for (const p of [...this.panels.values()]) p.panel.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
