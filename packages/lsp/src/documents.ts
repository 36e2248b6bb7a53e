/**
 * The analysis side's view of open documents: their text, the analysis and lint of each version
 * (cached, bounded), and the base files each one inherits from.
 */
import { analyzeDocument, documentDiagnostics, lint, LineIndex, mayHoldSchedule, newSectionCache, type Analysis, type Diagnostic, type SectionCache } from "@lrlens/core";
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
const MAX_SNAPSHOTS = 4;
/** Documents whose parsed sections are kept for the next keystroke (the ones being edited). */
const MAX_SECTION_CACHES = 4;

export class DocumentStore {
  private readonly docs = new Map<string, { version: number; text: string }>();
  /** `uriKey` → the URI the client opened it under. */
  private readonly openKeys = new Map<string, string>();
  private readonly snapshots = new Map<string, Snapshot>();
  /** Parsed top-level sections of recently analysed documents, so an edit re-parses one section of a large file. */
  private readonly sections = new Map<string, SectionCache>();

  constructor(
    private readonly host: FileHost,
    private readonly projects: ProjectConfigs,
  ) {}

  /** Opens a document or replaces its text with a newer version. */
  set(uri: string, version: number, text: string): void {
    this.docs.set(uri, { version, text });
    this.openKeys.set(uriKey(uri), uri);
  }

  close(uri: string): void {
    this.docs.delete(uri);
    this.sections.delete(uri);
    this.openKeys.delete(uriKey(uri));
    this.drop((s) => s.uri === uri);
  }

  get(uri: string): { version: number; text: string } | undefined {
    return this.docs.get(uri);
  }

  /** Open buffer text by `uriKey`, for the host: open documents win over the disk. */
  openText(key: string): string | undefined {
    const uri = this.openKeys.get(key);
    return uri === undefined ? undefined : this.docs.get(uri)?.text;
  }

  /** Forgets every cached analysis (settings or project configuration changed). */
  invalidate(): void {
    this.snapshots.clear();
  }

  /**
   * A file changed: analyses of other documents whose chain includes it (or that miss a base,
   * which may be this file) are stale. The file's own snapshot stays: its version tells.
   */
  fileChanged(uri: string): void {
    const key = uriKey(uri);
    this.drop((s) => s.uri !== uri && ([...s.analysis.config.files.keys()].some((f) => uriKey(f) === key) || hasMissingBase(s)));
  }

  /** The snapshot of an open document's current version, or undefined when it is not one we act on. */
  snapshot(uri: string, settings: Settings): Snapshot | undefined {
    const doc = this.docs.get(uri);
    if (!doc || isProjectFile(uri) || !mayHoldSchedule(doc.text)) return undefined;
    const key = `${uri}#${doc.version}#${JSON.stringify(settings)}`;
    let hit = this.snapshots.get(key);
    if (hit) this.snapshots.delete(key);
    else {
      this.drop((s) => s.uri === uri);
      hit = this.build(uri, doc.version, doc.text, settings);
    }
    // Map order is the LRU order: the most recently used last.
    this.snapshots.set(key, hit);
    while (this.snapshots.size > MAX_SNAPSHOTS) this.snapshots.delete(this.snapshots.keys().next().value as string);
    return hit;
  }

  /**
   * The newest analysis of a document, even of an older version, paired with its current text:
   * enough for completion (which reads the cursor's context from the text), without re-analysing
   * a large file on every keystroke. Builds one when none is cached.
   */
  recent(uri: string, settings: Settings): Snapshot | undefined {
    const doc = this.docs.get(uri);
    if (!doc) return undefined;
    const key = JSON.stringify(settings);
    const cached = [...this.snapshots.values()].reverse().find((s) => s.uri === uri && JSON.stringify(s.settings) === key);
    if (!cached || cached.version === doc.version) return this.snapshot(uri, settings);
    if (isProjectFile(uri) || !mayHoldSchedule(doc.text)) return undefined;
    return { ...cached, version: doc.version, text: doc.text, analysis: { ...cached.analysis, text: doc.text }, lineIndex: new LineIndex(doc.text) };
  }

  private drop(pred: (s: Snapshot) => boolean): void {
    for (const [k, s] of [...this.snapshots]) if (pred(s)) this.snapshots.delete(k);
  }

  /** The document's section cache, most recently used last; the least recent ones are dropped. */
  private sectionCacheFor(uri: string): SectionCache {
    const cache = this.sections.get(uri) ?? newSectionCache();
    this.sections.delete(uri);
    this.sections.set(uri, cache);
    while (this.sections.size > MAX_SECTION_CACHES) this.sections.delete(this.sections.keys().next().value as string);
    return cache;
  }

  private build(uri: string, version: number, text: string, settings: Settings): Snapshot {
    const project = this.projects.for(uri);
    const host = this.host.forDocument(uri, { allowOutsideWorkspace: settings.allowOutsideWorkspace, maxFileChars: settings.limits.maxDocumentChars });
    const options = { stepsPerEpoch: settings.stepsPerEpoch ?? project.config?.stepsPerEpoch, limits: settings.limits };
    const analysis = analyzeDocument(uri, text, host, { ...options, sectionCache: this.sectionCacheFor(uri) });
    const lintOptions = { rules: settings.rules, project: project.config };
    let diagnostics: Diagnostic[] | undefined;
    const lineIndex = new LineIndex(text);
    const indexes = new Map<string, LineIndex>([[uri, lineIndex]]);
    return {
      uri,
      version,
      text,
      settings,
      project,
      analysis,
      lineIndex,
      diagnostics: () => (diagnostics ??= documentDiagnostics(analysis, lint(analysis, lintOptions))),
      lineIndexOf: (other) => {
        let index = indexes.get(other);
        const file = index ? undefined : analysis.config.files.get(other);
        if (file) indexes.set(other, (index = new LineIndex(file.text)));
        return index;
      },
      relint: (next) => {
        const again = analyzeDocument(uri, next, host, options);
        return documentDiagnostics(again, lint(again, lintOptions));
      },
    };
  }
}

/** The `uriKey`s of the files a document inherits from. */
export function basesOf(snap: Snapshot): string[] {
  return [...snap.analysis.config.files.keys()].filter((f) => f !== snap.uri).map(uriKey);
}

function hasMissingBase(s: Snapshot): boolean {
  return s.analysis.diagnostics.some((d) => d.rule === "missing-base");
}
