/**
 * Turns a composed `yaml` document into the ConfigNode tree the way PyYAML constructs it: YAML 1.1
 * scalars, aliases shared (PyYAML shares the object too), `<<` merge keys flattened, the last of
 * duplicate keys kept. It also enforces the tree limits (nesting depth, sequence length, alias
 * expansion) with a diagnostic for every hit, and never recurses deeper than the nesting limit.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Node as YamlNode, type Pair, Scalar } from "yaml";
import type { ConfigEntry, ConfigMap, ConfigNode, ConfigScalar, ConfigSeq, Limits } from "./types";
import type { Span } from "../model/positions";
import type { TagToken } from "./cst-facts";
import { recordedTag } from "./custom-tags";
import type { DiagnosticCollector } from "./file-diagnostics";
import { flattenMergeKeys, isMergeKey, type MergeSource, type OwnEntry } from "./merge-keys";
import { resolvePlainScalar, resolveTaggedScalar, type ResolvedScalar } from "./pyyaml-scalars";

export interface ConvertOptions {
  uri: string;
  text: string;
  limits: Limits;
  /** Tag tokens of the document, sorted by offset (for `tagSpan`). */
  tags: TagToken[];
  /** Anchor tokens, sorted by offset (to point at a duplicate `&name`). */
  anchors: { offset: number; source: string }[];
  diagnostics: DiagnosticCollector;
}

/** Alias dereferences a full expansion of a node makes (the alias-bomb measure), by converted node. */
type AliasCost = WeakMap<ConfigNode, number>;

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** The property token (tag or anchor) of a node: the last one at or before the node's own text (only props and blanks lie between). */
function lastTokenAtOrBefore<T extends { offset: number }>(tokens: T[], offset: number): T | undefined {
  let lo = 0;
  let hi = tokens.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].offset <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 ? tokens[found] : undefined;
}

export class YamlToConfig {
  private readonly anchors = new Map<string, { node: ConfigNode | undefined; start: number }>();
  private readonly inProgress = new Set<string>();
  private readonly aliasCost: AliasCost = new WeakMap();
  private readonly keyIdentity = new WeakMap<ConfigEntry, string>();
  private aliasTotal = 0;
  private aliasLimitHit = false;
  private depthLimitHit = false;

  constructor(private readonly o: ConvertOptions) {}

  convertDocument(contents: YamlNode | null | undefined): ConfigNode | undefined {
    if (!contents) return undefined;
    return this.convert(contents, 0);
  }

  private span(start: number, end: number): Span {
    return { uri: this.o.uri, start, end };
  }

  /** Where a node's own text ends: trailing blank lines and comments of block nodes are not part of it. */
  private endOf(node: unknown): number {
    if (isScalar(node) || isAlias(node)) {
      const r = (node as YamlNode).range;
      if (!r) return 0;
      let end = r[1];
      const text = this.o.text;
      while (end > r[0] && isSpaceCode(text.charCodeAt(end - 1))) end--;
      return end;
    }
    if (isMap(node) || isSeq(node)) {
      const r = node.range;
      if (!r) return 0;
      if (node.flow) return r[1];
      const last = node.items[node.items.length - 1] as unknown;
      if (last === undefined) return r[0];
      if (isPair(last)) return Math.max(last.value ? this.endOf(last.value) : 0, last.key ? this.endOf(last.key) : 0, r[0]);
      return Math.max(this.endOf(last), r[0]);
    }
    return 0;
  }

  private tagOf(node: YamlNode): { tag?: string; tagSpan?: Span } {
    const tag = recordedTag(node.tag);
    if (tag === undefined || !node.range) return {};
    const t = lastTokenAtOrBefore(this.o.tags, node.range[0]);
    if (!t || t.name !== node.tag) return { tag };
    return { tag, tagSpan: this.span(t.offset, t.offset + t.source.length) };
  }

