import { ErrorCodes, ResponseError, type CancellationToken } from "vscode-languageserver";
import { describe, expect, it } from "vitest";
import { describeTarget, guard, guardNotification } from "../src/guard";
import { Logger } from "../src/log";

function recorder() {
  const lines: string[] = [];
  const log = new Logger({ error: (m) => lines.push(`E ${m}`), warn: (m) => lines.push(`W ${m}`), info: (m) => lines.push(`I ${m}`), log: (m) => lines.push(`D ${m}`) });
  return { lines, log };
}

const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) } as unknown as CancellationToken;
const params = { textDocument: { uri: "file:///w/a.yml" }, position: { line: 11, character: 3 } };

describe("guard", () => {
  it("answers a throwing handler with its empty result and logs feature, URI and 1-based line", async () => {
    const { lines, log } = recorder();
    const wrapped = guard(log, "hover", null, () => {
      throw new TypeError("boom");
    });
    expect(await wrapped(params, token)).toBeNull();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^E \[hover\] file:\/\/\/w\/a\.yml:12: TypeError: boom/);
  });

  it("answers a rejected promise of a custom request with an InternalError response", async () => {
    const { log } = recorder();
    const wrapped = guard(log, "curves", "error", async () => Promise.reject(new Error("bad curve")));
    const out = await wrapped(params, token);
    expect(out).toBeInstanceOf(ResponseError);
    expect((out as ResponseError<void>).code).toBe(ErrorCodes.InternalError);
    expect((out as ResponseError<void>).message).toContain("bad curve");
  });

  it("passes results through untouched", async () => {
    const { lines, log } = recorder();
    expect(await guard(log, "completion", [], () => [1, 2])(params, token)).toEqual([1, 2]);
    expect(lines).toEqual([]);
  });

  it("keeps notification handlers from throwing into the connection, sync or async", async () => {
    const { lines, log } = recorder();
    expect(() => guardNotification(log, "didChange", () => {
      throw new Error("sync");
    })(params)).not.toThrow();
    guardNotification(log, "didChange", async () => {
      throw new Error("async");
    })(params);
    await new Promise((r) => setImmediate(r));
    expect(lines.map((l) => l.split("\n")[0])).toEqual(["E [didChange] file:///w/a.yml:12: Error: sync", "E [didChange] file:///w/a.yml:12: Error: async"]);
  });

  it("describes requests with a range or without a document", () => {
    expect(describeTarget({ textDocument: { uri: "u" }, range: { start: { line: 0 } } })).toBe("u:1");
    expect(describeTarget(null)).toBe("");
    expect(describeTarget({ textDocument: { uri: 42 } })).toBe("");
  });
});

describe("Logger", () => {
  it("drops messages below the configured level", () => {
    const { lines, log } = recorder();
    log.debug("hidden");
    log.setLevel("debug");
    log.debug("shown");
    log.setLevel("error");
    log.warn("hidden too");
    log.error("kept");
    expect(lines).toEqual(["D shown", "E kept"]);
  });
});
