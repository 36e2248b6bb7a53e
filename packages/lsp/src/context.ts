/** What every handler may use: the document store and the client's relevant capabilities, read once at `initialize`. */
import type { DocumentStore } from "./documents";
import type { Logger } from "./log";

export interface ClientCapabilities {
  /** Completion items may be snippets. */
  snippets: boolean;
  /** The client runs `lrlens.showCurve [uri, path]` (the lrlens VS Code extension, or `initializationOptions.supportsShowCurve`). */
  showCurve: boolean;
  /** The client resolves code actions lazily (`codeAction/resolve` with `edit`). */
  codeActionResolve: boolean;
}

export interface ServerContext {
  store: DocumentStore;
  logger: Logger;
  client: ClientCapabilities;
}
