/** Wires the language server: connection, documents, capabilities, settings, file events and guarded request forwarding. */
import { DidChangeWatchedFilesNotification, FileChangeType, TextDocuments, type Connection, type WorkspaceFoldersChangeEvent } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { Configuration } from "./configuration";
import { NO_CLIENT_CAPABILITIES } from "./context";
import { DiagnosticsPublisher } from "./diagnostics";
import { InlineEngine, WorkerEngine, type Engine } from "./engine";
import { guardNotification } from "./guard";
import { uriToPath } from "./host";
import { clientCapabilities, initialSettings, serverCapabilities, workspaceFolderPaths } from "./initialize";
import { Logger } from "./log";
import { isProjectFile } from "./project";
import { registerRequests } from "./requests";
import type { ToWorker } from "./worker-protocol";

export const SERVER_NAME = "lrlens-language-server";
export const SERVER_VERSION = "0.1.0";

export interface ServerOptions {
  /** The bundle to run the analysis worker from; without it the analysis runs in this thread (tests). */
  workerScript?: string;
}

const isYaml = (d: TextDocument) => d.languageId === "yaml" || /\.ya?ml$/i.test(d.uri);

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const logger = new Logger(connection.console);
  const documents = new TextDocuments(TextDocument);
  const configuration = new Configuration(connection);
  let folders: string[] = [];
  let client = NO_CLIENT_CAPABILITIES;
  let engine: Engine = new InlineEngine();
  const publisher = new DiagnosticsPublisher(connection, documents, configuration, () => engine, logger);
  let refresh = { inlayHints: false, codeLens: false };
  let watchDynamically = false;
  let foldersChange = false;

  /** Everything a fresh analysis worker needs to catch up. */
  const replay = (): ToWorker[] => [
    { t: "init", folders, client },
    ...documents.all().filter(isYaml).map((d): ToWorker => ({ t: "open", uri: d.uri, version: d.version, text: d.getText() })),
  ];
  const relintAll = () => {
    engine.post({ t: "invalidate" });
    for (const doc of documents.all()) publisher.now(doc.uri);
    if (refresh.inlayHints) void connection.languages.inlayHint.refresh().catch(() => undefined);
    if (refresh.codeLens) void connection.sendRequest("workspace/codeLens/refresh").catch(() => undefined);
  };
  /** A file changed (buffer or disk): re-lint what inherits from it, or everything for a `.lrlens.yaml`. */
  const relintDependents = (uri: string, created: boolean) => {
    if (isProjectFile(uri)) return relintAll();
    // A new file may be a base some open config could not find yet.
    const waiting = created ? documents.all().filter((d) => /_base_/i.test(d.getText())).map((d) => d.uri) : [];
    for (const dependent of new Set([...publisher.dependentsOf(uri), ...waiting])) publisher.changed(dependent);
  };
  const foldersChanged = (e: WorkspaceFoldersChangeEvent) => {
    const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
    folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p)];
    engine.post({ t: "folders", folders });
    relintAll();
  };
  const applyWindowSettings = async () => {
    const s = await configuration.get(undefined);
    logger.setLevel(s.logLevel);
    publisher.setDebounce(s.debounceMs);
  };

  connection.onInitialize((params) => {
    folders = workspaceFolderPaths(params);
    client = clientCapabilities(params);
    const caps = params.capabilities;
    configuration.initialize(!!caps.workspace?.configuration, initialSettings(params.initializationOptions));
    refresh = { inlayHints: !!caps.workspace?.inlayHint?.refreshSupport, codeLens: !!caps.workspace?.codeLens?.refreshSupport };
    watchDynamically = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    foldersChange = !!caps.workspace?.workspaceFolders;
    engine = options.workerScript
      ? new WorkerEngine(options.workerScript, logger, replay, (culprit) => {
          publisher.gaveUp(culprit.uri, culprit.version);
          for (const doc of documents.all()) if (doc.uri !== culprit.uri) publisher.now(doc.uri);
        })
      : engine;
    engine.post({ t: "init", folders, client });
    return { capabilities: serverCapabilities(), serverInfo: { name: SERVER_NAME, version: SERVER_VERSION } };
  });

  connection.onInitialized(
    guardNotification(logger, "initialized", async () => {
      await applyWindowSettings();
      if (watchDynamically) await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: "**/*.{yml,yaml}" }, { globPattern: "**/.lrlens.yaml" }] });
      // Only clients that declare workspace folders may be asked for their changes (multi-root).
      if (foldersChange) connection.workspace.onDidChangeWorkspaceFolders(guardNotification(logger, "workspaceFolders", foldersChanged));
      logger.info(`${SERVER_NAME} ${SERVER_VERSION} ready (${folders.length} workspace folder(s), analysis ${options.workerScript ? "in a worker thread" : "inline"}).`);
    }),
  );
  connection.onDidChangeConfiguration(
    guardNotification(logger, "configuration", async (p) => {
      configuration.changed(p.settings);
      await applyWindowSettings();
      relintAll();
    }),
  );
  connection.onDidChangeWatchedFiles(
    guardNotification(logger, "watchedFiles", (p) => {
      // Checked before anything reaches the worker: a malformed change (no list, no URI) must not cost it a restart.
      for (const c of Array.isArray(p?.changes) ? p.changes : []) {
        if (typeof c?.uri !== "string") continue;
        engine.post({ t: "fileChanged", uri: c.uri });
        relintDependents(c.uri, c.type === FileChangeType.Created);
      }
    }),
  );

  // TextDocuments reports an open as a content change too; only real edits touch the dependents.
  const opening = new Set<string>();
  documents.onDidOpen((e) => opening.add(e.document.uri));
  documents.onDidChangeContent(
    guardNotification(logger, "didChange", (e) => {
      const doc = e.document;
      if (!isYaml(doc)) return;
      engine.post({ t: "open", uri: doc.uri, version: doc.version, text: doc.getText() });
      publisher.changed(doc.uri);
      if (!opening.delete(doc.uri)) relintDependents(doc.uri, false);
    }),
  );
  documents.onDidClose(
    guardNotification(logger, "didClose", (e) => {
      engine.post({ t: "close", uri: e.document.uri });
      publisher.closed(e.document.uri);
      configuration.forget(e.document.uri);
    }),
  );

  registerRequests(connection, { documents, configuration, logger, engine: () => engine });
  connection.onShutdown(() => {
    publisher.dispose();
    engine.dispose();
  });

  documents.listen(connection);
  connection.listen();
}
