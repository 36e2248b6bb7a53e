/**
 * Open documents and their analysis snapshots: which files the server acts on, the analysis and
 * lint of each version (cached, bounded), and which open files inherit from which base files.
 */
import { TextDocument } from "vscode-languageserver-textdocument";
import { TextDocuments } from "vscode-languageserver";
import { analyzeDocument, documentDiagnostics, lint, LineIndex, mayHoldSchedule, type Analysis, type Diagnostic } from "@lrlens/core";
import type { Configuration } from "./configuration";
import { uriKey, type FileHost } from "./host";
import { isProjectFile, type ProjectConfigs, type ProjectEntry } from "./project";
import type { Settings } from "./settings";

/** Everything a handler needs about one version of one document; immutable once built. */
export interface Snapshot {
  uri: string;
  version: number;
  text: string;
  settings: Settings;
  project: ProjectEntry;
  analysis: Analysis;
  lineIndex: LineIndex;
  /** The diagnostics shown in this document (analysis + rules, base-file findings pinned to `_BASE_`), computed once. */
  diagnostics(): Diagnostic[];
  /** Line index of any file of the inheritance chain (for edits and related information). */
  lineIndexOf(uri: string): LineIndex | undefined;
  /** Analyses and lints another text of this document with the same settings (fix-all passes). */
  relint(text: string): Diagnostic[];
}

/** Bounded so 500 open configs do not each pin an analysis; an evicted one is rebuilt on demand. */
const MAX_SNAPSHOTS = 64;

export class DocumentStore {
  readonly documents = new TextDocuments(TextDocument);
  private readonly snapshots = new Map<string, Promise<Snapshot | undefined>>();
  /** Base file key → open documents whose chain includes it. */
  private readonly dependents = new Map<string, Set<string>>();
  /** `uriKey` → the URI the client opened it under. */
  private readonly openKeys = new Map<string, string>();

  constructor(
    private readonly configuration: Configuration,
    private readonly projects: ProjectConfigs,
    private readonly host: FileHost,
  ) {
    this.documents.onDidOpen((e) => this.openKeys.set(uriKey(e.document.uri), e.document.uri));
    this.documents.onDidClose((e) => this.openKeys.delete(uriKey(e.document.uri)));
  }

  /** Open buffer text by `uriKey`, for the host. */
  openText(key: string): string | undefined {
    const uri = this.openKeys.get(key);
    return uri === undefined ? undefined : this.documents.get(uri)?.getText();
  }

  /** YAML documents the server acts on; the cheap text test keeps plain YAML files free. */
  isCandidate(doc: TextDocument): boolean {
    const yaml = doc.languageId === "yaml" || /\.ya?ml$/i.test(doc.uri);
    return yaml && !isProjectFile(doc.uri) && mayHoldSchedule(doc.getText());
  }

  /** The current snapshot of an open document, or undefined when it is not one we act on. */
  snapshot(uri: string): Promise<Snapshot | undefined> {
    const doc = this.documents.get(uri);
    if (!doc || !this.isCandidate(doc)) return Promise.resolve(undefined);
    const key = `${uri}#${doc.version}`;
    let hit = this.snapshots.get(key);
    if (hit) {
      // Refresh its place in the LRU order.
      this.snapshots.delete(key);
    } else {
      for (const k of this.snapshots.keys()) if (k.startsWith(`${uri}#`)) this.snapshots.delete(k);
      hit = this.build(doc);
    }
    this.snapshots.set(key, hit);
    while (this.snapshots.size > MAX_SNAPSHOTS) this.snapshots.delete(this.snapshots.keys().next().value as string);
    return hit;
  }

  /** Drops cached snapshots (all of them, or one document's). */
  invalidate(uri?: string): void {
    if (uri === undefined) this.snapshots.clear();
    else for (const k of [...this.snapshots.keys()]) if (k.startsWith(`${uri}#`)) this.snapshots.delete(k);
  }

  /** Open documents that inherit from `uri` (directly or deeper in the chain). */
  dependentsOf(uri: string): string[] {
    return [...(this.dependents.get(uriKey(uri)) ?? [])].filter((d) => d !== uri && this.documents.get(d));
  }

  /** A closed document no longer inherits from anything. */
  closed(uri: string): void {
    this.invalidate(uri);
    for (const set of this.dependents.values()) set.delete(uri);
  }

  private async build(doc: TextDocument): Promise<Snapshot | undefined> {
    const settings = await this.configuration.get(doc.uri);
    const project = this.projects.for(doc.uri);
    const text = doc.getText();
    const host = this.host.forDocument(doc.uri, { allowOutsideWorkspace: settings.allowOutsideWorkspace, maxFileChars: settings.limits.maxDocumentChars });
    const options = { stepsPerEpoch: settings.stepsPerEpoch ?? project.config?.stepsPerEpoch, limits: settings.limits };
    const analysis = analyzeDocument(doc.uri, text, host, options);
    this.recordBases(doc.uri, analysis);
    const lintOptions = { rules: settings.rules, project: project.config };
    let diagnostics: Diagnostic[] | undefined;
    const indexes = new Map<string, LineIndex>();
    const lineIndex = new LineIndex(text);
    indexes.set(doc.uri, lineIndex);
    return {
      uri: doc.uri,
      version: doc.version,
      text,
      settings,
      project,
      analysis,
      lineIndex,
      diagnostics: () => (diagnostics ??= documentDiagnostics(analysis, lint(analysis, lintOptions))),
      lineIndexOf: (uri) => {
        let index = indexes.get(uri);
        const file = index ? undefined : analysis.config.files.get(uri);
        if (file) indexes.set(uri, (index = new LineIndex(file.text)));
        return index;
      },
      relint: (next) => {
        const again = analyzeDocument(doc.uri, next, host, options);
        return documentDiagnostics(again, lint(again, lintOptions));
      },
    };
  }

  private recordBases(uri: string, analysis: Analysis): void {
    for (const set of this.dependents.values()) set.delete(uri);
    for (const base of analysis.config.files.keys()) {
      if (base === uri) continue;
      const key = uriKey(base);
      let set = this.dependents.get(key);
      if (!set) this.dependents.set(key, (set = new Set()));
      set.add(uri);
    }
  }
}
