/**
 * Drives the live server for the fuzzer: opens each case's document (alone, or as the `_BASE_` of
 * an open child), sends its edits as `didChange` (range or full text), fires a burst of requests
 * after each edit, and records latency, hangs, crashes, malformed frames, bad results, handler
 * errors and limit diagnostics. A dead or stuck server is counted and replaced.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { TextDocument } from "vscode-languageserver-textdocument";
import { LspClient } from "../harness";
import type { FuzzCase } from "./generate";
import { resolveMutation } from "./mutate";
import { limitKind, resultProblem, type FuzzMethod } from "./results";
import { WireReader, type WireMessage } from "./wire";

export interface Failure {
  kind: "crash" | "hang" | "stuck" | "watchdog" | "malformed" | "bad-result" | "error-response" | "handler-error" | "internal-error";
  detail: string;
  /** Size of the fuzzed document when it happened, and where its text was saved (with `dumpDir`). */
  docChars?: number;
  saved?: string;
}

export interface FuzzStats {
  cases: number;
  /** Document versions sent (one per edit). */
  docs: number;
  requests: number;
  crashes: number;
  /** Requests answered after more than `hangMs`. */
  hangs: number;
  failures: Failure[];
  latencies: number[];
  limits: Record<string, number>;
  errorResponses: Record<string, number>;
  workerRestarts: number;
}

export interface SessionOptions {
  /** Workspace folder: the corpus root (documents open under their real paths) or any folder. */
  root: string;
  /** Text of a corpus source by index. */
  corpusText?: (index: number) => { rel: string; text: string };
  hangMs?: number;
  /** A request unanswered this long means the server is stuck: it is replaced. */
  stuckMs?: number;
  /** Save the document of the first failures here (outside the repository), for replaying by hand. */
  dumpDir?: string;
}

/** Synthetic documents live under this folder of the workspace; they are buffers only, never written. */
const FUZZ_DIR = "__lrlens_fuzz__";
const BUSY = -32802;

export function newStats(): FuzzStats {
  return { cases: 0, docs: 0, requests: 0, crashes: 0, hangs: 0, failures: [], latencies: [], limits: {}, errorResponses: {}, workerRestarts: 0 };
}

export class FuzzSession {
  readonly stats = newStats();
  private client!: LspClient;
  private exited!: Promise<"exited">;
  private alive = false;
  private caseFailures: Failure[] = [];
  private readonly published = new Map<string, any[]>();
  /** The client's copy of each open document (the same library the server uses applies the same changes). */
  private readonly open = new Map<string, TextDocument>();
  private readonly hangMs: number;
  /** The document being mutated (for failure reports). */
  private current: TextDocument | undefined;
  private dumped = 0;
  /** Recent versions' texts by `uri#version`, to attribute late diagnostics to the text they describe. */
  private readonly versions = new Map<string, string>();
  private readonly stuckMs: number;

  private constructor(private readonly options: SessionOptions) {
    this.hangMs = options.hangMs ?? 1000;
    this.stuckMs = options.stuckMs ?? 10_000;
  }

  static async start(options: SessionOptions): Promise<FuzzSession> {
    const s = new FuzzSession(options);
    await s.spawn();
    return s;
  }

  private async spawn(): Promise<void> {
    this.client = await LspClient.start({ root: this.options.root, settings: null });
    this.alive = true;
    const reader = new WireReader(
      (m) => this.onMessage(m),
      (problem) => this.fail({ kind: "malformed", detail: problem }),
    );
    this.client.child.stdout!.on("data", (chunk: Buffer) => reader.feed(chunk));
    this.exited = new Promise((resolve) => this.client.child.once("exit", () => resolve("exited")));
    this.client.child.once("exit", (code, signal) => {
      if (!this.alive) return;
      this.alive = false;
      this.stats.crashes++;
      this.fail({ kind: "crash", detail: `server exited (code ${code}, signal ${signal}); stderr: ${this.client.stderr.slice(-800)}` });
    });
  }

