/**
 * Loads a config with its inheritance chain resolved the way its suite does it: PaddleDetection's
 * `_BASE_` (workspace.py) or PaddleSeg's `_base_` (config.py), chosen by the key the analysed file
 * uses. Bases are read only through the host; every problem of the chain is a diagnostic on the
 * analysed file's `_BASE_`/`_base_` item, and nothing here throws, loops or recurses without bound.
 */
import { entryOf, isMap } from "./access";
import { BASE_KEYS, type BaseRef, type InheritanceStyle, readBaseRefs } from "./base-refs";
import { DiagnosticCollector, relatedInfo } from "./file-diagnostics";
import { mergeDetection, mergeSegmentation, type SegMergeConflict, withoutKey } from "./inheritance-merge";
import { parseConfigText } from "./parse";
import { parseBySections, type SectionCache } from "./sectioned-parse";
import { DEFAULT_LIMITS, sameLimits, type ConfigMap, type ConfigNode, type Host, type Limits, type LoadedConfig, type ParsedFile } from "./types";
import { basenameUri, resolveUri } from "./uri";
import type { RelatedInfo, Severity } from "../model/diagnostics";
import type { Span } from "../model/positions";

/** Where a problem deep in the chain is shown: the analysed file's `_BASE_` item that leads to it. */
interface Route {
  leafItem: Span;
  /** The base references followed from the analysed file down to the current file (named only in messages). */
  hops: BaseRef[];
}

/** `./a.yml → b.yml → c.yml`: the first hop as written in the analysed file, later ones by file name. */
function routeNames(route: Route): string {
  return route.hops.map((ref, i) => (i === 0 ? ref.path : basenameUri(resolveUri(ref.span.uri, ref.path)))).join(" → ");
}

function safeMayRead(host: Host, uri: string): boolean {
  try {
    return host.mayRead?.(uri) !== false;
  } catch {
    return false;
  }
}

class ChainLoader {
  readonly out: DiagnosticCollector;
  private inclusions = 0;
  private filesLimitHit = false;
  private readonly reported = new Set<string>();
  private readonly brokenBasesReported = new Set<string>();

  constructor(
    private readonly leaf: ParsedFile,
    private readonly host: Host,
    private readonly limits: Limits,
    readonly files: Map<string, ParsedFile>,
    private readonly cache?: ParseCache,
  ) {
    this.out = new DiagnosticCollector(leaf.uri, leaf.text);
  }

