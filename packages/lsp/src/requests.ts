/**
 * Every request the analysis answers, registered on the connection: each is forwarded with the
 * document's current version and settings, and answered with its empty result when it fails or
 * takes too long; `lrlens/curves` answers errors instead (InternalError, or ServerCancelled while
 * the worker is busy), since its caller can retry.
 */
import { LSPErrorCodes, ResponseError, type Connection, type TextDocuments } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Configuration } from "./configuration";
import type { Engine } from "./engine";
import { guard } from "./guard";
import type { Logger } from "./log";
import { CURVES_REQUEST } from "./protocol";
import type { JobMethod } from "./worker-protocol";

export interface RequestDeps {
  documents: TextDocuments<TextDocument>;
  configuration: Configuration;
  logger: Logger;
  /** The current engine (it is replaced at `initialize`). */
  engine: () => Engine;
}

type WithDoc = { textDocument: { uri: string } };
const docUri = (p: WithDoc) => p.textDocument.uri;

export function registerRequests(connection: Connection, deps: RequestDeps): void {
  const { documents, configuration, logger } = deps;
  const forward = <P>(method: JobMethod, uriOf: (p: P) => string, empty: unknown, emptyFor: (p: P) => unknown = () => empty) =>
    guard(logger, method, method === CURVES_REQUEST ? "error" : empty, async (p: P) => {
      const uri = uriOf(p);
      const doc = documents.get(uri);
      if (!doc) return emptyFor(p);
      const engine = deps.engine();
      const result = await engine.run(method, uri, doc.version, await configuration.get(uri), p);
      if (result !== undefined) return result;
      const busy = method === CURVES_REQUEST && !engine.isQuarantined(uri, doc.version);
      return busy ? new ResponseError(LSPErrorCodes.ServerCancelled, "lrlens is busy with another analysis; retry") : emptyFor(p);
    });
  connection.onHover(forward("textDocument/hover", docUri, null) as never);
  connection.onCompletion(forward("textDocument/completion", docUri, []) as never);
  connection.onCodeAction(forward("textDocument/codeAction", docUri, []) as never);
  // An action that cannot be resolved comes back as it was, never as null.
  connection.onCodeActionResolve(forward("codeAction/resolve", (a: { data?: { uri?: string } }) => String(a.data?.uri ?? ""), null, (a) => a) as never);
  connection.languages.inlayHint.on(forward("textDocument/inlayHint", docUri, []) as never);
  connection.onCodeLens(forward("textDocument/codeLens", docUri, []) as never);
  connection.onDocumentSymbol(forward("textDocument/documentSymbol", docUri, []) as never);
  connection.onRequest(CURVES_REQUEST, forward("lrlens/curves", docUri, { schedules: [] }));
}
