/**
 * The language client: starts the bundled server (dist/server.js) over node IPC for YAML files,
 * forwards settings and YAML file events, restarts a dead server under a capped policy, and keeps
 * its diagnostics and hovers from duplicating Red Hat YAML's and the inline preview's.
 */
import * as vscode from "vscode";
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from "vscode-languageclient/node";
import type { CURVES_REQUEST, CurvesParams, CurvesResult } from "../../lsp/src/protocol";
import { withoutDuplicateYamlDiagnostics } from "./diagnostics-filter";
import { gaveUpMessage, RestartPolicy } from "./restart-policy";

const CURVES_METHOD: typeof CURVES_REQUEST = "lrlens/curves";
const RED_HAT_YAML = "redhat.vscode-yaml";

export type CurvesFetcher = (uri: vscode.Uri, maxPoints: number | undefined, token?: vscode.CancellationToken) => Promise<CurvesResult | undefined>;

export interface ClientHooks {
  /** True where the inline preview owns the hover (its icon after the end of a line). */
  previewOwnsHover(document: vscode.TextDocument, position: vscode.Position): boolean;
  /** The server published diagnostics for a document: it has analysed its current text. */
  onAnalysed(uri: vscode.Uri): void;
}

/** Red Hat YAML reports YAML syntax errors itself when installed and validating. */
function yamlValidatorActive(): boolean {
  return vscode.extensions.getExtension(RED_HAT_YAML) !== undefined && vscode.workspace.getConfiguration("yaml").get<boolean>("validate", true);
}

/**
 * `initializationOptions`, read again at every (re)start: the `lrlens` settings as plain JSON (for a
 * server that cannot pull them yet), and that this client runs `lrlens.showCurve` from code lenses.
 */
export function initializationOptions(): unknown {
  return { settings: JSON.parse(JSON.stringify(vscode.workspace.getConfiguration("lrlens"))), supportsShowCurve: true };
}

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, policy: RestartPolicy, hooks: ClientHooks): LanguageClient {
  const module = vscode.Uri.joinPath(context.extensionUri, "dist", "server.js").fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6019"] } },
  };
  let client: LanguageClient | undefined;
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: "yaml", scheme: "file" },
      { language: "yaml", scheme: "untitled" },
    ],
    synchronize: {
      configurationSection: "lrlens",
      // Base files (`_BASE_`) may be closed: their changes on disk must still re-lint the configs inheriting them.
      fileEvents: vscode.workspace.createFileSystemWatcher("**/*.{yml,yaml}"),
    },
    initializationOptions,
    outputChannel: output,
    middleware: {
      handleDiagnostics: (uri, diagnostics, next) => {
        next(uri, withoutDuplicateYamlDiagnostics(diagnostics, yamlValidatorActive()));
        hooks.onAnalysed(uri);
      },
      provideHover: (document, position, token, next) => (hooks.previewOwnsHover(document, position) ? undefined : next(document, position, token)),
    },
    errorHandler: {
      error: (_error, _message, count) => ({ action: policy.onError(count) === "continue" ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true }),
      closed: () => {
        const decision = policy.onClosed(Date.now());
        if (decision.restart) {
          output.warn(`The language server stopped; restarting it (restart ${decision.attempt} in the last 3 minutes).`);
          return { action: CloseAction.Restart, handled: true };
        }
        const message = gaveUpMessage(decision);
        output.error(message);
        void vscode.window.showErrorMessage(message, "Restart", "Show Output").then((choice) => {
          if (choice === "Show Output") output.show(true);
          if (choice === "Restart" && client) void restartServer(client, policy, output);
        });
        return { action: CloseAction.DoNotRestart, handled: true };
      },
    },
  };
  client = new LanguageClient("lrlens", "lrlens", serverOptions, clientOptions);
  return client;
}

/** Restarts the server by hand (command, notification button), forgetting earlier crashes. */
export async function restartServer(client: LanguageClient, policy: RestartPolicy, output: vscode.LogOutputChannel): Promise<void> {
  policy.reset();
  try {
    if (client.isRunning()) await client.restart();
    else await client.start();
    output.info("Language server restarted.");
  } catch (error) {
    output.error(`Could not restart the language server: ${String(error)}`);
    void vscode.window.showErrorMessage(`lrlens: could not restart the language server (${String(error)}).`);
  }
}

/** `lrlens/curves` through the client (waits while it starts); undefined when the server is stopped or the request failed. */
export function curvesFetcher(client: LanguageClient, output: vscode.LogOutputChannel): CurvesFetcher {
  return async (uri, maxPoints, token) => {
    const params: CurvesParams = { textDocument: { uri: client.code2ProtocolConverter.asUri(uri) }, ...(maxPoints ? { maxPoints } : {}) };
    try {
      const result = token ? await client.sendRequest<CurvesResult>(CURVES_METHOD, params, token) : await client.sendRequest<CurvesResult>(CURVES_METHOD, params);
      return result && Array.isArray(result.schedules) ? result : { schedules: [] };
    } catch (error) {
      if (!token?.isCancellationRequested) output.debug(`lrlens/curves failed for ${uri.toString()}: ${String(error)}`);
      return undefined;
    }
  };
}