  private convert(node: unknown, depth: number): ConfigNode {
    if (isAlias(node)) return this.convertAlias(node.source, node.range ?? [0, 0, 0]);
    const yn = node as YamlNode;
    const anchor = yn.anchor;
    if (!anchor) return isMap(yn) || isSeq(yn) ? this.convertCollection(yn, depth + 1) : this.convertScalar(yn);
    if (this.anchors.has(anchor)) {
      const firstLine = this.o.diagnostics.lineIndex.position(this.anchors.get(anchor)!.start).line + 1;
      const token = lastTokenAtOrBefore(this.o.anchors, yn.range?.[0] ?? 0);
      const [s, e] = token && token.source === `&${anchor}` ? [token.offset, token.offset + token.source.length] : [yn.range?.[0] ?? 0, this.endOf(yn)];
      this.o.diagnostics.add("pyyaml-load-error", "error", `PyYAML refuses a second anchor &${anchor} (the first is on line ${firstLine}): rename one of them.`, s, e);
    }
    this.anchors.set(anchor, { node: undefined, start: yn.range?.[0] ?? 0 });
    this.inProgress.add(anchor);
    const before = this.aliasTotal;
    const result = isMap(yn) || isSeq(yn) ? this.convertCollection(yn, depth + 1) : this.convertScalar(yn);
    this.inProgress.delete(anchor);
    this.anchors.set(anchor, { node: result, start: yn.range?.[0] ?? 0 });
    // The dereferences made inside this node are what every alias to it costs again.
    this.aliasCost.set(result, this.aliasTotal - before);
    return result;
  }

  private noneAt(start: number, end: number): ConfigScalar {
    return { kind: "scalar", span: this.span(start, end), value: { type: "none" }, text: "", quoted: false };
  }

  private convertAlias(name: string, range: [number, number, number]): ConfigNode {
    const [start, end] = [range[0], range[1]];
    const target = this.anchors.get(name);
    if (this.inProgress.has(name)) {
      this.o.diagnostics.add("recursive-alias", "warning", `*${name} refers to the node that contains it (a recursive structure): it is read as null here.`, start, end);
      return this.noneAt(start, end);
    }
    if (!target?.node) {
      this.o.diagnostics.add("yaml-syntax", "error", `Undefined alias *${name}: no anchor &${name} before it (PyYAML stops loading here).`, start, end);
      return this.noneAt(start, end);
    }
    const cost = 1 + (this.aliasCost.get(target.node) ?? 0);
    if (this.aliasLimitHit || this.aliasTotal + cost > this.o.limits.maxAliasCount) {
      if (!this.aliasLimitHit) {
        this.aliasLimitHit = true;
        this.o.diagnostics.add(
          "limit-exceeded",
          "warning",
          `Alias expansion limit reached (maxAliasCount = ${this.o.limits.maxAliasCount}): expanding *${name} would bring the document to ${this.aliasTotal + cost} alias dereferences. This and every later alias are read as null.`,
          start,
          end,
        );
      }
      return this.noneAt(start, end);
    }
    this.aliasTotal += cost;
    return target.node;
  }

  private convertScalar(yn: YamlNode): ConfigNode {
    const start = yn.range?.[0] ?? 0;
    const end = this.endOf(yn);
    const s = yn as Scalar;
    const text = typeof s.source === "string" ? s.source : typeof s.value === "string" ? s.value : "";
    const quoted = s.type === Scalar.QUOTE_DOUBLE || s.type === Scalar.QUOTE_SINGLE;
    const plain = s.type === Scalar.PLAIN || s.type === undefined;
    let r: ResolvedScalar;
    if (yn.tag === "!") {
      // PyYAML resolves a `!`-tagged scalar implicitly even when quoted (`! '12'` is the int 12); YAML 1.2 makes it a str.
      r = text.endsWith("\n") ? { value: { type: "str", value: text } } : resolvePlainScalar(text);
      if (r.value.type !== "str") r.yaml12 = { type: "str", value: text };
      else delete r.yaml12;
    } else if (yn.tag) r = resolveTaggedScalar(yn.tag, text);
    else if (plain) r = resolvePlainScalar(text);
    else r = { value: { type: "str", value: text } };
    if (r.loadError) this.o.diagnostics.add("pyyaml-load-error", "error", `PyYAML cannot load this value: ${r.loadError}.`, start, end);
    const node: ConfigScalar = { kind: "scalar", span: this.span(start, end), value: r.value, text, quoted };
    if (yn.tag) Object.assign(node, this.tagOf(yn));
    if (r.yaml12) node.yaml12 = r.yaml12;
    return node;
  }

  private tooDeep(yn: YamlNode, depth: number): ConfigNode | undefined {
    if (depth <= this.o.limits.maxNestingDepth) return undefined;
    const start = yn.range?.[0] ?? 0;
    const end = this.endOf(yn);
    if (!this.depthLimitHit) {
      this.depthLimitHit = true;
      this.o.diagnostics.add("limit-exceeded", "warning", `Nesting deeper than maxNestingDepth = ${this.o.limits.maxNestingDepth}: this collection (depth ${depth}) and anything as deep are read as null.`, start, end);
    }
    return this.noneAt(start, end);
  }

