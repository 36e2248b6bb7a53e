/**
 * Lints one file for `lrlens check` (read, `.lrlens.yaml`, analyse, lint, optionally fix in place):
 * the unit of work a run does in order, in this thread or spread over worker threads.
 */
import { writeFileSync } from "node:fs";
import { analyzeDocument, lint, type Diagnostic, type Fix, type ParseCache, type Severity } from "@lrlens/core";
import { applyAllFixes } from "../core-internal";
import { createNodeHost, displayPath, pathToUri, readTextFile, type NodeHost } from "../host";
import { ProjectConfigs } from "../project";

/** What a checker needs from the command line; plain data, so a worker thread can receive it. */
export interface CheckerOptions {
  fix: boolean;
  stepsPerEpoch?: number;
  rules: Record<string, Severity | "off">;
  allowRead?: string[];
  cwd: string;
}

/** Plain data (it crosses threads): the file's diagnostics, or why it could not be read. */
export interface FileOutcome {
  display: string;
  uri: string;
  /** The file could not be read: bad usage (exit 2), reported for the first such file in order. */
  unreadable?: string;
  diagnostics: Diagnostic[];
  fixed?: boolean;
  /** The `.lrlens.yaml` that applies, with its own problems (shown once per run). */
  project?: { path: string; display: string; diagnostics: Diagnostic[] };
}

export class FileChecker {
  private readonly projects: ProjectConfigs;
  private readonly host: NodeHost;
  // One parse per file for the whole run (or worker): the bases of a suite are shared by hundreds of configs.
  private readonly parseCache: ParseCache = new Map();

  constructor(
    private readonly options: CheckerOptions,
    private readonly pickFix: (d: Diagnostic) => Fix | undefined,
    private readonly timings?: Map<string, number>,
  ) {
    this.projects = new ProjectConfigs(options.cwd);
    this.host = createNodeHost({ roots: options.allowRead, memo: true });
  }

  check(f: { path: string; display: string }): FileOutcome {
    const uri = pathToUri(f.path);
    const read = readTextFile(f.path);
    if (!read.ok) return { display: f.display, uri, unreadable: read.reason, diagnostics: [] };
    const project = this.projects.forFile(f.path);
    const stepsPerEpoch = this.options.stepsPerEpoch ?? project.config?.stepsPerEpoch;
    const lintText = (text: string): Diagnostic[] =>
      lint(analyzeDocument(uri, text, this.host, { stepsPerEpoch, parseCache: this.parseCache }), { rules: this.options.rules, project: project.config, timings: this.timings });
    const outcome: FileOutcome = { display: f.display, uri, diagnostics: [] };
    if (project.path && project.diagnostics.length > 0) outcome.project = { path: project.path, display: displayPath(project.path, this.options.cwd), diagnostics: project.diagnostics };
    if (this.options.fix) {
      const result = applyAllFixes(lintText, read.text, { uri, select: this.pickFix });
      if (result.text !== read.text) {
        writeFileSync(f.path, result.text);
        this.host.forget(uri);
        outcome.fixed = true;
      }
      outcome.diagnostics = result.remaining;
    } else outcome.diagnostics = lintText(read.text);
    return outcome;
  }
}
