/**
 * `_BASE_` trust through the built CLI: `lrlens check` never opens a device, a FIFO or a directory
 * named as a base or as an input (a diagnostic on the `_BASE_` line, a quick exit, no hang), and `--allow-read`
 * keeps it inside the given directories, symlinks included.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildCli, lrlens } from "./testing/run-cli";

beforeAll(() => buildCli());

const BASE = "LearningRate:\n  base_lr: 0.01\n  schedulers:\n  - !PiecewiseDecay\n    milestones: [8, 11]\n    use_warmup: false\nepoch: 12\n";
const leafOf = (base: string) => `_BASE_: ['${base}']\narchitecture: FasterRCNN\nLearningRate:\n  base_lr: 0.02\n  schedulers:\n  - !PiecewiseDecay\n    milestones: [8, 11]\n    use_warmup: false\nepoch: 12\n`;

interface CheckJson {
  files: { file: string; diagnostics: { rule: string; message: string; range: { start: { line: number } } }[] }[];
}

/** `top/ws` holds the leaves, a FIFO, a directory and symlinks; `top/outside/base.yml` is a real base outside it. */
function layout(): { ws: string; hasFifo: boolean } {
  const top = mkdtempSync(join(tmpdir(), "lrlens-cli-trust-"));
  const ws = join(top, "ws");
  mkdirSync(join(ws, "a-directory.yml"), { recursive: true });
  mkdirSync(join(top, "outside"));
  writeFileSync(join(top, "outside", "base.yml"), BASE);
  symlinkSync(join(top, "outside", "base.yml"), join(ws, "link-out.yml"));
  symlinkSync("/dev/zero", join(ws, "link-zero.yml"));
  let hasFifo = true;
  try {
    execFileSync("mkfifo", [join(ws, "pipe.yml")]);
  } catch {
    hasFifo = false;
    console.warn("[lrlens] mkfifo unavailable: the FIFO case is skipped");
  }
  const leaves: Record<string, string> = { "zero.yml.txt": "/dev/zero", "urandom.yml.txt": "/dev/urandom", "dir.yml.txt": "a-directory.yml", "link-zero.yml.txt": "link-zero.yml", "link-out.yml.txt": "link-out.yml", "outside.yml.txt": "../outside/base.yml" };
  if (hasFifo) leaves["fifo.yml.txt"] = "pipe.yml";
  // `.txt` so a directory walk never picks them up: each test names its leaf.
  for (const [name, base] of Object.entries(leaves)) writeFileSync(join(ws, name), leafOf(base));
  return { ws, hasFifo };
}

let ws: string;
let hasFifo: boolean;

beforeAll(() => ({ ws, hasFifo } = layout()));

function check(leaf: string, extra: string[] = []): { ms: number; js: CheckJson; status: number | null } {
  const t = performance.now();
  const r = lrlens(["check", leaf, "--format", "json", ...extra], { cwd: ws });
  const ms = performance.now() - t;
  expect(r.stderr).toBe("");
  return { ms, js: JSON.parse(r.stdout) as CheckJson, status: r.status };
}

describe("lrlens check on bases that must not be opened", () => {
  it.each(["zero", "urandom", "fifo", "dir", "link-zero"])("%s: missing-base on the _BASE_ line, exit 1, within 10 s", (name) => {
    if (name === "fifo" && !hasFifo) return;
    const { ms, js, status } = check(`${name}.yml.txt`);
    const d = js.files[0].diagnostics.filter((x) => x.rule === "missing-base");
    expect(d.map((x) => x.range.start.line)).toEqual([0]);
    expect(d[0].message).toMatch(/not found or not a readable regular file/);
    expect(status).toBe(1);
    expect(ms).toBeLessThan(10_000);
  });
});

describe("lrlens check on a device or FIFO named on the command line", () => {
  it("refuses it with a message and exit code 2 instead of reading forever", () => {
    for (const target of ["/dev/zero", ...(hasFifo ? ["pipe.yml"] : [])]) {
      const t = performance.now();
      const r = lrlens(["check", target], { cwd: ws });
      expect(r.status, target).toBe(2);
      expect(r.stderr).toBe(`lrlens: ${target}: is not a regular file or directory\n`);
      expect(performance.now() - t).toBeLessThan(10_000);
    }
  });
});

describe("lrlens check --allow-read", () => {
  it("refuses a base outside the allowed directory, whether named by path or reached through a symlink", () => {
    for (const leaf of ["outside.yml.txt", "link-out.yml.txt"]) {
      const { js } = check(leaf, ["--allow-read", "."]);
      expect(js.files[0].diagnostics.filter((x) => x.rule === "base-outside-workspace").map((x) => x.range.start.line), leaf).toEqual([0]);
    }
  });

  it("reads them when no directory is given (the CLI runs on the user's own command line)", () => {
    for (const leaf of ["outside.yml.txt", "link-out.yml.txt"]) {
      const rules = check(leaf).js.files[0].diagnostics.map((x) => x.rule);
      expect(rules, leaf).not.toContain("missing-base");
      expect(rules, leaf).not.toContain("base-outside-workspace");
    }
  });
});
