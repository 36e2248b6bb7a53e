/** The `initialize` exchange: what the server reads from the client once (folders, capabilities, settings) and what it offers. */
import { CodeActionKind, TextDocumentSyncKind, type InitializeParams, type ServerCapabilities } from "vscode-languageserver";
import type { ClientCapabilities } from "./context";
import { FIX_ALL_KIND } from "./convert";
import { uriToPath } from "./host";

/** Workspace folder paths (multi-root), falling back to the deprecated `rootUri`/`rootPath`. */
export function workspaceFolderPaths(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const paths = uris.map(uriToPath).filter((p): p is string => !!p);
  if (paths.length === 0 && typeof params.rootPath === "string" && params.rootPath) paths.push(params.rootPath);
  return paths;
}

/**
 * VS Code-family clients running this server are the lrlens extension, which registers
 * `lrlens.showCurve`; any other client opts in with `initializationOptions.supportsShowCurve`.
 */
export function clientCapabilities(params: InitializeParams): ClientCapabilities {
  const caps = params.capabilities;
  const options = params.initializationOptions as { supportsShowCurve?: unknown } | undefined;
  const vscodeFamily = /^(Visual Studio Code|VSCodium|code-server|Cursor)/i.test(params.clientInfo?.name ?? "");
  return {
    snippets: !!caps.textDocument?.completion?.completionItem?.snippetSupport,
    showCurve: options?.supportsShowCurve === true || (options?.supportsShowCurve !== false && vscodeFamily),
    codeActionResolve: !!caps.textDocument?.codeAction?.resolveSupport?.properties?.includes("edit"),
  };
}

/**
 * Settings a client sends along at start: `{settings: {lrlens: …}}`, `{lrlens: …}` or the
 * `lrlens` section itself (what the VS Code extension sends); used when it cannot be asked later.
 */
export function initialSettings(options: unknown): unknown {
  if (!options || typeof options !== "object") return undefined;
  const o = options as Record<string, unknown>;
  const settings = o.settings as Record<string, unknown> | undefined;
  if (settings && typeof settings === "object") return "lrlens" in settings ? settings.lrlens : settings;
  if ("lrlens" in o) return o.lrlens;
  return o;
}

/** What the server offers every client. */
export function serverCapabilities(): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    hoverProvider: true,
    // `:` and space start a value, `!` a PaddleDetection tag; Enter's indentation is a space.
    completionProvider: { triggerCharacters: [":", " ", "!"] },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
    inlayHintProvider: true,
    codeLensProvider: { resolveProvider: false },
    documentSymbolProvider: true,
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}
