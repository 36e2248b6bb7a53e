/** Wires the language server: connection, documents, capabilities, settings, file events and guarded handlers. */
import { CodeActionKind, DidChangeWatchedFilesNotification, FileChangeType, TextDocumentSyncKind, type Connection, type InitializeParams, type InitializeResult } from "vscode-languageserver";
import { uriToPath } from "./host";
import { Configuration } from "./configuration";
import type { ServerContext } from "./context";
import { FIX_ALL_KIND } from "./convert";
import { DiagnosticsPublisher } from "./diagnostics";
import { DocumentStore } from "./documents";
import { guard, guardNotification } from "./guard";
import { codeActions, resolveCodeAction } from "./handlers/code-actions";
import { codeLens } from "./handlers/code-lens";
import { completion } from "./handlers/completion";
import { curves } from "./handlers/curves";
import { hover } from "./handlers/hover";
import { inlayHints } from "./handlers/inlay-hints";
import { symbols } from "./handlers/symbols";
import { FileHost } from "./host";
import { Logger } from "./log";
import { ProjectConfigs } from "./project";
import { CURVES_REQUEST } from "./protocol";
import { workspaceFolderPaths, clientCapabilities, initialSettings } from "./initialize";

export const SERVER_NAME = "lrlens-language-server";
export const SERVER_VERSION = "0.1.0";

export function startServer(connection: Connection): void {
  const logger = new Logger(connection.console);
  let folders: string[] = [];
  const configuration = new Configuration(connection);
  const host = new FileHost({ openText: (key) => store.openText(key), roots: () => folders });
  const projects = new ProjectConfigs((uri) => host.forDocument(uri, { allowOutsideWorkspace: true, maxFileChars: 1_000_000 }).readFile(uri), () => folders);
  const store: DocumentStore = new DocumentStore(configuration, projects, host);
  const publisher = new DiagnosticsPublisher(connection, store, projects, logger);
  const ctx: ServerContext = { store, logger, client: { snippets: false, showCurve: false, codeActionResolve: false } };
  let canRefresh = { inlayHints: false, codeLens: false };
  let watchDynamically = false;

  /** Re-lint every open document (settings or project configuration changed). */
  const relintAll = () => {
    store.invalidate();
    for (const doc of store.documents.all()) publisher.now(doc.uri);
    if (canRefresh.inlayHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
    if (canRefresh.codeLens) void connection.sendRequest("workspace/codeLens/refresh").catch(() => undefined);
  };
  /** A file changed (buffer or disk): re-lint what inherits from it, or everything for a `.lrlens.yaml`. */
  const fileChanged = (uri: string, created = false) => {
    host.forget(uri);
    if (projects.changed(uri)) return relintAll();
    // A new file may be a base some open config could not find yet.
    const candidates = created ? store.documents.all().filter((d) => /_base_/i.test(d.getText())).map((d) => d.uri) : [];
    for (const dependent of new Set([...store.dependentsOf(uri), ...candidates])) {
      store.invalidate(dependent);
      publisher.changed(dependent);
    }
  };
  const applyWindowSettings = async () => {
    const s = await configuration.get(undefined);
    logger.setLevel(s.logLevel);
    publisher.setDebounce(s.debounceMs);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    folders = workspaceFolderPaths(params);
    ctx.client = clientCapabilities(params);
    const caps = params.capabilities;
    configuration.initialize(!!caps.workspace?.configuration, initialSettings(params.initializationOptions));
    canRefresh = { inlayHints: !!caps.workspace?.inlayHint?.refreshSupport, codeLens: !!caps.workspace?.codeLens?.refreshSupport };
    watchDynamically = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        // `:` and space start a value, `!` a PaddleDetection tag; Enter's indentation is a space.
        completionProvider: { triggerCharacters: [":", " ", "!"] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        inlayHintProvider: true,
        codeLensProvider: { resolveProvider: false },
        documentSymbolProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    };
  });

  connection.onInitialized(
    guardNotification(logger, "initialized", async () => {
      await applyWindowSettings();
      if (watchDynamically) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: "**/*.{yml,yaml}" }, { globPattern: "**/.lrlens.yaml" }] });
      }
      if (folders.length > 0) {
        connection.workspace.onDidChangeWorkspaceFolders(
          guardNotification(logger, "workspaceFolders", (e) => {
            const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
            folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p)];
            relintAll();
          }),
        );
      }
      logger.info(`${SERVER_NAME} ${SERVER_VERSION} ready (${folders.length} workspace folder(s)).`);
    }),
  );

  connection.onDidChangeConfiguration(
    guardNotification(logger, "configuration", async (params) => {
      configuration.changed(params.settings);
      await applyWindowSettings();
      relintAll();
    }),
  );
  connection.onDidChangeWatchedFiles(guardNotification(logger, "watchedFiles", (params) => params.changes.forEach((c) => fileChanged(c.uri, c.type === FileChangeType.Created))));

  // TextDocuments reports an open as a content change too; only real edits touch the dependents.
  const opening = new Set<string>();
  store.documents.onDidOpen((e) => opening.add(e.document.uri));
  store.documents.onDidChangeContent(
    guardNotification(logger, "didChange", (e) => {
      publisher.changed(e.document.uri);
      if (!opening.delete(e.document.uri)) fileChanged(e.document.uri);
    }),
  );
  store.documents.onDidClose(
    guardNotification(logger, "didClose", (e) => {
      publisher.closed(e.document.uri);
      store.closed(e.document.uri);
      configuration.forget(e.document.uri);
    }),
  );

  connection.onHover(guard(logger, "hover", null, hover(ctx)));
  connection.onCompletion(guard(logger, "completion", [], completion(ctx)));
  connection.onCodeAction(guard(logger, "codeAction", [], codeActions(ctx)));
  connection.onCodeActionResolve(guard(logger, "codeActionResolve", "error", resolveCodeAction(ctx)));
  connection.languages.inlayHint.on(guard(logger, "inlayHint", [], inlayHints(ctx)));
  connection.onCodeLens(guard(logger, "codeLens", [], codeLens(ctx)));
  connection.onDocumentSymbol(guard(logger, "documentSymbol", [], symbols(ctx)));
  connection.onRequest(CURVES_REQUEST, guard(logger, "curves", "error", curves(ctx)));
  connection.onShutdown(() => publisher.dispose());

  store.documents.listen(connection);
  connection.listen();
}
