/** What every handler may use: the snapshot of a document (with the request's settings) and the client's capabilities. */
import type { Snapshot } from "./documents";

export interface ClientCapabilities {
  /** Completion items may be snippets. */
  snippets: boolean;
  /** The client runs `lrlens.showCurve [uri, path]` (the lrlens VS Code extension, or `initializationOptions.supportsShowCurve`). */
  showCurve: boolean;
  /** The client resolves code actions lazily (`codeAction/resolve` with `edit`). */
  codeActionResolve: boolean;
}

export interface HandlerContext {
  /** The current snapshot of an open document, or undefined when it is not one the server acts on. */
  snapshot(uri: string): Snapshot | undefined;
  /** The newest analysis with the current text (possibly of an older version): for completion while typing. */
  recent(uri: string): Snapshot | undefined;
  client: ClientCapabilities;
}

export const NO_CLIENT_CAPABILITIES: ClientCapabilities = { snippets: false, showCurve: false, codeActionResolve: false };
