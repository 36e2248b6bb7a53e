/**
 * Messages between the server's LSP thread and its analysis worker. All analysis runs in the
 * worker, so a pathological config can only stall the worker, which the LSP thread can time out,
 * kill and restart while it keeps answering the editor.
 */
import type { ClientCapabilities } from "./context";
import type { Settings } from "./settings";

/** Requests the analysis side answers; each is one handler (see `handlers/`). */
export type JobMethod =
  | "diagnostics"
  | "textDocument/hover"
  | "textDocument/completion"
  | "textDocument/codeAction"
  | "codeAction/resolve"
  | "textDocument/inlayHint"
  | "textDocument/codeLens"
  | "textDocument/documentSymbol"
  | "lrlens/curves";

export type ToWorker =
  | { t: "init"; folders: string[]; client: ClientCapabilities }
  | { t: "folders"; folders: string[] }
  | { t: "open"; uri: string; version: number; text: string }
  | { t: "close"; uri: string }
  /** A file changed on disk (or a `.lrlens.yaml`): forget cached reads and analyses. */
  | { t: "fileChanged"; uri: string }
  /** Settings or project configuration changed: every analysis is stale. */
  | { t: "invalidate" }
  | { t: "job"; id: number; method: JobMethod; uri: string; version: number; settings: Settings; params: unknown };

export type FromWorker =
  /** Sent once the worker listens: the watchdog does not count its start-up. */
  | { t: "ready" }
  | { t: "done"; id: number; result: unknown; error?: undefined }
  | { t: "done"; id: number; result?: undefined; error: string }
  | { t: "log"; level: "error" | "warn" | "info" | "debug"; message: string };

/** What a `diagnostics` job answers: the LSP diagnostics (undefined: not a file we act on) and the files it inherits from. */
export interface DiagnosticsResult<D = unknown> {
  diagnostics: D[] | undefined;
  /** `uriKey`s of the base files of the document's chain. */
  bases: string[];
}
