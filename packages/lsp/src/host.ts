/**
 * The core's `Host` for the server: open buffers first, then the disk (regular files only,
 * size-capped, cached by mtime), and `mayRead` = inside a workspace folder unless
 * `lrlens.allowOutsideWorkspace` says otherwise.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Host } from "@lrlens/core";

/** A file-system path for a `file:` URI (or a plain absolute path), else undefined. */
export function uriToPath(uri: string): string | undefined {
  if (uri.startsWith("file:")) {
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  }
  return isAbsolute(uri) ? uri : undefined;
}

/** One spelling per file, so `file:///a/b.yml` and `file:///a/./b.yml` (or `%2E`) meet in maps. */
export function uriKey(uri: string): string {
  const p = uriToPath(uri);
  return p === undefined ? uri : resolve(p);
}

interface CachedFile {
  mtimeMs: number;
  size: number;
  text: string;
}

const MAX_CACHED_FILES = 512;
const MAX_DIR_ENTRIES = 200_000;

export interface HostSources {
  /** Text of an open buffer, by `uriKey`. */
  openText(key: string): string | undefined;
  /** Workspace folder paths; empty when the client opened files without a folder. */
  roots(): string[];
}

export class FileHost {
  private readonly cache = new Map<string, CachedFile>();

  constructor(private readonly sources: HostSources) {}

  /** A `Host` for analysing `documentUri` with the given permissions. */
  forDocument(documentUri: string, options: { allowOutsideWorkspace: boolean; maxFileChars: number }): Host {
    const roots = this.rootsFor(documentUri);
    const mayRead = (uri: string): boolean => {
      if (options.allowOutsideWorkspace) return true;
      const p = uriToPath(uri);
      return p !== undefined && roots.some((r) => isInside(realOrSelf(p), r));
    };
    return {
      mayRead,
      readFile: (uri) => (mayRead(uri) ? this.read(uri, options.maxFileChars) : undefined),
      listDir: (uri) => (mayRead(uri) ? this.list(uri) : undefined),
    };
  }

  /** Forgets a cached disk file (a watched-file change). */
  forget(uri: string): void {
    this.cache.delete(uriKey(uri));
  }

  private read(uri: string, maxChars: number): string | undefined {
    const key = uriKey(uri);
    const open = this.sources.openText(key);
    if (open !== undefined) return open.length <= maxChars ? open : undefined;
    const path = uriToPath(uri);
    if (!path) return undefined;
    try {
      // Regular files only: never a FIFO or a device (`_BASE_: /dev/zero` must not hang us).
      const st = statSync(path);
      if (!st.isFile() || st.size > maxChars * 4) return undefined;
      const hit = this.cache.get(key);
      if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.text;
      const text = readFileSync(path, "utf8");
      if (text.length > maxChars) return undefined;
      this.cache.delete(key);
      this.cache.set(key, { mtimeMs: st.mtimeMs, size: st.size, text });
      if (this.cache.size > MAX_CACHED_FILES) this.cache.delete(this.cache.keys().next().value as string);
      return text;
    } catch {
      return undefined;
    }
  }

  private list(uri: string): string[] | undefined {
    const path = uriToPath(uri);
    if (!path) return undefined;
    try {
      if (!statSync(path).isDirectory()) return undefined;
      const names = readdirSync(path);
      return names.length > MAX_DIR_ENTRIES ? names.slice(0, MAX_DIR_ENTRIES) : names;
    } catch {
      return undefined;
    }
  }

  /**
   * Workspace folders; without any (a single file opened in Neovim or Helix), the nearest
   * ancestor of the document holding `.git`, else the document's own folder.
   */
  private rootsFor(documentUri: string): string[] {
    const roots = this.sources.roots();
    if (roots.length > 0) return roots.map(realOrSelf);
    const p = uriToPath(documentUri);
    if (!p) return [];
    const own = dirname(realOrSelf(p));
    for (let dir = own; ; dir = dirname(dir)) {
      if (exists(join(dir, ".git"))) return [dir];
      if (dirname(dir) === dir) return [own];
    }
  }
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

/** Resolves symlinks so a link inside the workspace cannot smuggle in a file from outside. */
function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}