  private report(rule: string, severity: Severity, message: string, at: Span, route: Route | undefined, related: RelatedInfo[] = []): void {
    const span = route ? route.leafItem : at;
    const via = route ? ` (via ${routeNames(route)})` : "";
    const key = `${rule}|${span.start}|${span.end}|${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    const deep = route && at.uri !== this.leaf.uri ? [relatedInfo(at, this.files.get(at.uri)?.text ?? "", message)] : [];
    this.out.add(rule, severity, message + via, span.start, span.end, [...deep, ...related]);
  }

  private parsed(uri: string): ParsedFile | undefined {
    const cached = this.files.get(uri);
    if (cached) return cached;
    let text: string | undefined;
    try {
      text = this.host.readFile(uri);
    } catch {
      // The host contract says it never throws; if one does, the base is simply unreadable.
      text = undefined;
    }
    if (typeof text !== "string") return undefined;
    const file = cachedParse(this.cache, uri, text, this.limits);
    this.files.set(uri, file);
    return file;
  }

  /** Opens one base after every check the chain needs; undefined (with a diagnostic) when it cannot be used. */
  private openBase(ref: BaseRef, from: ParsedFile, depth: number, stack: string[], route: Route | undefined, style: InheritanceStyle): ParsedFile | undefined {
    if (style === "detection" && ref.path.startsWith("~")) {
      this.report("missing-base", "warning", `Base \`${ref.path}\` is in a home directory (\`~\`): lrlens does not expand it, so this base is not read.`, ref.span, route);
      return undefined;
    }
    const target = resolveUri(from.uri, ref.path);
    const cycleAt = stack.indexOf(target);
    if (cycleAt >= 0) {
      const cycle = [...stack.slice(cycleAt), target].map(basenameUri).join(" → ");
      this.report("circular-base", "error", `Circular inheritance: ${cycle}. The suite would recurse forever; this base is skipped.`, ref.span, route);
      return undefined;
    }
    if (depth + 1 > this.limits.maxInheritanceDepth) {
      this.report("limit-exceeded", "warning", `Inheritance chain deeper than maxInheritanceDepth = ${this.limits.maxInheritanceDepth}: \`${ref.path}\` and its bases are not read.`, ref.span, route);
      return undefined;
    }
    if (this.inclusions + 2 > this.limits.maxInheritanceFiles) {
      if (!this.filesLimitHit) this.report("limit-exceeded", "warning", `Inheritance chain includes more than maxInheritanceFiles = ${this.limits.maxInheritanceFiles} files: \`${ref.path}\` and later bases are not read.`, ref.span, route);
      this.filesLimitHit = true;
      return undefined;
    }
    if (this.host.mayRead && !safeMayRead(this.host, target)) {
      this.report("base-outside-workspace", "warning", `Base \`${ref.path}\` is outside the workspace and reading it is not allowed, so it is not read.`, ref.span, route);
      return undefined;
    }
    this.inclusions++;
    const file = this.parsed(target);
    if (!file) {
      this.report("missing-base", "error", `Base \`${ref.path}\` not found or not a readable regular file (${target}): the suite stops with FileNotFoundError.`, ref.span, route);
      return undefined;
    }
    if (!isMap(file.root)) {
      const what = file.root === undefined ? "empty" : file.root.kind === "seq" ? "a list" : "a single value";
      this.report("invalid-base", "error", `Base \`${ref.path}\` is ${what}, not a mapping: the suite cannot merge it.`, ref.span, route);
      return undefined;
    }
    const firstError = file.diagnostics.find((d) => d.severity === "error");
    if (firstError && !this.brokenBasesReported.has(file.uri)) {
      this.brokenBasesReported.add(file.uri);
      const rel = relatedInfo(firstError.span, file.text, firstError.message);
      this.report("invalid-base", "error", `Base \`${ref.path}\` has errors (${firstError.rule}, line ${firstError.range.start.line + 1}): ${firstError.message}`, ref.span, route, [rel]);
    }
    return file;
  }

  private routeFor(route: Route | undefined, ref: BaseRef): Route {
    return route ? { leafItem: route.leafItem, hops: [...route.hops, ref] } : { leafItem: ref.span, hops: [ref] };
  }

  private refsOf(root: ConfigMap, style: InheritanceStyle, route: Route | undefined): BaseRef[] {
    const entry = entryOf(root, BASE_KEYS[style]);
    if (!entry) return [];
    const { refs, problems } = readBaseRefs(entry, style);
    for (const p of problems) this.report("invalid-base", p.severity, p.message, p.span, route);
    return refs;
  }

  /** PaddleDetection: every file merged after its own bases (post-order), bases in list order; later wins. */
  collectDetection(file: ParsedFile, root: ConfigMap, depth: number, stack: string[], route: Route | undefined, into: ConfigNode[]): void {
    const key = BASE_KEYS.detection;
    if (!entryOf(root, key)) {
      into.push(root);
      return;
    }
    for (const ref of this.refsOf(root, "detection", route)) {
      const base = this.openBase(ref, file, depth, stack, route, "detection");
      if (base && isMap(base.root)) this.collectDetection(base, base.root, depth + 1, [...stack, base.uri], this.routeFor(route, ref), into);
    }
    into.push(withoutKey(root, key));
  }

  /** PaddleSeg: the file merged onto each base in turn (each base fully resolved first); the earlier base wins. */
  loadSegmentation(file: ParsedFile, root: ConfigMap, depth: number, stack: string[], route: Route | undefined): ConfigNode {
    const key = BASE_KEYS.segmentation;
    if (!entryOf(root, key)) return root;
    let dic: ConfigNode = withoutKey(root, key);
    for (const ref of this.refsOf(root, "segmentation", route)) {
      const base = this.openBase(ref, file, depth, stack, route, "segmentation");
      if (!base || !isMap(base.root)) continue;
      const inner = this.routeFor(route, ref);
      const baseTree = this.loadSegmentation(base, base.root, depth + 1, [...stack, base.uri], inner);
      const conflicts: SegMergeConflict[] = [];
      dic = mergeSegmentation(dic, baseTree, conflicts);
      for (const c of conflicts) this.reportConflict(c, route ?? { leafItem: ref.span, hops: [ref] });
    }
    return dic;
  }

  private reportConflict(c: SegMergeConflict, route: Route): void {
    const kind = c.base.kind === "seq" ? "a list" : "a single value";
    const message = `PaddleSeg cannot merge mapping \`${c.entry.key}\` into the base's ${kind} (merge_config_dicts raises); the mapping replaces it here.`;
    const baseFile = this.files.get(c.base.span.uri);
    const related = baseFile ? [relatedInfo(c.base.span, baseFile.text, "the base value it meets")] : [];
    if (c.entry.keySpan.uri === this.leaf.uri) this.report("base-merge-conflict", "error", message, c.entry.keySpan, undefined, related);
    else this.report("base-merge-conflict", "error", message, c.entry.keySpan, route, related);
  }
}

