/**
 * Crash isolation in the live server: an exception inside a request handler (provoked with
 * malformed parameters, which make the handler itself throw; no test-only switch is needed) is
 * answered with an LSP error response or the empty result, a throwing notification handler is
 * swallowed, and the process keeps serving every other request.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LspClient, positionOf, uriOf } from "./harness";
import { join } from "node:path";

let client: LspClient;
const TEXT = "lr_scheduler:\n  name: MultiStepDecay\n  learning_rate: 0.1\n  milestones: [30, 60]\n  gamma: 0.5\n";
let uri: string;

beforeAll(async () => {
  client = await LspClient.start();
  uri = uriOf(join(client.root, "isolation.yml"));
  const waiting = client.diagnostics(uri);
  client.open("isolation.yml", TEXT);
  await waiting;
});

afterAll(() => client?.kill());

/** The server still does real work: a hover with the curve picture. */
async function stillServes(): Promise<void> {
  const hover = await client.request("textDocument/hover", { textDocument: { uri }, position: positionOf(TEXT, "gamma", 2) });
  expect(hover.contents.value).toContain("data:image/svg+xml;base64,");
  expect(client.child.exitCode).toBeNull();
}

describe("a handler that throws", () => {
  it("lrlens/curves answers an InternalError response naming the request, and the server keeps serving", async () => {
    const error = await client.request("lrlens/curves", { textDocument: null }).then(
      () => undefined,
      (e: { code: number; message: string }) => e,
    );
    expect(error?.code).toBe(-32603);
    expect(error?.message).toMatch(/^lrlens lrlens\/curves failed: /);
    expect(client.logs.some((l) => l.startsWith("[lrlens/curves]"))).toBe(true);
    await stillServes();
  });

  it.each(["textDocument/hover", "textDocument/completion", "textDocument/codeAction", "textDocument/inlayHint", "textDocument/codeLens", "textDocument/documentSymbol"])(
    "%s answers its empty result to malformed parameters, and the server keeps serving",
    async (method) => {
      const answer = await client.request(method, { textDocument: 42, position: "x", range: null, context: null });
      expect(answer === null || (Array.isArray(answer) && answer.length === 0)).toBe(true);
      await stillServes();
    },
  );

  it("a notification that makes its handler throw is logged and swallowed", async () => {
    client.notify("textDocument/didChange", { textDocument: { uri, version: 99 }, contentChanges: null });
    client.notify("workspace/didChangeWatchedFiles", { changes: "not a list" });
    client.notify("textDocument/didOpen", { textDocument: null });
    await stillServes();
  });

  it("an unknown request is answered MethodNotFound, not with a crash", async () => {
    await expect(client.request("lrlens/noSuchRequest", {})).rejects.toMatchObject({ code: -32601 });
    await stillServes();
  });
});
