/**
 * `_BASE_` trust through the live server: a base that is a device, a FIFO, a directory, a file
 * outside the workspace or a symlink leading out is never read; the leaf gets a diagnostic on its
 * `_BASE_` entry quickly, hover still answers, and `lrlens.allowOutsideWorkspace` opens the outside
 * files (but never a device).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LspClient, uriOf, type PublishedDiagnostics } from "./harness";

const BASE = "LearningRate:\n  base_lr: 0.01\n  schedulers:\n  - !PiecewiseDecay\n    milestones: [8, 11]\n    use_warmup: false\nepoch: 12\n";
const leafOf = (base: string) => `_BASE_: ['${base}']\narchitecture: FasterRCNN\nLearningRate:\n  base_lr: 0.02\n  schedulers:\n  - !PiecewiseDecay\n    milestones: [8, 11]\n    use_warmup: false\nepoch: 12\n`;

let outside: string;
let workspace: string;
let fifo: string | undefined;

/** A workspace (with a FIFO, a directory and a symlink leading out) next to a folder outside it holding a real base. */
function layout(): void {
  const top = mkdtempSync(join(tmpdir(), "lrlens-trust-"));
  outside = join(top, "outside");
  workspace = join(top, "ws");
  mkdirSync(outside);
  mkdirSync(join(workspace, "a-directory.yml"), { recursive: true });
  writeFileSync(join(outside, "base.yml"), BASE);
  symlinkSync(join(outside, "base.yml"), join(workspace, "link-out.yml"));
  symlinkSync("/dev/zero", join(workspace, "link-zero.yml"));
  try {
    execFileSync("mkfifo", [join(workspace, "pipe.yml")]);
    fifo = "pipe.yml";
  } catch {
    console.warn("[lrlens] mkfifo unavailable: the FIFO case is skipped");
  }
}

const TARGETS: [string, () => string | undefined, string][] = [
  // Devices are outside any workspace: refused as such before anything is opened.
  ["/dev/zero", () => "/dev/zero", "base-outside-workspace"],
  ["/dev/urandom", () => "/dev/urandom", "base-outside-workspace"],
  ["a FIFO in the workspace", () => fifo, "missing-base"],
  ["a directory", () => "a-directory.yml", "missing-base"],
  ["a symlink to /dev/zero", () => "link-zero.yml", "base-outside-workspace"],
  ["a symlink leading outside the workspace", () => "link-out.yml", "base-outside-workspace"],
  ["a path outside the workspace", () => "../outside/base.yml", "base-outside-workspace"],
];

let client: LspClient;
let allowing: LspClient;

beforeAll(async () => {
  layout();
  [client, allowing] = await Promise.all([LspClient.start({ root: workspace }), LspClient.start({ root: workspace, settings: { allowOutsideWorkspace: true } })]);
});

afterAll(() => {
  client?.kill();
  allowing?.kill();
});

let opened = 0;

async function openLeaf(c: LspClient, base: string): Promise<{ uri: string; published: PublishedDiagnostics; ms: number }> {
  const rel = `leaf${++opened}.yml`;
  const uri = uriOf(join(workspace, rel));
  const t = performance.now();
  const waiting = c.diagnostics(uri, () => true, { timeoutMs: 10_000 });
  c.open(rel, leafOf(base));
  const published = await waiting;
  return { uri, published, ms: performance.now() - t };
}

describe("_BASE_ entries the server must not follow", () => {
  it.each(TARGETS)("%s: a diagnostic on the _BASE_ line within 2 s, and hover still answers", async (_, target, code) => {
    const base = target();
    if (base === undefined) return;
    const { uri, published, ms } = await openLeaf(client, base);
    const onBase = published.diagnostics.filter((d) => d.code === code);
    expect(onBase.map((d) => d.range.start.line), JSON.stringify(published.diagnostics)).toEqual([0]);
    expect(ms).toBeLessThan(2000);
    const t = performance.now();
    const hover = await client.request("textDocument/hover", { textDocument: { uri }, position: { line: 3, character: 4 } });
    expect(performance.now() - t).toBeLessThan(1000);
    expect(hover.contents.value).toContain("data:image/svg+xml;base64,");
    expect(client.child.exitCode).toBeNull();
  });
});

describe("lrlens.allowOutsideWorkspace", () => {
  it("reads a base outside the workspace, and one behind a symlink, once allowed", async () => {
    for (const base of ["../outside/base.yml", "link-out.yml"]) {
      const { published } = await openLeaf(allowing, base);
      expect(published.diagnostics.map((d) => d.code), base).not.toContain("base-outside-workspace");
      expect(published.diagnostics.map((d) => d.code), base).not.toContain("missing-base");
    }
  });

  it("still never opens a device, a FIFO or a directory", async () => {
    for (const base of ["/dev/zero", "/dev/urandom", "a-directory.yml", "link-zero.yml", ...(fifo ? [fifo] : [])]) {
      const { published, ms } = await openLeaf(allowing, base);
      expect(published.diagnostics.filter((d) => d.code === "missing-base").map((d) => d.range.start.line), base).toEqual([0]);
      expect(ms).toBeLessThan(2000);
    }
    expect(allowing.child.exitCode).toBeNull();
  });
});
