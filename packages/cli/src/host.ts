/**
 * The core's `Host` for the CLI: reads `file:` URIs from disk, regular files only (never a FIFO or
 * a device: `_BASE_: /dev/zero` must not hang a CI job), with a size cap. `mayRead` allows every
 * path unless `--allow-read <dir>` restricts reading to those directories (see README).
 */
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Host } from "@lrlens/core";

/** Larger files are not configs; the core refuses documents over 2M characters anyway. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

export function pathToUri(path: string): string {
  return pathToFileURL(resolve(path)).href;
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith("file:")) return isAbsolute(uri) ? uri : undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** A file URI (or path) as the user should see it: relative to the cwd when below it, else absolute. */
export function displayPath(uriOrPath: string, cwd: string): string {
  const p = uriToPath(uriOrPath) ?? uriOrPath;
  const rel = relative(cwd, p);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : p;
}

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

/** Reads one file as text, explaining why not when it cannot (missing, a directory, a device, too large). */
export function readTextFile(path: string): ReadResult {
  try {
    // No exception for the common miss (dataset label files that are not checked out).
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) return { ok: false, reason: "no such file" };
    if (st.isDirectory()) return { ok: false, reason: "is a directory" };
    if (!st.isFile()) return { ok: false, reason: "is not a regular file" };
    if (st.size > MAX_FILE_BYTES) return { ok: false, reason: `is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
    return { ok: true, text: readFileSync(path, "utf8") };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : `cannot be read (${code ?? "error"})` };
  }
}

function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

export interface HostOptions {
  /** When set, only files inside these directories may be read (bases outside are reported as unreadable). */
  roots?: string[];
  /** Texts that win over the disk (the file being fixed, before it is written back). */
  overrides?: Map<string, string>;
  /**
   * Remember what was read (and what was missing) for the life of this host: one `lrlens check`
   * run reads the same bases and dataset lists for hundreds of configs. Call `forget` after writing.
   */
  memo?: boolean;
}

export interface NodeHost extends Host {
  /** Drops the remembered text of a file (after `--fix` wrote it). */
  forget(uri: string): void;
}

export function createNodeHost(options: HostOptions = {}): NodeHost {
  const memo = options.memo ? new Map<string, string | undefined>() : undefined;
  const roots = options.roots?.map(realOrSelf);
  const mayRead = (uri: string): boolean => {
    if (!roots) return true;
    const p = uriToPath(uri);
    if (!p) return false;
    const real = realOrSelf(p);
    return roots.some((r) => {
      const rel = relative(r, real);
      return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
    });
  };
  return {
    mayRead,
    forget(uri) {
      memo?.delete(uri);
    },
    readFile(uri) {
      const override = options.overrides?.get(uri);
      if (override !== undefined) return override;
      if (memo?.has(uri)) return memo.get(uri);
      const p = uriToPath(uri);
      if (!p || !mayRead(uri)) return undefined;
      const r = readTextFile(p);
      const text = r.ok ? r.text : undefined;
      memo?.set(uri, text);
      return text;
    },
    listDir(uri) {
      const p = uriToPath(uri);
      if (!p || !mayRead(uri)) return undefined;
      try {
        return statSync(p).isDirectory() ? readdirSync(p) : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
