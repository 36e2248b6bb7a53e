/**
 * Push diagnostics, debounced per document: an edit after a quiet spell is linted at once, a burst
 * of keystrokes is coalesced into one run after `lrlens.diagnostics.debounceMs`; a newer version
 * supersedes a pending run and a closed document gets an empty list.
 */
import type { Connection, Diagnostic as LspDiagnostic, TextDocuments } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Configuration } from "./configuration";
import { WATCHDOG_MS, type Engine } from "./engine";
import type { Logger } from "./log";
import { errorText } from "./guard";
import { uriKey } from "./host";
import type { DiagnosticsResult } from "./worker-protocol";

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lastChange = new Map<string, number>();
  /** Documents we ever published for (a file that stops holding a schedule then gets its list cleared). */
  private readonly published = new Set<string>();
  /** Base file key → open documents whose chain includes it. */
  private readonly dependents = new Map<string, Set<string>>();
  private debounceMs = 120;

  constructor(
    private readonly connection: Pick<Connection, "sendDiagnostics">,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly configuration: Configuration,
    private readonly engine: () => Engine,
    private readonly logger: Logger,
  ) {}

  setDebounce(ms: number): void {
    this.debounceMs = ms;
  }

  /** A document changed: lint now if it has been quiet, else once the burst is over. */
  changed(uri: string): void {
    const now = Date.now();
    const quiet = now - (this.lastChange.get(uri) ?? -Infinity) >= this.debounceMs;
    this.lastChange.set(uri, now);
    this.schedule(uri, quiet && !this.timers.has(uri) ? 0 : this.debounceMs);
  }

  /** Lint as soon as possible (base change, settings change, restart). */
  now(uri: string): void {
    this.schedule(uri, 0);
  }

  /** Open documents that inherit from `uri` (directly or deeper in the chain). */
  dependentsOf(uri: string): string[] {
    return [...(this.dependents.get(uriKey(uri)) ?? [])].filter((d) => d !== uri && this.documents.get(d));
  }

  closed(uri: string): void {
    this.cancel(uri);
    this.lastChange.delete(uri);
    this.published.delete(uri);
    for (const set of this.dependents.values()) set.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** The analysis of this version was abandoned as too slow: say so in the document itself. */
  gaveUp(uri: string, version: number): void {
    this.published.add(uri);
    void this.connection.sendDiagnostics({ uri, version, diagnostics: [tooSlow()] });
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }

  private schedule(uri: string, delay: number): void {
    this.cancel(uri);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.run(uri);
      }, delay),
    );
  }

  private async run(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    if (this.engine().isQuarantined(uri, version)) return this.gaveUp(uri, version);
    let result: DiagnosticsResult<LspDiagnostic> | undefined;
    try {
      const settings = await this.configuration.get(uri);
      // No short timeout: the watchdog ends a runaway analysis (and reports it through gaveUp).
      result = await this.engine().run<DiagnosticsResult<LspDiagnostic>>("diagnostics", uri, version, settings, { uri }, Infinity);
      if (!result) return;
    } catch (e) {
      // One broken analysis must not silence the document: say so where the user looks.
      this.logger.error(`[diagnostics] ${uri}: ${errorText(e)}`);
      result = { diagnostics: [internalError(e)], bases: [] };
    }
    // A newer version arrived meanwhile: its own run (already scheduled) publishes instead.
    if (this.documents.get(uri)?.version !== version || this.timers.has(uri)) return;
    this.recordBases(uri, result.bases);
    // A plain YAML file (no schedule possible) costs no message at all, unless it needs clearing.
    if (result.diagnostics === undefined && !this.published.has(uri)) return;
    this.published.add(uri);
    await this.connection.sendDiagnostics({ uri, version, diagnostics: result.diagnostics ?? [] });
  }

  private recordBases(uri: string, bases: string[]): void {
    for (const set of this.dependents.values()) set.delete(uri);
    for (const key of bases) {
      let set = this.dependents.get(key);
      if (!set) this.dependents.set(key, (set = new Set()));
      set.add(uri);
    }
  }
}

function internalError(e: unknown): LspDiagnostic {
  const message = (e instanceof Error ? e.message : String(e)).split("\n")[0];
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 2,
    code: "internal-error",
    source: "lrlens",
    message: `lrlens could not analyse this file (internal error: ${message}). Other files are unaffected; please report this.`,
  };
}

function tooSlow(): LspDiagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 2,
    code: "limit-exceeded",
    source: "lrlens",
    message: `lrlens stopped analysing this version of the file: it took longer than ${WATCHDOG_MS / 1000} s (a schedule too expensive to evaluate, or an lrlens bug). Edit the file to try again; the rest of the workspace is unaffected.`,
  };
}
