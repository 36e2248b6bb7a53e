/** Where `../shared/` is and how to read it; free of vitest so benchmarks (plain Node) can import it too. */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

/** The repository root (this file is packages/core/src/testing/shared-paths.ts). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

/** `../shared` beside the repository, or `$LRLENS_SHARED`. */
export const SHARED_DIR = process.env.LRLENS_SHARED ?? resolve(REPO_ROOT, "../shared");

export const hasShared = existsSync(join(SHARED_DIR, "reference"));

export function readSharedJson<T = unknown>(rel: string): T {
  const file = join(SHARED_DIR, rel);
  const buf = readFileSync(file);
  return JSON.parse((rel.endsWith(".gz") ? gunzipSync(buf) : buf).toString("utf8")) as T;
}

export function sharedPath(rel: string): string {
  return join(SHARED_DIR, rel);
}
