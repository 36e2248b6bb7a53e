/** Test-only helpers for dialect tests: a host reading the disk, config loading from text or files, and dialect contexts. */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";
import { loadConfig } from "../../../config/load";
import { DEFAULT_LIMITS, type Host, type LoadedConfig } from "../../../config/types";
import { REPO_ROOT, sharedPath } from "../../../testing/shared";
export { yamlFiles } from "../../../testing/yaml-files";
import type { Dialect, DialectContext } from "../../types";

/** Reads `file:` URIs from disk (what the CLI's host does), optionally from an in-memory map first. */
export function diskHost(memory: Map<string, string> = new Map()): Host & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    readFile(uri) {
      reads.push(uri);
      if (memory.has(uri)) return memory.get(uri);
      try {
        const p = uri.startsWith("file:") ? fileURLToPath(uri) : uri;
        if (!existsSync(p) || !statSync(p).isFile()) return undefined;
        return readFileSync(p, "utf8");
      } catch {
        return undefined;
      }
    },
    listDir(uri) {
      try {
        return readdirSync(uri.startsWith("file:") ? fileURLToPath(uri) : uri);
      } catch {
        return undefined;
      }
    },
  };
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

/** Loads a config from text with inheritance through `host` (default: memory only). */
export function loadText(text: string, uri = "file:///work/test/config.yml", host: Host = diskHost()): LoadedConfig {
  return loadConfig(uri, text, host);
}

/** Loads a file from disk, with its inheritance chain. */
export function loadFile(path: string, host: Host = diskHost()): LoadedConfig {
  return loadConfig(fileUri(path), readFileSync(path, "utf8"), host);
}

export function corpusPath(repo: string, path: string): string {
  return sharedPath(`corpus/${repo.replace(/^PaddlePaddle\//, "")}/${path}`);
}

export function fixturePath(dialect: string, name: string): string {
  return join(REPO_ROOT, "fixtures", dialect, name);
}

export function context(config: LoadedConfig, opts: { stepsPerEpoch?: number; host?: Host } = {}): DialectContext {
  return { config, host: opts.host ?? diskHost(), limits: DEFAULT_LIMITS, stepsPerEpochSetting: opts.stepsPerEpoch };
}

/** Extracts with one dialect from text (the file as written, through a host that can also read `files`). */
export function extractText(dialect: Dialect, text: string, opts: { stepsPerEpoch?: number; files?: Record<string, string>; uri?: string } = {}) {
  const host = diskHost(new Map(Object.entries(opts.files ?? {})));
  const config = loadText(text, opts.uri ?? "file:///work/test/config.yml", host);
  return { config, ...dialect.extract(context(config, { stepsPerEpoch: opts.stepsPerEpoch, host })) };
}

