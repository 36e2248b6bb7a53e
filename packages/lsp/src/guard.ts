/**
 * The one wrapper around every handler: an exception (or rejected promise) is logged with the
 * feature, URI and line, and answered with the handler's empty result or an LSP error response,
 * so a bug in one feature never takes the process or the other features down.
 */
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken } from "vscode-languageserver";
import type { Logger } from "./log";

/** Where a request points, for the log line: `file:///x.yml:12` (1-based line as editors show it). */
export function describeTarget(params: unknown): string {
  if (!params || typeof params !== "object") return "";
  const p = params as { textDocument?: { uri?: unknown }; position?: { line?: unknown }; range?: { start?: { line?: unknown } } };
  const uri = typeof p.textDocument?.uri === "string" ? p.textDocument.uri : "";
  const line = p.position?.line ?? p.range?.start?.line;
  return typeof line === "number" ? `${uri}:${line + 1}` : uri;
}

export function errorText(e: unknown): string {
  if (e instanceof Error) return e.stack ?? `${e.name}: ${e.message}`;
  return String(e);
}

type Handler<P, R> = (params: P, token: CancellationToken) => R | Promise<R>;

/**
 * Wraps a request handler. `empty` is what the client gets when the handler fails; pass
 * `"error"` to answer with an InternalError response instead (custom requests, whose callers
 * want to know). Cancelled requests answer RequestCancelled, as the protocol asks.
 */
export function guard<P, R>(logger: Logger, feature: string, empty: R | "error", handler: Handler<P, R>): Handler<P, R | ResponseError<void>> {
  return async (params, token) => {
    try {
      const result = await handler(params, token);
      if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, `${feature} cancelled`);
      return result;
    } catch (e) {
      logger.error(`[${feature}] ${describeTarget(params)}: ${errorText(e)}`);
      if (empty === "error") return new ResponseError(ErrorCodes.InternalError, `lrlens ${feature} failed: ${e instanceof Error ? e.message : String(e)}`);
      return empty;
    }
  };
}

/** Wraps a notification handler: failures are logged, never thrown back into the connection. */
export function guardNotification<P>(logger: Logger, feature: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
  return (params) => {
    try {
      const out = handler(params);
      if (out && typeof (out as Promise<void>).catch === "function")
        (out as Promise<void>).catch((e: unknown) => logger.error(`[${feature}] ${describeTarget(params)}: ${errorText(e)}`));
    } catch (e) {
      logger.error(`[${feature}] ${describeTarget(params)}: ${errorText(e)}`);
    }
  };
}
