/**
 * Push diagnostics, debounced per document: an edit after a quiet spell is linted at once, a burst
 * of keystrokes is coalesced into one run after `lrlens.diagnostics.debounceMs`; a newer version
 * supersedes a pending run and a closed document gets an empty list.
 */
import type { Connection, Diagnostic as LspDiagnostic } from "vscode-languageserver";
import { LineIndex, type Diagnostic } from "@lrlens/core";
import type { DocumentStore } from "./documents";
import { errorText } from "./guard";
import type { Logger } from "./log";
import { toDiagnostic } from "./convert";
import { isProjectFile, type ProjectConfigs } from "./project";

export class DiagnosticsPublisher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lastChange = new Map<string, number>();
  /** Documents we ever published for (a file that stops holding a schedule then gets its list cleared). */
  private readonly published = new Set<string>();
  private debounceMs = 120;

  constructor(
    private readonly connection: Pick<Connection, "sendDiagnostics">,
    private readonly store: DocumentStore,
    private readonly projects: ProjectConfigs,
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

  /** Lint as soon as possible (open, base change, settings change). */
  now(uri: string): void {
    this.schedule(uri, 0);
  }

  closed(uri: string): void {
    this.cancel(uri);
    this.lastChange.delete(uri);
    this.published.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
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
    const doc = this.store.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    let diagnostics: LspDiagnostic[] | undefined;
    try {
      diagnostics = isProjectFile(uri) ? this.projectDiagnostics(uri) : await this.lint(uri);
    } catch (e) {
      // One broken analysis must not silence the document: say so where the user looks.
      this.logger.error(`[diagnostics] ${uri}: ${errorText(e)}`);
      diagnostics = [internalError(e)];
    }
    // A newer version arrived meanwhile: its own run (already scheduled) publishes instead.
    if (this.store.documents.get(uri)?.version !== version || this.timers.has(uri)) return;
    // A plain YAML file (no schedule possible) costs no message at all, unless it needs clearing.
    if (diagnostics === undefined && !this.published.has(uri)) return;
    this.published.add(uri);
    await this.connection.sendDiagnostics({ uri, version, diagnostics: diagnostics ?? [] });
  }

  /** The document's diagnostics, or undefined when it is not a file we act on. */
  private async lint(uri: string): Promise<LspDiagnostic[] | undefined> {
    const snap = await this.store.snapshot(uri);
    return snap?.diagnostics().map(toDiagnostic);
  }

  private projectDiagnostics(uri: string): LspDiagnostic[] {
    const entry = this.projects.for(uri);
    if (entry.uri === undefined || entry.uri !== uri) return [];
    const text = this.store.documents.get(uri)?.getText() ?? "";
    const index = new LineIndex(text);
    return entry.diagnostics.map((d: Diagnostic) => toDiagnostic({ ...d, range: index.range(d.span.start, d.span.end) }));
  }
}

function internalError(e: unknown): LspDiagnostic {
  const message = e instanceof Error ? e.message : String(e);
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 2,
    code: "internal-error",
    source: "lrlens",
    message: `lrlens could not analyse this file (internal error: ${message}). Other files are unaffected; please report this.`,
  };
}
