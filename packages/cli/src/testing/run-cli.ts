/** Test helper: builds the CLI bundle once and runs the real `bin/lrlens.js` as a subprocess. */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const CLI_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const REPO = resolve(CLI_DIR, "../..");
export const BIN = join(CLI_DIR, "bin", "lrlens.js");
export const FIXTURES = join(REPO, "fixtures");

let built = false;

/** `node esbuild.mjs cli`, once per test run (the tests exercise the shipped bundle, not the sources). */
export function buildCli(): void {
  if (built) return;
  execFileSync(process.execPath, [join(REPO, "esbuild.mjs"), "cli"], { cwd: REPO, stdio: "pipe" });
  built = true;
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function lrlens(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliRun {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== "FORCE_COLOR" && k !== "LRLENS_TIMING") env[k] = v;
  Object.assign(env, { NO_COLOR: "1" }, options.env);
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO,
    encoding: "utf8",
    env,
    timeout: 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temp copy of `fixtures/cli/tree` plus the folders git cannot hold (`node_modules`, `.git`). */
export function copyTree(): string {
  const dir = mkdtempSync(join(tmpdir(), "lrlens-cli-"));
  cpSync(join(FIXTURES, "cli", "tree"), dir, { recursive: true });
  const bad = "lr_scheduler:\n  name: MultiStepDecay\n  learning_rate: 0.1\n  milestones: [60, 30]\n";
  for (const sub of ["node_modules/pkg", ".git"]) {
    mkdirSync(join(dir, sub), { recursive: true });
    writeFileSync(join(dir, sub, "ignored.yml"), bad);
  }
  return dir;
}

/** A temp dir holding the given files. */
export function tempFiles(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "lrlens-cli-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
