/**
 * Turns `lrlens check` arguments (files, directories, globs) into the list of YAML files to lint,
 * the way ESLint does: a file is taken as given, a directory is walked for `*.yml`/`*.yaml`
 * (skipping `node_modules` and `.git`), anything else is a glob.
 */
import { readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
// lrlens' own settings file is YAML too, but not a training config: it is never linted as one.
import { PROJECT_FILE } from "./project";

// Loaded with `require` on purpose: the CLI is bundled to CommonJS, and tinyglobby's ESM build (via
// fdir) calls createRequire(import.meta.url), which is undefined there; its CJS build is not.
const { globSync, isDynamicPattern } = require("tinyglobby") as typeof import("tinyglobby");

const SKIPPED_DIRS = new Set(["node_modules", ".git"]);
const YAML_FILE = /\.ya?ml$/i;

export interface ExpandedFiles {
  /** Display path (as given, or relative to the cwd for walked/globbed files) and absolute path, in a stable order. */
  files: { display: string; path: string }[];
  /** Arguments that matched nothing or could not be read: bad usage (exit 2). */
  problems: string[];
}

export function expandArguments(args: readonly string[], cwd: string): ExpandedFiles {
  const files: { display: string; path: string }[] = [];
  const seen = new Set<string>();
  const problems: string[] = [];
  const add = (display: string, path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    files.push({ display, path });
  };
  const shown = (abs: string) => relative(cwd, abs) || ".";

  for (const arg of args) {
    const abs = resolve(cwd, arg);
    let kind: "file" | "dir" | "other" | "missing" = "missing";
    try {
      const st = statSync(abs);
      kind = st.isFile() ? "file" : st.isDirectory() ? "dir" : "other";
    } catch {
      kind = "missing";
    }
    if (kind === "file") add(arg, abs);
    else if (kind === "dir") {
      const found = walk(abs);
      if (found.length === 0) problems.push(`${arg}: no *.yml or *.yaml files in this directory`);
      for (const f of found) add(shown(f), f);
    } else if (kind === "other") problems.push(`${arg}: is not a regular file or directory`);
    else if (isDynamicPattern(arg)) {
      const matched = globSync(arg, { cwd, absolute: true, onlyFiles: true, ignore: ["**/node_modules/**", "**/.git/**"] })
        .filter((p) => YAML_FILE.test(p) && !p.endsWith(`/${PROJECT_FILE}`))
        .sort();
      if (matched.length === 0) problems.push(`${arg}: no YAML files match this pattern`);
      for (const f of matched) add(shown(f), resolve(f));
    } else problems.push(`${arg}: no such file or directory`);
  }
  return { files, problems };
}

/** Every `*.yml`/`*.yaml` below `dir`, sorted, without following directory symlinks (no cycles). */
function walk(dir: string): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop() as string;
    let entries: import("node:fs").Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (!SKIPPED_DIRS.has(e.name)) stack.push(p);
      } else if ((e.isFile() || e.isSymbolicLink()) && YAML_FILE.test(e.name) && e.name !== PROJECT_FILE) {
        out.push(p);
      }
    }
  }
  return out.sort();
}
