/** The worker engine against a stand-in worker script: answers in order, times out, and replaces a runaway worker. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { WorkerEngine, type Culprit } from "../src/engine";
import { Logger } from "../src/log";
import { parseSettings } from "../src/settings";

/** A worker that echoes jobs, never answers a job for `stall://…`, and spins forever on `spin://…`. */
const SCRIPT = `
const { parentPort } = require("node:worker_threads");
let opened = [];
parentPort.on("message", (m) => {
  if (m.t === "open") opened.push(m.uri);
  if (m.t !== "job") return;
  if (m.uri.startsWith("spin:")) for (;;) {}
  if (m.uri.startsWith("stall:")) return;
  parentPort.postMessage({ t: "done", id: m.id, result: { method: m.method, uri: m.uri, opened } });
});
parentPort.postMessage({ t: "ready" });
`;

const settings = parseSettings(null);
let engine: WorkerEngine | undefined;
afterEach(() => engine?.dispose());

function start(watchdogMs: number, killed: Culprit[] = []) {
  const dir = mkdtempSync(join(tmpdir(), "lrlens-engine-"));
  const script = join(dir, "worker.cjs");
  writeFileSync(script, SCRIPT);
  const logs: string[] = [];
  const logger = new Logger({ error: (m) => logs.push(m), warn: (m) => logs.push(m), info: () => {}, log: () => {} });
  engine = new WorkerEngine(script, logger, () => [{ t: "open", uri: "file:///a.yml", version: 1, text: "" }], (c) => killed.push(c), watchdogMs);
  return { engine, logs, killed };
}

describe("WorkerEngine", () => {
  it("runs jobs in the worker and hands back their results", async () => {
    const { engine } = start(5000);
    expect(await engine.run("textDocument/hover", "file:///a.yml", 1, settings, {}, Infinity)).toEqual({ method: "textDocument/hover", uri: "file:///a.yml", opened: ["file:///a.yml"] });
  });

  it("answers undefined when a request is not answered in time, without killing the worker", async () => {
    const { engine, killed } = start(5000);
    expect(await engine.run("textDocument/hover", "stall://x", 1, settings, {}, 50)).toBeUndefined();
    expect(killed).toEqual([]);
  });

  it("kills a runaway job's worker, quarantines that version, and carries on with a fresh worker", async () => {
    const killed: Culprit[] = [];
    const { engine, logs } = start(300, killed);
    const spinning = engine.run("diagnostics", "spin://bad.yml", 7, settings, {}, Infinity);
    const queued = engine.run("textDocument/hover", "file:///a.yml", 1, settings, {}, Infinity);
    expect(await spinning).toBeUndefined();
    expect(await queued).toBeUndefined();
    expect(killed).toEqual([{ uri: "spin://bad.yml", version: 7, method: "diagnostics" }]);
    expect(logs.join("\n")).toMatch(/spin:\/\/bad\.yml: analysis ran longer than 300 ms/);
    expect(engine.isQuarantined("spin://bad.yml", 7)).toBe(true);
    expect(await engine.run("diagnostics", "spin://bad.yml", 7, settings, {})).toBeUndefined();
    // The fresh worker got the open documents again and answers.
    expect(await engine.run("textDocument/hover", "file:///a.yml", 1, settings, {}, Infinity)).toMatchObject({ opened: ["file:///a.yml"] });
    expect(engine.isQuarantined("spin://bad.yml", 8)).toBe(false);
  });

  it("forgets a quarantined version when the client closes the document or sends new content for it", async () => {
    const { engine } = start(300);
    await engine.run("diagnostics", "spin://bad.yml", 1, settings, {}, Infinity);
    expect(engine.isQuarantined("spin://bad.yml", 1)).toBe(true);
    // A reopened document starts again at version 1 with whatever text it has now.
    engine.post({ t: "close", uri: "spin://bad.yml" });
    expect(engine.isQuarantined("spin://bad.yml", 1)).toBe(false);
    await engine.run("diagnostics", "spin://bad.yml", 1, settings, {}, Infinity);
    engine.post({ t: "open", uri: "spin://bad.yml", version: 1, text: "other text" });
    expect(engine.isQuarantined("spin://bad.yml", 1)).toBe(false);
  });
});

describe("WorkerEngine with a worker that cannot start", () => {
  it("stops restarting after a few failed starts and answers undefined", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lrlens-engine-"));
    const script = join(dir, "broken.cjs");
    writeFileSync(script, "throw new Error('broken bundle');\n");
    let gaveUpNow: () => void = () => {};
    const gaveUp = new Promise<void>((resolve) => (gaveUpNow = resolve));
    const onLog = (m: string) => void (m.includes("failed to start 3 times") && gaveUpNow());
    const logger = new Logger({ error: onLog, warn: onLog, info: () => {}, log: () => {} });
    engine = new WorkerEngine(script, logger, () => [], () => {});
    await gaveUp;
    expect(await engine.run("textDocument/hover", "file:///a.yml", 1, settings, {})).toBeUndefined();
  });
});
