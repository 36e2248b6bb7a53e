/** Test-only access to `../shared/` (reference vectors, suite curves, corpus), skipping visibly when it is absent. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { describe } from "vitest";

/** The repository root (this file is packages/core/src/testing/shared.ts). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

/** `../shared` beside the repository, or `$LRLENS_SHARED`. */
export const SHARED_DIR = process.env.LRLENS_SHARED ?? resolve(REPO_ROOT, "../shared");

export const hasShared = existsSync(join(SHARED_DIR, "reference"));

/** Like `describe`, but when ../shared is absent it registers one visible todo and prints why, instead of failing. */
export function describeShared(name: string, fn: () => void): void {
  if (hasShared) {
    describe(name, fn);
    return;
  }
  console.warn(`[lrlens] SKIPPED "${name}": ${SHARED_DIR} not found (CI has it; a fresh clone does not).`);
  describe.todo(`${name} (needs ${SHARED_DIR})`);
}

export function readSharedJson<T = unknown>(rel: string): T {
  const file = join(SHARED_DIR, rel);
  const buf = readFileSync(file);
  return JSON.parse((rel.endsWith(".gz") ? gunzipSync(buf) : buf).toString("utf8")) as T;
}

export function sharedPath(rel: string): string {
  return join(SHARED_DIR, rel);
}
