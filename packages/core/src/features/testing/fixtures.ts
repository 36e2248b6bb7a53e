/** Test-only helpers for the feature tests: analyse fixture and corpus configs with a host that reads the disk. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { analyzeDocument } from "../../analysis/analyze";
import type { Analysis, AnalyzeOptions } from "../../analysis/types";
import type { Host } from "../../config/types";
import { REPO_ROOT, SHARED_DIR } from "../../testing/shared";

export const FIXTURES = resolve(REPO_ROOT, "fixtures/lsp");
export const CORPUS = join(SHARED_DIR, "corpus");

/** Regular files on disk by `file:` URI, like the CLI's and the server's hosts. */
export const diskHost: Host = {
  readFile(uri) {
    try {
      const path = uri.startsWith("file:") ? fileURLToPath(uri) : uri;
      return statSync(path).isFile() ? readFileSync(path, "utf8") : undefined;
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

export function analyzeFile(path: string, options: AnalyzeOptions = {}, text?: string): Analysis {
  return analyzeDocument(pathToFileURL(path).href, text ?? readFileSync(path, "utf8"), diskHost, options);
}

/** Analyses a fixture of `fixtures/lsp` (optionally with replaced text, as an edited buffer). */
export function analyzeFixture(rel: string, options: AnalyzeOptions = {}, text?: string): Analysis {
  return analyzeFile(join(FIXTURES, rel), options, text);
}

/** Analyses a text with a `|` cursor marker (removed) as if it were the fixture `rel`; returns the offset too. */
export function analyzeAtCursor(marked: string, rel = "paddle/edited.yml"): { analysis: Analysis; offset: number } {
  const offset = marked.indexOf("|");
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { analysis: analyzeFile(join(FIXTURES, rel), {}, text), offset };
}

/** The offset of `needle` in `text` plus `delta`; throws when absent so a test cannot pass vacuously. */
export function offsetOf(text: string, needle: string, delta = 0): number {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`${JSON.stringify(needle)} not in text`);
  return i + delta;
}

/** Every `.yml`/`.yaml` under a corpus suite folder (relative paths), sorted. */
export function corpusFiles(suite: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p, `${rel}${name}/`);
      else if (/\.ya?ml$/.test(name)) out.push(`${rel}${name}`);
    }
  };
  walk(join(CORPUS, suite), "");
  return out;
}
