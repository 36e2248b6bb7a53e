/**
 * Handler tests over an in-memory duplex pair: the server's TypeScript runs in this process (no
 * bundle, no child), for what is easier to set up than to spawn: workspace boundaries of `_BASE_`.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { createConnection } from "vscode-languageserver/node";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import { startServer } from "../src/server";

type Published = { uri: string; diagnostics: { code?: string; message: string }[] };

async function inMemoryServer(folder: string | null, settings: unknown = null) {
  const up = new PassThrough();
  const down = new PassThrough();
  startServer(createConnection(new StreamMessageReader(up), new StreamMessageWriter(down)));
  const client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  const published: Published[] = [];
  const waiters: [string, (p: Published) => void][] = [];
  client.onNotification("textDocument/publishDiagnostics", (p: Published) => {
    published.push(p);
    for (const [uri, resolve] of waiters.filter(([u]) => u === p.uri)) resolve(p);
  });
  client.onRequest("workspace/configuration", (p: { items: unknown[] }) => p.items.map(() => settings));
  client.onRequest(() => null);
  client.listen();
  const folders = folder ? [{ uri: pathToFileURL(folder).href, name: "w" }] : null;
  await client.sendRequest("initialize", { processId: null, rootUri: folders?.[0].uri ?? null, workspaceFolders: folders, capabilities: { workspace: { configuration: true, workspaceFolders: true } } });
  client.sendNotification("initialized", {});
  const open = (path: string, text: string) => {
    const uri = pathToFileURL(path).href;
    const next = new Promise<Published>((r) => waiters.push([uri, r]));
    client.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "yaml", version: 1, text } });
    return next;
  };
  const next = (uri: string) => new Promise<Published>((r) => waiters.push([uri, r]));
  return { client, open, next, published, close: () => client.dispose() };
}

/** A workspace folder inside a temp dir, and a base file outside it. */
function layout() {
  const top = mkdtempSync(join(tmpdir(), "lrlens-ws-"));
  const ws = join(top, "workspace");
  mkdirSync(join(ws, "configs"), { recursive: true });
  writeFileSync(join(top, "outside.yml"), "epoch: 12\nLearningRate:\n  base_lr: 0.01\n  schedulers:\n  - !PiecewiseDecay\n    milestones: [8, 11]\n");
  const leaf = "# lrlens: steps-per-epoch=10\n_BASE_: ['../../outside.yml']\narchitecture: FasterRCNN\n";
  return { top, ws, leafPath: join(ws, "configs/leaf.yml"), leaf };
}

describe("workspace boundaries (in memory)", () => {
  it("does not read a _BASE_ file outside the workspace folder, and says so", async () => {
    const { ws, leafPath, leaf } = layout();
    const s = await inMemoryServer(ws);
    const p = await s.open(leafPath, leaf);
    expect(p.diagnostics.map((d) => d.code)).toContain("base-outside-workspace");
    s.close();
  });

  it("reads it when lrlens.allowOutsideWorkspace is set", async () => {
    const { ws, leafPath, leaf } = layout();
    const s = await inMemoryServer(ws, { allowOutsideWorkspace: true });
    const p = await s.open(leafPath, leaf);
    expect(p.diagnostics.map((d) => d.code)).not.toContain("base-outside-workspace");
    expect(p.diagnostics.map((d) => d.code)).not.toContain("missing-base");
    s.close();
  });

  it("without workspace folders, reads bases up to the repository holding the file", async () => {
    const { top, leafPath, leaf } = layout();
    mkdirSync(join(top, ".git"));
    const s = await inMemoryServer(null);
    const p = await s.open(leafPath, leaf);
    expect(p.diagnostics.map((d) => d.code)).not.toContain("base-outside-workspace");
    s.close();
  });
});

describe("multi-root workspaces (in memory)", () => {
  it("reads a base from a folder added to the workspace later, and re-lints", async () => {
    const { top, ws, leafPath, leaf } = layout();
    const s = await inMemoryServer(ws);
    const first = await s.open(leafPath, leaf);
    expect(first.diagnostics.map((d) => d.code)).toContain("base-outside-workspace");
    const relinted = s.next(pathToFileURL(leafPath).href);
    s.client.sendNotification("workspace/didChangeWorkspaceFolders", { event: { added: [{ uri: pathToFileURL(top).href, name: "top" }], removed: [] } });
    expect((await relinted).diagnostics.map((d) => d.code)).not.toContain("base-outside-workspace");
    s.close();
  });
});
