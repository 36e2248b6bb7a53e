/**
 * Finds and reads `.lrlens.yaml` for a linted file: the nearest ancestor directory of the file
 * that has one, else the working directory's (or its nearest ancestor's). Parsing is the core's.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseProjectConfig, type Diagnostic } from "@lrlens/core";
import { readTextFile } from "./host";

export const PROJECT_FILE = ".lrlens.yaml";

export interface LoadedProject {
  path: string | undefined;
  config: ReturnType<typeof parseProjectConfig>["config"] | undefined;
  diagnostics: Diagnostic[];
}

export class ProjectConfigs {
  private readonly byDir = new Map<string, string | undefined>();
  private readonly loaded = new Map<string, LoadedProject>();

  constructor(private readonly cwd: string) {}

  /** The project config that applies to `file`. */
  forFile(file: string): LoadedProject {
    const path = this.nearest(dirname(resolve(file))) ?? this.nearest(resolve(this.cwd));
    if (!path) return { path: undefined, config: undefined, diagnostics: [] };
    let hit = this.loaded.get(path);
    if (!hit) {
      const read = readTextFile(path);
      if (!read.ok) {
        hit = { path, config: undefined, diagnostics: [] };
      } else {
        const parsed = parseProjectConfig(read.text);
        // The core does not know where the file is; point its diagnostics at it.
        const uri = path;
        hit = { path, config: parsed.config, diagnostics: parsed.diagnostics.map((d) => ({ ...d, uri, span: { ...d.span, uri } })) };
      }
      this.loaded.set(path, hit);
    }
    return hit;
  }

  private nearest(start: string): string | undefined {
    const visited: string[] = [];
    let found: string | undefined;
    for (let dir = start; ; dir = dirname(dir)) {
      if (this.byDir.has(dir)) {
        found = this.byDir.get(dir);
        break;
      }
      visited.push(dir);
      const candidate = join(dir, PROJECT_FILE);
      if (existsSync(candidate)) {
        found = candidate;
        break;
      }
      if (dirname(dir) === dir) break;
    }
    for (const d of visited) this.byDir.set(d, found);
    return found;
  }
}
