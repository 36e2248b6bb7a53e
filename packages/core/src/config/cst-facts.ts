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
  const stack: [AnyToken, number][] = [];
  for (let i = tokens.length - 1; i >= 0; i--) stack.push([tokens[i], 0]);
  const pushAll = (list: readonly (AnyToken | null | undefined)[] | undefined, depth: number) => {
    if (!list) return;
    for (let i = list.length - 1; i >= 0; i--) {
      const t = list[i];
      if (t) stack.push([t, depth]);
    }
  };
  while (stack.length > 0) {
    const [token, parentDepth] = stack.pop() as [AnyToken, number];
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
        pushAll([...token.start, token.value, ...(token.end ?? [])], depth);
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
          if (it.value) stack.push([it.value, depth]);
          pushAll(it.sep, depth);
          if (it.key) stack.push([it.key, depth]);
          pushAll(it.start, depth);
        }
        if (token.type === "flow-collection") stack.push([token.start, depth]);
        break;
      }
      default:
        break;
    }
  }
  facts.tags.sort((a, b) => a.offset - b.offset);
  facts.anchors.sort((a, b) => a.offset - b.offset);
  facts.comments.sort((a, b) => a.start - b.start);
  return facts;
}
