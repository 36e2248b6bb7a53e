/**
 * The server's entry point: picks the transport from the command line (`--stdio`, `--node-ipc`,
 * `--socket=N`, `--pipe=NAME`, as vscode-languageserver reads them) and starts the server; the
 * same bundle, loaded as a worker thread, is the analysis worker.
 */
import { isMainThread, workerData } from "node:worker_threads";

/** Same string as `WORKER_MARKER` in worker.ts (not imported: this file must load nothing else up front). */
const WORKER_ROLE = "lrlens-analysis-worker";
const SERVER_NAME = "lrlens-language-server";

const USAGE = `usage: ${SERVER_NAME} --stdio | --node-ipc | --socket=PORT | --pipe=NAME

The lrlens language server: LR-schedule diagnostics, curve hovers, completion and quick fixes
for PaddlePaddle training configs, for any LSP client. See docs/editors.md.`;

function main(argv: string[]): void {
  // Loaded on demand (literal requires, bundled by esbuild) so each thread evaluates only its own
  // half of the bundle: the analysis worker never loads the LSP connection code, and `--version` nothing.
  if (argv.includes("--version") || argv.includes("-v")) {
    const { SERVER_VERSION } = require("./server") as typeof import("./server");
    process.stdout.write(`${SERVER_VERSION}\n`);
  } else if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(`${USAGE}\n`);
  } else if (!argv.some((a) => a === "--stdio" || a === "--node-ipc" || a.startsWith("--socket=") || a.startsWith("--pipe="))) {
    process.stderr.write(`${SERVER_NAME}: no transport given.\n${USAGE}\n`);
    process.exitCode = 2;
  } else {
    // Last line of defence: a stray exception is written to stderr (the client's log), never fatal.
    process.on("uncaughtException", (e) => process.stderr.write(`[${SERVER_NAME}] uncaught: ${e?.stack ?? String(e)}\n`));
    process.on("unhandledRejection", (e) => process.stderr.write(`[${SERVER_NAME}] unhandled rejection: ${e instanceof Error ? e.stack : String(e)}\n`));
    // The bundle is CommonJS, so `__filename` is this very file: the worker runs it too.
    // LRLENS_ANALYSIS=inline keeps everything on one thread (for debugging with breakpoints).
    const inline = process.env.LRLENS_ANALYSIS === "inline";
    const { createConnection, ProposedFeatures } = require("vscode-languageserver/node") as typeof import("vscode-languageserver/node");
    const { startServer } = require("./server") as typeof import("./server");
    startServer(createConnection(ProposedFeatures.all), { workerScript: inline ? undefined : __filename });
  }
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === WORKER_ROLE) (require("./worker") as typeof import("./worker")).runAnalysisWorker();
else main(process.argv.slice(2));
