/** A `lrlens check` worker thread: checks the batches of files the main thread sends, with its own parse cache. */
import { parentPort, workerData } from "node:worker_threads";
import { FileChecker, type CheckerOptions } from "../commands/check-file";
import { pickFix } from "../commands/fix-choice";
import type { FromCheckWorker, ToCheckWorker } from "./pool";

export function runCheckWorker(): void {
  const port = parentPort;
  if (!port) throw new Error("the check worker must run in a worker thread");
  const checker = new FileChecker((workerData as { options: CheckerOptions }).options, pickFix);
  port.on("message", (msg: ToCheckWorker) => {
    try {
      const results = msg.items.map((f) => ({ index: f.index, outcome: checker.check(f) }));
      port.postMessage({ t: "done", results } satisfies FromCheckWorker);
    } catch (e) {
      port.postMessage({ t: "failed", message: e instanceof Error ? e.message : String(e) } satisfies FromCheckWorker);
    }
  });
}