  private convertCollection(yn: YamlNode, depth: number): ConfigNode {
    const limited = this.tooDeep(yn, depth);
    if (limited) return limited;
    const span = this.span(yn.range?.[0] ?? 0, this.endOf(yn));
    const tagInfo = yn.tag ? this.tagOf(yn) : undefined;
    if (isSeq(yn)) {
      const items: ConfigNode[] = [];
      const max = this.o.limits.maxListLength;
      const all = yn.items as unknown[];
      for (let i = 0; i < all.length && i < max; i++) items.push(this.convert(all[i], depth));
      if (all.length > max) {
        const first = all[max] as YamlNode;
        this.o.diagnostics.add("limit-exceeded", "warning", `This sequence has ${all.length} items; only the first ${max} are read (maxListLength = ${max}).`, first.range?.[0] ?? span.start, this.endOf(first));
      }
      const seq: ConfigSeq = { kind: "seq", span, items };
      return tagInfo ? Object.assign(seq, tagInfo) : seq;
    }
    const map = this.convertMap(yn as YamlNode & { items: Pair[] }, depth, span);
    return tagInfo ? Object.assign(map, tagInfo) : map;
  }

  private convertMap(yn: YamlNode & { items: Pair[] }, depth: number, span: Span): ConfigMap {
    const own: OwnEntry[] = [];
    let merges: MergeSource[] | undefined;
    for (const pair of yn.items) {
      const keyNode = pair.key as unknown;
      if (isMergeKey(keyNode)) {
        const start = (keyNode as YamlNode).range?.[0] ?? span.start;
        const value = pair.value ? this.convert(pair.value, depth) : this.noneAt(start, start);
        (merges ??= []).push({ value, start, end: pair.value ? this.endOf(pair.value) : start });
        continue;
      }
      const entry = this.convertEntry(keyNode, pair.value, depth, span.start);
      own.push({ entry, identity: this.keyIdentity.get(entry) ?? entry.key });
    }
    const entries = flattenMergeKeys(own, merges ?? [], (e) => this.keyIdentity.get(e) ?? e.key, this.o.diagnostics);
    return { kind: "map", span, entries };
  }

  /**
   * One `key: value` pair. Keys are kept as their text (PyYAML keys are Python values; configs use
   * strings); a key that is not a str gets a Python-equality identity (`1`, `1.0` and `true` are one
   * dict key), remembered for duplicate and `<<` handling. Plain name keys take a fast path.
   */
  private convertEntry(keyNode: unknown, valueNode: unknown, depth: number, fallback: number): ConfigEntry {
    let key: string;
    let identity: string | undefined;
    let keySpan: Span;
    if (keyNode === null || keyNode === undefined) {
      key = "";
      identity = NON_STR + "none";
      keySpan = this.span(fallback, fallback);
    } else {
      const yn = keyNode as YamlNode;
      const start = yn.range?.[0] ?? fallback;
      const end = this.endOf(yn);
      keySpan = this.span(start, end);
      const s = yn as Scalar;
      if (isScalar(yn) && !yn.tag && !yn.anchor && typeof s.source === "string" && (s.type !== Scalar.PLAIN || isNameLike(s.source))) {
        key = s.source;
      } else {
        const node = this.convert(yn, depth);
        if (node.kind !== "scalar") {
          this.o.diagnostics.add("pyyaml-load-error", "error", "PyYAML cannot use a mapping or sequence as a key (found unhashable key).", start, end);
          key = this.o.text.slice(start, end);
          identity = NON_STR + "text:" + key;
        } else {
          const v = node.value;
          key = node.text;
          if (v.type !== "str") identity = NON_STR + (v.type === "int" ? `num:${v.big ?? v.value}` : v.type === "float" ? `num:${v.value}` : v.type === "bool" ? `num:${v.value ? 1 : 0}` : v.type === "none" ? "none" : `text:${node.text}`);
          else if (v.value !== key) key = v.value;
        }
      }
    }
    const value = valueNode !== null && valueNode !== undefined ? this.convert(valueNode, depth) : this.noneAt(keySpan.end, keySpan.end);
    const entry: ConfigEntry = { key, keySpan, value };
    if (identity !== undefined) this.keyIdentity.set(entry, identity);
    return entry;
  }
}

/** Prefix of the identity of keys that are not str (a str key's identity is the key itself). */
const NON_STR = "\u0000";

/** A plain key PyYAML certainly reads as a str (no resolver starts with its first character). */
function isNameLike(text: string): boolean {
  return text !== "" && !/^[-+0-9.yYnNtTfFoO~=<]/.test(text);
}
