/**
 * A minimal LSP client for protocol tests and benchmarks: spawns the built server over stdio,
 * talks JSON-RPC with vscode-jsonrpc, answers the server's own requests, and lets tests await
 * events (published diagnostics) instead of sleeping.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node";

export const LSP_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const REPO_ROOT = resolve(LSP_DIR, "../..");
/** The bundle under test (`LRLENS_SERVER_JS` points elsewhere while developing). */
export const SERVER = process.env.LRLENS_SERVER_JS ?? join(LSP_DIR, "dist/server.js");
export const FIXTURES = join(REPO_ROOT, "fixtures/lsp");

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: { range: Range; severity?: number; code?: string | number; message: string; codeDescription?: { href: string }; relatedInformation?: { location: { uri: string; range: Range }; message: string }[] }[];
}

export interface StartOptions {
  /** Workspace folder (a temp copy of the fixtures by default). */
  root?: string;
  /** Answers to `workspace/configuration` (the `lrlens` section); `null` answers like a client without settings. */
  settings?: unknown;
  /** Leave out `workspace/configuration` support (a client that cannot be asked). */
  noConfiguration?: boolean;
  initializationOptions?: unknown;
  clientName?: string;
  /** Extra server arguments (a transport other than stdio is not supported here). */
  serverArgs?: string[];
  /** Another server to drive with the same harness (benchmarks): the full argv after `node`. */
  command?: string[];
  /** Answer `workspace/configuration` per section (overrides `settings`). */
  settingsFor?: (section: string | undefined) => unknown;
}

/** A fresh copy of `fixtures/lsp` in a temp folder, so tests may edit files freely. */
export function fixtureWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), "lrlens-lsp-"));
  cpSync(FIXTURES, dir, { recursive: true });
  return dir;
}

export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

export class LspClient {
  readonly published = new Map<string, PublishedDiagnostics[]>();
  readonly logs: string[] = [];
  stderr = "";
  initializeResult: any;
  private readonly waiters: { uri: string; pred: (p: PublishedDiagnostics) => boolean; resolve: (p: PublishedDiagnostics) => void }[] = [];
  private readonly versions = new Map<string, number>();

  private constructor(
    readonly child: ChildProcess,
    readonly connection: MessageConnection,
    readonly root: string,
    private settings: unknown,
  ) {}

  static async start(options: StartOptions = {}): Promise<LspClient> {
    const root = options.root ?? fixtureWorkspace();
    const argv = options.command ?? [SERVER, "--stdio", ...(options.serverArgs ?? [])];
    const child = spawn(process.execPath, argv, { stdio: ["pipe", "pipe", "pipe"] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection, root, options.settings ?? null);
    child.stderr!.on("data", (d) => (client.stderr += String(d)));
    connection.onNotification("textDocument/publishDiagnostics", (p: PublishedDiagnostics) => client.onPublish(p));
    connection.onNotification("window/logMessage", (p: { message: string }) => void client.logs.push(p.message));
    connection.onRequest("workspace/configuration", (p: { items: { section?: string }[] }) =>
      p.items.map((item) => (options.settingsFor ? options.settingsFor(item.section) : client.settings)),
    );
    connection.onRequest("client/registerCapability", () => null);
    connection.onRequest("workspace/inlayHint/refresh", () => null);
    connection.onRequest("workspace/codeLens/refresh", () => null);
    connection.onRequest("window/workDoneProgress/create", () => null);
    connection.listen();
    const rootUri = uriOf(root);
    client.initializeResult = await connection.sendRequest("initialize", {
      processId: process.pid,
      clientInfo: { name: options.clientName ?? "lrlens-test-client" },
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: "fixtures" }],
      initializationOptions: options.initializationOptions,
      capabilities: {
        workspace: { configuration: !options.noConfiguration, didChangeWatchedFiles: { dynamicRegistration: true }, inlayHint: { refreshSupport: true }, workspaceFolders: true },
        textDocument: {
          hover: { contentFormat: ["markdown", "plaintext"] },
          completion: { completionItem: { snippetSupport: true } },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix", "source.fixAll"] } } },
          inlayHint: {},
          codeLens: {},
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
      },
    });
    connection.sendNotification("initialized", {});
    return client;
  }

  /** Answers the next `workspace/configuration` pulls with new settings and tells the server. */
  changeSettings(settings: unknown): void {
    this.settings = settings;
    this.connection.sendNotification("workspace/didChangeConfiguration", { settings: { lrlens: settings } });
  }

  request<R = any>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): void {
    this.connection.sendNotification(method, params);
  }

  /** Opens a file of the workspace (its text from disk unless given); returns its URI. */
  open(relPath: string, text?: string): { uri: string; text: string } {
    const path = join(this.root, relPath);
    const body = text ?? readFileSync(path, "utf8");
    const uri = uriOf(path);
    this.versions.set(uri, 1);
    this.notify("textDocument/didOpen", { textDocument: { uri, languageId: "yaml", version: 1, text: body } });
    return { uri, text: body };
  }

  /** Sends edits (incremental ranges, or a whole new text); returns the new version. */
  change(uri: string, changes: ({ range: Range; text: string } | { text: string })[]): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.notify("textDocument/didChange", { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  close(uri: string): void {
    this.notify("textDocument/didClose", { textDocument: { uri } });
  }

  /** The next diagnostics published for `uri` satisfying `pred` (already published ones count when `since` is 0). */
  diagnostics(uri: string, pred: (p: PublishedDiagnostics) => boolean = () => true, opts: { includePast?: boolean; timeoutMs?: number } = {}): Promise<PublishedDiagnostics> {
    if (opts.includePast) {
      const past = (this.published.get(uri) ?? []).find(pred);
      if (past) return Promise.resolve(past);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${opts.timeoutMs ?? 20_000} ms; stderr: ${this.stderr.slice(-500)}`)), opts.timeoutMs ?? 20_000);
      this.waiters.push({ uri, pred, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  /** Diagnostics for the given version (or later). */
  diagnosticsFor(uri: string, version: number): Promise<PublishedDiagnostics> {
    return this.diagnostics(uri, (p) => (p.version ?? 0) >= version, { includePast: true });
  }

  /** shutdown + exit; resolves with the process's exit code. */
  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.once("exit", (code) => resolve(code)));
    await this.request("shutdown", null);
    this.notify("exit", null);
    const code = await exited;
    this.connection.dispose();
    return code;
  }

  kill(): void {
    this.connection.dispose();
    this.child.kill();
  }

  private onPublish(p: PublishedDiagnostics): void {
    const list = this.published.get(p.uri) ?? [];
    list.push(p);
    this.published.set(p.uri, list);
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const w = this.waiters[i];
      if (w.uri === p.uri && w.pred(p)) {
        this.waiters.splice(i, 1);
        w.resolve(p);
      }
    }
  }
}

/** The LSP position of the first occurrence of `needle` in `text` (plus `delta` characters). */
export function positionOf(text: string, needle: string, delta = 0): Position {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`${JSON.stringify(needle)} not found`);
  const before = text.slice(0, offset + delta);
  const line = before.split("\n").length - 1;
  return { line, character: before.length - before.lastIndexOf("\n") - 1 };
}
