/** The `lrlens` process: wires real stdio into `execute` and sets the exit code it returns; the same bundle, started as a worker thread, is a `check` worker. */
import { isMainThread, workerData } from "node:worker_threads";
import { execute } from "./cli";
import { CHECK_WORKER_ROLE } from "./parallel/pool";
import { runCheckWorker } from "./parallel/worker";

if (!isMainThread && (workerData as { role?: string } | null)?.role === CHECK_WORKER_ROLE) runCheckWorker();
else main();

function main(): void {
  // `lrlens curve ... | head` closes the pipe early: that is the reader's choice, not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  execute(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    env: process.env,
    isTTY: process.stdout.isTTY === true,
    // The bundle is CommonJS, so `__filename` is dist/cli.js itself: `check` workers run it too.
    workerScript: __filename,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`lrlens: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