/** Which suite's inheritance the analysed file uses, from its own top-level keys. */
function styleOf(root: ConfigNode | undefined, out: DiagnosticCollector): InheritanceStyle | undefined {
  const det = entryOf(root, BASE_KEYS.detection);
  const seg = entryOf(root, BASE_KEYS.segmentation);
  if (det && seg) {
    out.add("invalid-base", "warning", "Both `_BASE_` (PaddleDetection) and `_base_` (PaddleSeg): read as PaddleDetection, where `_base_` is an ordinary key.", seg.keySpan.start, seg.keySpan.end);
  }
  return det ? "detection" : seg ? "segmentation" : undefined;
}

/**
 * Parsed files reused across loads (a CLI run over a tree, a server with many open configs): the
 * bases of a suite are shared by hundreds of configs. An entry is used only while its text and the
 * limits are unchanged; parsed trees are never mutated, so sharing them is safe.
 */
export type ParseCache = Map<string, { text: string; limits: Limits; file: ParsedFile }>;

function cachedParse(cache: ParseCache | undefined, uri: string, text: string, limits: Limits): ParsedFile {
  const hit = cache?.get(uri);
  if (hit && hit.text === text && sameLimits(hit.limits, limits)) return hit.file;
  const file = parseConfigText(uri, text, limits);
  cache?.set(uri, { text, limits, file });
  return file;
}

export function loadConfig(uri: string, text: string, host: Host, limits?: Partial<Limits>, cache?: ParseCache, sections?: SectionCache): LoadedConfig {
  const lim: Limits = { ...DEFAULT_LIMITS, ...(limits ?? {}) };
  // An editor re-analyses the same large document on every keystroke: reuse its unchanged sections.
  const own = sections ? parseBySections(uri, text, lim, sections) : cachedParse(cache, uri, text, lim);
  const files = new Map<string, ParsedFile>([[uri, own]]);
  const config: LoadedConfig = { uri, root: own.root, own, files, diagnostics: [...own.diagnostics] };
  const loader = new ChainLoader(own, host, lim, files, cache);
  try {
    const style = styleOf(own.root, loader.out);
    if (style && isMap(own.root)) {
      if (style === "detection") {
        const sequence: ConfigNode[] = [];
        loader.collectDetection(own, own.root, 0, [uri], undefined, sequence);
        config.root = sequence.reduce((acc, next) => mergeDetection(acc, next));
      } else config.root = loader.loadSegmentation(own, own.root, 0, [uri], undefined);
    }
  } catch (e) {
    // A bug of ours must not take the editor down: keep the file's own tree and say so.
    const message = e instanceof Error ? e.message : String(e);
    loader.out.add("internal-error", "warning", `lrlens could not resolve the inheritance chain (${message}); please report it.`, 0, 0);
  }
  config.diagnostics.push(...loader.out.items);
  return config;
}
