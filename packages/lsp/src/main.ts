/**
 * The server's entry point: picks the transport from the command line (`--stdio`, `--node-ipc`,
 * `--socket=N`, `--pipe=NAME`, as vscode-languageserver reads them) and starts the server.
 */
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { SERVER_NAME, SERVER_VERSION, startServer } from "./server";

const USAGE = `usage: ${SERVER_NAME} --stdio | --node-ipc | --socket=PORT | --pipe=NAME

The lrlens language server: LR-schedule diagnostics, curve hovers, completion and quick fixes
for PaddlePaddle training configs, for any LSP client. See docs/editors.md.`;

const argv = process.argv.slice(2);
if (argv.includes("--version") || argv.includes("-v")) {
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
  startServer(createConnection(ProposedFeatures.all));
}
