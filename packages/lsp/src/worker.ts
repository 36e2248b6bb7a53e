/** The analysis worker's entry: answers the LSP thread's messages with the analysis service, one at a time. */
import { parentPort } from "node:worker_threads";
import { AnalysisService } from "./analysis-service";
import type { FromWorker, ToWorker } from "./worker-protocol";

export const WORKER_MARKER = "lrlens-analysis-worker";

export function runAnalysisWorker(): void {
  const port = parentPort;
  if (!port) throw new Error("the analysis worker must run in a worker thread");
  const service = new AnalysisService();
  port.on("message", (msg: ToWorker) => {
    const out = service.handle(msg);
    if (out) port.postMessage(out);
  });
  port.postMessage({ t: "ready" } satisfies FromWorker);
}
