/**
 * One iterative pass over `yaml`'s concrete syntax tree, before composing: it finds every comment
 * (with its span, for `# lrlens:` directives), every tag (so each can be declared to `yaml` as a custom
 * tag, and so a node's tag has a position), and the deepest collection nesting (so a document that
 * would overflow `yaml`'s recursive composer is never composed).
 */
import type { CST } from "yaml";

export interface TagToken {
  /** Offset of the `!`. */
  offset: number;
  /** As written: `!PiecewiseDecay`, `!!int`, `!<tag:x>`. */
  source: string;
  /** The full tag name `yaml` resolves it to (`!PiecewiseDecay`, `tag:yaml.org,2002:int`), if resolvable. */
  name: string | undefined;
}

export interface CstFacts {
  comments: { text: string; start: number; end: number }[];
  /** Sorted by offset. */
  tags: TagToken[];
  /** Anchor tokens (`&name`), sorted by offset. */
  anchors: { offset: number; source: string }[];
  /** Deepest nesting of collections (a root mapping is depth 1), and where it first exceeded `depthCap`. */
  maxDepth: number;
  tooDeepAt: number | undefined;
}

const DEFAULT_HANDLES: Record<string, string> = { "!": "!", "!!": "tag:yaml.org,2002:" };

/** The tag name `yaml`'s Directives.tagName would give, with `%TAG` handles of the first document. */
function tagNameOf(source: string, handles: Record<string, string>): string | undefined {
  if (source === "!") return "!";
  if (source.startsWith("!<")) return source.endsWith(">") ? source.slice(2, -1) : undefined;
  const m = /^(.*!)([^!]*)$/s.exec(source);
  if (!m) return undefined;
  const prefix = handles[m[1]];
  if (prefix === undefined) return m[1] === "!" ? source : undefined;
  try {
    return prefix + decodeURIComponent(m[2]);
  } catch {
    return undefined;
  }
}

type AnyToken = CST.Token | CST.SourceToken;

function isCollection(t: AnyToken): boolean {
  return t.type === "block-map" || t.type === "block-seq" || t.type === "flow-collection";
}

/** Walks the tokens of a parsed stream without recursion (a hostile document can nest 100k deep). */
export function collectCstFacts(tokens: readonly CST.Token[], depthCap: number): CstFacts {
  const facts: CstFacts = { comments: [], tags: [], anchors: [], maxDepth: 0, tooDeepAt: undefined };
  const handles = { ...DEFAULT_HANDLES };
  let seenDocument = false;
  // Two parallel stacks (token, depth of its parent) rather than tuples: this runs on every keystroke.
  const stack: AnyToken[] = [];
  const depths: number[] = [];
  const push = (t: AnyToken | null | undefined, depth: number) => {
    if (t) {
      stack.push(t);
      depths.push(depth);
    }
  };
  const pushAll = (list: readonly AnyToken[] | undefined, depth: number) => {
    if (list) for (let i = list.length - 1; i >= 0; i--) push(list[i], depth);
  };
  pushAll(tokens, 0);
  while (stack.length > 0) {
    const token = stack.pop() as AnyToken;
    const parentDepth = depths.pop() as number;
    const depth = isCollection(token) ? parentDepth + 1 : parentDepth;
    if (depth > facts.maxDepth) {
      facts.maxDepth = depth;
      if (depth > depthCap && facts.tooDeepAt === undefined) facts.tooDeepAt = token.offset;
    }
    switch (token.type) {
      case "comment":
        facts.comments.push({ text: token.source, start: token.offset, end: token.offset + token.source.length });
        break;
      case "tag":
        facts.tags.push({ offset: token.offset, source: token.source, name: tagNameOf(token.source, handles) });
        break;
      case "anchor":
        facts.anchors.push({ offset: token.offset, source: token.source });
        break;
      case "directive": {
        // `%TAG !e! tag:example.com,2000:` before the first document changes what `!e!x` means.
        const m = /^%TAG\s+(\S+)\s+(\S+)/.exec(token.source);
        if (m && !seenDocument) handles[m[1]] = m[2];
        break;
      }
      case "document":
        seenDocument = true;
        pushAll(token.end, depth);
        push(token.value, depth);
        pushAll(token.start, depth);
        break;
      case "doc-end":
      case "alias":
      case "scalar":
      case "single-quoted-scalar":
      case "double-quoted-scalar":
        pushAll(token.end, depth);
        break;
      case "block-scalar":
        pushAll(token.props, depth);
        break;
      case "block-map":
      case "block-seq":
      case "flow-collection": {
        // Pushed in reverse so they pop in document order.
        if (token.type === "flow-collection") pushAll(token.end, depth);
        const items = token.items as CST.CollectionItem[];
        for (let k = items.length - 1; k >= 0; k--) {
          const it = items[k];
          push(it.value, depth);
          pushAll(it.sep, depth);
          push(it.key, depth);
          pushAll(it.start, depth);
        }
        if (token.type === "flow-collection") push(token.start, depth);
        break;
      }
      default:
        break;
    }
  }
  // Document order already (the walk is ordered); sorting is only a guard for odd token layouts.
  if (!isSorted(facts.tags)) facts.tags.sort((a, b) => a.offset - b.offset);
  if (!isSorted(facts.anchors)) facts.anchors.sort((a, b) => a.offset - b.offset);
  if (!isSorted(facts.comments.map((c) => ({ offset: c.start })))) facts.comments.sort((a, b) => a.start - b.start);
  return facts;
}

function isSorted(xs: { offset: number }[]): boolean {
  for (let i = 1; i < xs.length; i++) if (xs[i].offset < xs[i - 1].offset) return false;
  return true;
}