  /** `text` defaults to the document being mutated; a published diagnostic names its own version. */
  private fail(f: Failure, text = this.current?.getText()): void {
    f.docChars = text?.length;
    if (this.options.dumpDir && text !== undefined && this.dumped < 30 && f.kind !== "error-response") {
      f.saved = join(this.options.dumpDir, `failure-${++this.dumped}-${f.kind}.yml`);
      writeFileSync(f.saved, text);
    }
    this.caseFailures.push(f);
    if (this.stats.failures.length < 200) this.stats.failures.push(f);
  }

  private onMessage(m: WireMessage): void {
    if (m.method === "textDocument/publishDiagnostics") {
      const ds: any[] = m.params?.diagnostics ?? [];
      const text = this.versions.get(`${m.params?.uri}#${m.params?.version}`);
      this.published.set(m.params?.uri, ds);
      for (const d of ds) {
        if (d.code === "limit-exceeded") this.stats.limits[limitKind(String(d.message))] = (this.stats.limits[limitKind(String(d.message))] ?? 0) + 1;
        if (d.code === "limit-exceeded" && /stopped analysing/.test(String(d.message))) this.fail({ kind: "watchdog", detail: String(d.message) }, text);
        if (d.code === "internal-error") this.fail({ kind: "internal-error", detail: String(d.message).slice(0, 600) }, text);
      }
    } else if (m.method === "window/logMessage") {
      const text = String(m.params?.message ?? "");
      if (/worker (exited|failed)|restarted/.test(text)) this.stats.workerRestarts++;
      if (m.params?.type === 1) this.fail({ kind: "handler-error", detail: text.slice(0, 800) });
    }
  }

  /** Runs one case; returns the failures seen while it ran (empty when the server behaved). */
  async runCase(c: FuzzCase): Promise<Failure[]> {
    this.caseFailures = [];
    if (!this.alive) await this.restart();
    this.stats.cases++;
    const source = c.source.kind === "corpus" && this.options.corpusText ? this.options.corpusText(c.source.index) : { rel: `${FUZZ_DIR}/generated.yml`, text: c.source.kind === "generated" ? c.source.text : "" };
    const docs: TextDocument[] = [];
    let target: TextDocument;
    let requested: TextDocument;
    if (c.asBase) {
      const base = this.openDoc(`${FUZZ_DIR}/base.yml`, source.text);
      const child = this.openDoc(`${FUZZ_DIR}/child.yml`, /^(iters|lr_scheduler):/m.test(source.text) ? "_base_: ./base.yml\niters: 1000\n" : "_BASE_: [./base.yml]\nepoch: 12\n");
      docs.push(base, child);
      target = base;
      requested = child;
      this.current = base;
    } else {
      target = this.openDoc(source.rel, source.text);
      docs.push(target);
      requested = target;
      this.current = target;
    }
    for (const step of c.steps) {
      if (!this.alive) break;
      const text = target.getText();
      const edit = resolveMutation(text, step.mutation);
      const change = step.full ? { text: text.slice(0, edit.start) + edit.newText + text.slice(edit.end) } : { range: { start: target.positionAt(edit.start), end: target.positionAt(edit.end) }, text: edit.newText };
      const version = this.client.change(target.uri, [change]);
      target = TextDocument.update(target, [change], version);
      this.open.set(target.uri, target);
      this.current = target;
      this.remember(target);
      if (requested.uri === target.uri) requested = target;
      this.stats.docs++;
      await this.burst(requested, c.probes);
    }
    if (this.alive) for (const d of docs) this.client.close(d.uri);
    this.open.clear();
    return this.caseFailures;
  }

  private remember(doc: TextDocument): void {
    this.versions.set(`${doc.uri}#${doc.version}`, doc.getText());
    if (this.versions.size > 64) this.versions.delete(this.versions.keys().next().value as string);
  }

  private openDoc(rel: string, text: string): TextDocument {
    const { uri } = this.client.open(rel, text);
    const doc = TextDocument.create(uri, "yaml", 1, text);
    this.open.set(uri, doc);
    this.remember(doc);
    return doc;
  }

