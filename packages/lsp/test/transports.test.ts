/** The built server starts on every transport editors use, and the committed bin runs it. */
import { fork, spawn, spawnSync } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createMessageConnection, IPCMessageReader, IPCMessageWriter, SocketMessageReader, SocketMessageWriter, type MessageConnection } from "vscode-jsonrpc/node";
import { LSP_DIR, SERVER } from "./harness";

async function initializeAndExit(connection: MessageConnection, exited: Promise<number | null>): Promise<{ name: string; code: number | null }> {
  connection.onRequest(() => null);
  connection.listen();
  const init = (await connection.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: {} })) as { serverInfo: { name: string } };
  connection.sendNotification("initialized", {});
  await connection.sendRequest("shutdown", null);
  connection.sendNotification("exit", null);
  const code = await exited;
  connection.dispose();
  return { name: init.serverInfo.name, code };
}

describe("transports", () => {
  it("speaks LSP over node IPC (how VS Code starts it)", async () => {
    const child = fork(SERVER, ["--node-ipc"], { silent: true });
    const exited = new Promise<number | null>((r) => child.once("exit", r));
    const out = await initializeAndExit(createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child)), exited);
    expect(out).toEqual({ name: "lrlens-language-server", code: 0 });
  });

  it("connects to a socket the client listens on with --socket=PORT", async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    const accepted = new Promise<import("node:net").Socket>((r) => server.once("connection", r));
    const child = spawn(process.execPath, [SERVER, `--socket=${port}`], { stdio: "ignore" });
    const exited = new Promise<number | null>((r) => child.once("exit", r));
    const socket = await accepted;
    const out = await initializeAndExit(createMessageConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket)), exited);
    server.close();
    expect(out).toEqual({ name: "lrlens-language-server", code: 0 });
  });

  it("refuses to start without a transport, with a usage line and exit code 2", () => {
    const r = spawnSync(process.execPath, [SERVER], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/usage: lrlens-language-server --stdio/);
  });

  it("runs from the committed bin script", () => {
    const r = spawnSync(process.execPath, [join(LSP_DIR, "bin/lrlens-language-server.js"), "--version"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
