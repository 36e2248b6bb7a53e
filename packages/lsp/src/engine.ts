/**
 * The LSP thread's handle on the analysis: jobs go to a worker thread in order; an interactive
 * request that is not answered in time gets its empty result, and a job that runs too long gets
 * the worker killed, the document version quarantined, and a fresh worker with the open documents.
 */
import { Worker } from "node:worker_threads";
import { AnalysisService } from "./analysis-service";
import type { Logger } from "./log";
import type { Settings } from "./settings";
import { WORKER_MARKER } from "./worker";
import type { FromWorker, JobMethod, ToWorker } from "./worker-protocol";

/**
 * Editors want an answer quickly; an empty one beats a late one (issue 9: within 1 s). The margin
 * covers the LSP thread, the pipe and the client on a loaded machine (the fuzzer saw 900 ms here
 * arrive after 1.0–1.25 s).
 */
export const REQUEST_TIMEOUT_MS = 650;
/** No single job of a sane config takes this long; one that does is hostile input. */
export const WATCHDOG_MS = 5000;
/** A runaway analysis dies alone (out of memory), not with the server. */
const WORKER_HEAP_MB = 512;
/**
 * A small young generation: analyses allocate in short bursts, and V8's default (16 MB
 * semi-spaces) leaves the server ~40 MB larger after opening 500 configs.
 */
const WORKER_YOUNG_MB = 2;
const MAX_FAILED_STARTS = 3;

export interface Culprit {
  uri: string;
  version: number;
  method: JobMethod;
}

export interface Engine {
  post(msg: Exclude<ToWorker, { t: "job" }>): void;
  /** Runs a job; undefined when it timed out, was killed, or its document version is quarantined. */
  run<T>(method: JobMethod, uri: string, version: number, settings: Settings, params: unknown, timeoutMs?: number): Promise<T | undefined>;
  isQuarantined(uri: string, version: number): boolean;
  dispose(): void;
}

/** For tests and environments without a worker script: the same service, in this thread. */
export class InlineEngine implements Engine {
  private readonly service = new AnalysisService();
  private nextId = 1;

  post(msg: Exclude<ToWorker, { t: "job" }>): void {
    this.service.handle(msg);
  }

  async run<T>(method: JobMethod, uri: string, version: number, settings: Settings, params: unknown): Promise<T | undefined> {
    const out = this.service.handle({ t: "job", id: this.nextId++, method, uri, version, settings, params });
    if (out?.t !== "done") return undefined;
    if (out.error !== undefined) throw new Error(out.error);
    return out.result as T;
  }

  isQuarantined(): boolean {
    return false;
  }

  dispose(): void {}
}

interface Pending extends Culprit {
  id: number;
  resolve: (value: unknown) => void;
  reject: (e: Error) => void;
}

export class WorkerEngine implements Engine {
  private worker!: Worker;
  private readonly pending: Pending[] = [];
  private readonly quarantined = new Map<string, number>();
  private nextId = 1;
  private watchdog: NodeJS.Timeout | undefined;
  private disposed = false;
  /** Whether the current worker has started listening (its start-up is not a runaway job). */
  private ready = false;
  /** Workers in a row that died before listening; a worker that cannot start is not restarted forever. */
  private failedStarts = 0;

  constructor(
    private readonly script: string,
    private readonly logger: Logger,
    /** Messages that bring a fresh worker up to date (init, folders, open documents). */
    private readonly replay: () => ToWorker[],
    /** Called after a runaway job got its worker killed. */
    private readonly onKilled: (culprit: Culprit) => void,
    private readonly watchdogMs = WATCHDOG_MS,
  ) {
    this.start();
  }

  post(msg: Exclude<ToWorker, { t: "job" }>): void {
    // New content from the client (an open, a change, or a close then a reopen at the same
    // version number) is analysed afresh: only the exact text that ran away stays skipped.
    if (msg.t === "open" || msg.t === "close") this.quarantined.delete(msg.uri);
    this.worker.postMessage(msg);
  }

  isQuarantined(uri: string, version: number): boolean {
    return this.quarantined.get(uri) === version;
  }

  run<T>(method: JobMethod, uri: string, version: number, settings: Settings, params: unknown, timeoutMs = REQUEST_TIMEOUT_MS): Promise<T | undefined> {
    if (this.disposed || this.isQuarantined(uri, version)) return Promise.resolve(undefined);
    const id = this.nextId++;
    const job = new Promise<unknown>((resolve, reject) => this.pending.push({ id, uri, version, method, resolve, reject }));
    this.worker.postMessage({ t: "job", id, method, uri, version, settings, params } satisfies ToWorker);
    if (this.pending.length === 1) this.arm();
    if (!Number.isFinite(timeoutMs)) return job as Promise<T | undefined>;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)));
    return Promise.race([job, late]).finally(() => clearTimeout(timer)) as Promise<T | undefined>;
  }

  dispose(): void {
    this.disposed = true;
    if (this.watchdog) clearTimeout(this.watchdog);
    void this.worker.terminate();
    this.settleAll();
  }

  private start(): void {
    this.ready = false;
    this.worker = new Worker(this.script, { workerData: { role: WORKER_MARKER }, argv: [], resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
    this.worker.on("message", (msg: FromWorker) => this.onMessage(msg));
    this.worker.on("error", (e) => this.logger.error(`analysis worker failed: ${e.stack ?? e.message}`));
    const worker = this.worker;
    worker.on("exit", (code) => {
      // A worker that died on its own (out of memory, a bug) is replaced like a killed one.
      if (this.disposed || worker !== this.worker) return;
      if (!this.ready && ++this.failedStarts >= MAX_FAILED_STARTS) {
        this.logger.error(`analysis worker failed to start ${MAX_FAILED_STARTS} times (code ${code}); lrlens features are off until the server restarts`);
        this.disposed = true;
        this.settleAll();
        return;
      }
      this.logger.error(`analysis worker exited (code ${code}); restarting it`);
      this.restart(this.ready ? this.pending[0] : undefined);
    });
    for (const msg of this.replay()) this.worker.postMessage(msg);
  }

  private onMessage(msg: FromWorker): void {
    if (msg.t === "log") {
      this.logger[msg.level](msg.message);
      return;
    }
    if (msg.t === "ready") {
      this.ready = true;
      this.failedStarts = 0;
      this.arm();
      return;
    }
    const i = this.pending.findIndex((p) => p.id === msg.id);
    if (i < 0) return;
    const [job] = this.pending.splice(i, 1);
    if (msg.error !== undefined) job.reject(new Error(msg.error));
    else job.resolve(msg.result);
    this.arm();
  }

  /** Gives the oldest pending job (the one the worker is running) WATCHDOG_MS from now. */
  private arm(): void {
    if (this.watchdog) clearTimeout(this.watchdog);
    this.watchdog = undefined;
    const head = this.pending[0];
    if (!head || !this.ready) return;
    this.watchdog = setTimeout(() => {
      if (this.pending[0] === head) this.restart(head);
    }, this.watchdogMs);
  }

  private restart(culprit: Pending | undefined): void {
    const old = this.worker;
    if (culprit) {
      this.quarantined.set(culprit.uri, culprit.version);
      this.logger.warn(`[${culprit.method}] ${culprit.uri}: analysis ran longer than ${this.watchdogMs} ms; this version of the file is skipped and the analysis worker restarted`);
    }
    this.settleAll();
    this.start();
    void old.terminate();
    if (culprit) this.onKilled({ uri: culprit.uri, version: culprit.version, method: culprit.method });
  }

  private settleAll(): void {
    for (const p of this.pending.splice(0)) p.resolve(undefined);
  }
}
