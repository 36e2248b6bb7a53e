/**
 * The analysis side of the server (run in the worker thread, or inline in tests): mirrors the open
 * documents, owns the host, project configuration and snapshots, and answers jobs with handlers.
 */
import type { ClientCapabilities, HandlerContext } from "./context";
import { NO_CLIENT_CAPABILITIES } from "./context";
import { DocumentStore } from "./documents";
import { errorText } from "./guard";
import { codeActions, resolveCodeAction } from "./handlers/code-actions";
import { codeLens } from "./handlers/code-lens";
import { completion } from "./handlers/completion";
import { curves } from "./handlers/curves";
import { diagnostics, projectDiagnostics } from "./handlers/diagnostics";
import { hover } from "./handlers/hover";
import { inlayHints } from "./handlers/inlay-hints";
import { symbols } from "./handlers/symbols";
import { FileHost } from "./host";
import { isProjectFile, ProjectConfigs } from "./project";
import type { FromWorker, JobMethod, ToWorker } from "./worker-protocol";

type Handler = (ctx: HandlerContext, params: any) => unknown;

const HANDLERS: Record<Exclude<JobMethod, "diagnostics">, Handler> = {
  "textDocument/hover": hover,
  "textDocument/completion": completion,
  "textDocument/codeAction": codeActions,
  "codeAction/resolve": resolveCodeAction,
  "textDocument/inlayHint": inlayHints,
  "textDocument/codeLens": codeLens,
  "textDocument/documentSymbol": symbols,
  "lrlens/curves": curves,
};

/** The largest `.lrlens.yaml` read: it holds a few severities, never megabytes. */
const MAX_PROJECT_FILE_CHARS = 1_000_000;

export class AnalysisService {
  private folders: string[] = [];
  private client: ClientCapabilities = NO_CLIENT_CAPABILITIES;
  private readonly host: FileHost;
  private readonly projects: ProjectConfigs;
  private readonly store: DocumentStore;

  constructor() {
    this.host = new FileHost({ openText: (key) => this.store.openText(key), roots: () => this.folders });
    // The project file belongs to the workspace root itself, so it is read without the folder check.
    this.projects = new ProjectConfigs((uri) => this.host.forDocument(uri, { allowOutsideWorkspace: true, maxFileChars: MAX_PROJECT_FILE_CHARS }).readFile(uri), () => this.folders);
    this.store = new DocumentStore(this.host, this.projects);
  }

  handle(msg: ToWorker): FromWorker | undefined {
    switch (msg.t) {
      case "init":
        this.folders = msg.folders;
        this.client = msg.client;
        return undefined;
      case "folders":
        this.folders = msg.folders;
        this.store.invalidate();
        return undefined;
      case "open":
        this.store.set(msg.uri, msg.version, msg.text);
        if (this.projects.changed(msg.uri)) this.store.invalidate();
        else this.store.fileChanged(msg.uri);
        return undefined;
      case "close":
        this.store.close(msg.uri);
        return undefined;
      case "fileChanged":
        this.host.forget(msg.uri);
        if (this.projects.changed(msg.uri)) this.store.invalidate();
        else this.store.fileChanged(msg.uri);
        return undefined;
      case "invalidate":
        this.store.invalidate();
        return undefined;
      case "job":
        return this.job(msg);
    }
  }

  private job(msg: Extract<ToWorker, { t: "job" }>): FromWorker {
    const ctx: HandlerContext = { client: this.client, snapshot: (uri) => this.store.snapshot(uri, msg.settings), recent: (uri) => this.store.recent(uri, msg.settings) };
    try {
      if (msg.method !== "diagnostics") return { t: "done", id: msg.id, result: HANDLERS[msg.method](ctx, msg.params) };
      const doc = this.store.get(msg.uri);
      if (doc && isProjectFile(msg.uri)) return { t: "done", id: msg.id, result: projectDiagnostics(this.projects.for(msg.uri), msg.uri, doc.text) };
      return { t: "done", id: msg.id, result: diagnostics(ctx, { uri: msg.uri }) };
    } catch (e) {
      return { t: "done", id: msg.id, error: errorText(e) };
    }
  }
}