  /** A position from a probe: inside the text for probes in [0, 1], past its end (as a sloppy client might send) otherwise. */
  private probe(doc: TextDocument, p: number) {
    if (p > 1) return { line: doc.lineCount + Math.floor(p * 10), character: 3 };
    if (p < 0) return { line: 0, character: 100_000 };
    return doc.positionAt(Math.floor(p * doc.getText().length));
  }

  private async burst(doc: TextDocument, probes: number[]): Promise<void> {
    const td = { uri: doc.uri };
    const [a, b] = [probes[2], probes[3]].map((p) => Math.min(1, Math.max(0, p))).sort((x, y) => x - y);
    const whole = { start: { line: 0, character: 0 }, end: { line: doc.lineCount, character: 0 } };
    const context = { diagnostics: (this.published.get(doc.uri) ?? []).slice(0, 20) };
    const sent: [FuzzMethod, unknown][] = [
      ["textDocument/hover", { textDocument: td, position: this.probe(doc, probes[0]) }],
      ["textDocument/hover", { textDocument: td, position: this.probe(doc, probes[1]) }],
      ["textDocument/completion", { textDocument: td, position: this.probe(doc, probes[2]) }],
      ["textDocument/codeAction", { textDocument: td, range: { start: this.probe(doc, a), end: this.probe(doc, b) }, context }],
      ["textDocument/inlayHint", { textDocument: td, range: whole }],
      ["textDocument/codeLens", { textDocument: td }],
      ["textDocument/documentSymbol", { textDocument: td }],
      ["lrlens/curves", { textDocument: td }],
    ];
    const results = await Promise.all(sent.map(([method, params]) => this.timed(method, params, doc.lineCount)));
    const actions = results[3];
    const resolvable = Array.isArray(actions) ? actions.find((x: any) => x && x.data !== undefined && x.edit === undefined) : undefined;
    if (resolvable) await this.timed("codeAction/resolve", resolvable, doc.lineCount);
  }

  private async timed(method: FuzzMethod, params: unknown, lineCount: number): Promise<any> {
    if (!this.alive) return undefined;
    this.stats.requests++;
    const t0 = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const stuck = new Promise<"stuck">((resolve) => (timer = setTimeout(() => resolve("stuck"), this.stuckMs)));
    const answer = this.client.request(method, params).then(
      (result) => ({ result }),
      (error: { code?: number; message?: string }) => ({ error }),
    );
    const out = await Promise.race([answer, stuck, this.exited]);
    clearTimeout(timer);
    const ms = performance.now() - t0;
    if (out === "exited") return undefined;
    if (out === "stuck") {
      this.stats.hangs++;
      this.fail({ kind: "stuck", detail: `${method} unanswered after ${this.stuckMs} ms; the server is replaced` });
      await this.restart();
      return undefined;
    }
    this.stats.latencies.push(ms);
    if (ms > this.hangMs) {
      this.stats.hangs++;
      this.fail({ kind: "hang", detail: `${method} answered after ${ms.toFixed(0)} ms` });
    }
    if ("error" in out) {
      const code = String(out.error?.code ?? "none");
      this.stats.errorResponses[code] = (this.stats.errorResponses[code] ?? 0) + 1;
      // "Busy, retry" is a documented answer of lrlens/curves; anything else is a failed handler.
      if (!(method === "lrlens/curves" && out.error?.code === BUSY)) this.fail({ kind: "error-response", detail: `${method}: ${out.error?.code} ${out.error?.message}` });
      return undefined;
    }
    const problem = resultProblem(method, out.result, lineCount, (uri) => this.open.get(uri)?.lineCount);
    if (problem) this.fail({ kind: "bad-result", detail: `${method}: ${problem}` });
    return out.result;
  }

  private async restart(): Promise<void> {
    this.alive = false;
    try {
      this.client.kill();
    } catch {
      // Already gone.
    }
    this.published.clear();
    await this.spawn();
  }

  async stop(): Promise<number | null> {
    if (!this.alive) return null;
    this.alive = false;
    return this.client.shutdown();
  }
}

/** p-quantile of latencies (ms). */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
