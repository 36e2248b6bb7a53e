/**
 * The `.lrlens.yaml` of each workspace root (rule severities, steps per epoch): read from the open
 * buffer or the disk, parsed by the core, cached until the file changes.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseProjectConfig, type Diagnostic } from "@lrlens/core";
import { uriKey, uriToPath } from "./host";

export const PROJECT_FILE = ".lrlens.yaml";

export type ProjectConfig = ReturnType<typeof parseProjectConfig>["config"];

export interface ProjectEntry {
  /** URI of the `.lrlens.yaml`, when there is one. */
  uri?: string;
  config?: ProjectConfig;
  diagnostics: Diagnostic[];
}

export function isProjectFile(uri: string): boolean {
  return /(^|[/\\])\.lrlens\.yaml$/.test(uriKey(uri));
}

export class ProjectConfigs {
  private readonly cache = new Map<string, ProjectEntry>();

  constructor(
    /** Text of a file by URI (open buffer first, then the disk), without workspace checks: the file is the workspace's own. */
    private readonly readText: (uri: string) => string | undefined,
    /** Workspace folder paths. */
    private readonly roots: () => string[],
  ) {}

  /** The project settings that apply to `documentUri`. */
  for(documentUri: string): ProjectEntry {
    const root = this.rootOf(documentUri);
    if (!root) return { diagnostics: [] };
    let hit = this.cache.get(root);
    if (!hit) {
      hit = this.load(root);
      this.cache.set(root, hit);
    }
    return hit;
  }

  /** Whether a changed file is a `.lrlens.yaml`; if so its cached entry is dropped. */
  changed(uri: string): boolean {
    if (!isProjectFile(uri)) return false;
    this.cache.delete(dirname(uriKey(uri)));
    return true;
  }

  private load(root: string): ProjectEntry {
    const uri = pathToFileURL(join(root, PROJECT_FILE)).href;
    const text = this.readText(uri);
    if (text === undefined) return { diagnostics: [] };
    const parsed = parseProjectConfig(text);
    // The core parses text without knowing its URI; point its diagnostics at the file.
    const diagnostics = parsed.diagnostics.map((d) => ({ ...d, uri, span: { ...d.span, uri } }));
    return { uri, config: parsed.config, diagnostics };
  }

  /** The workspace folder holding the document; without folders, the nearest ancestor with a `.lrlens.yaml`. */
  private rootOf(documentUri: string): string | undefined {
    const path = uriToPath(documentUri);
    if (!path) return undefined;
    const folders = this.roots().filter((r) => path === r || path.startsWith(r.endsWith("/") || r.endsWith("\\") ? r : r + (r.includes("\\") ? "\\" : "/")));
    if (folders.length > 0) return folders.sort((a, b) => b.length - a.length)[0];
    for (let dir = dirname(path); ; dir = dirname(dir)) {
      if (existsSync(join(dir, PROJECT_FILE))) return dir;
      if (existsSync(join(dir, ".git")) || dirname(dir) === dir) return undefined;
    }
  }
}
