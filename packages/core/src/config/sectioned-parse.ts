/**
 * Re-parses only what changed in a large config: the text is cut into its top-level sections
 * (`Global:`, `Optimizer:`, `Train:` ...), each parsed on its own and cached by its text, so a
 * keystroke in a 10k-line file costs the parse of one section. The result equals a whole-file
 * `parseConfigText`; whenever that cannot be guaranteed, the whole file is parsed instead.
 */
import type { Span } from "../model/positions";
import { LineIndex } from "../text/line-index";
import { parseConfigText } from "./parse";
import { sameLimits, type ConfigEntry, type ConfigMap, type ConfigNode, type Limits, type ParsedFile } from "./types";

/** Below this size a whole parse is cheap; sectioning only pays (and only risks) on large files. */
export const SECTIONED_MIN_CHARS = 20_000;
/** Sections kept from the previous parse of a document. */
const MAX_CACHED_SECTIONS = 256;

/** A parsed section: its tree's spans are document offsets for a section starting at `offset`; its comments and diagnostics stay relative to the section. */
interface CachedSection {
  file: ParsedFile;
  offset: number;
}

/** Per-document memory of parsed sections, by section text. */
export interface SectionCache {
  limits?: Limits;
  sections: Map<string, CachedSection>;
}

export function newSectionCache(): SectionCache {
  return { sections: new Map() };
}

/** A plain top-level key at column 0: where a new section may start. */
const SECTION_START = /^[A-Za-z_][\w.-]*[ \t]*:(?:[ \t]|\r?$)/;

/**
 * Offsets where top-level sections start, or undefined when the text is not a plain block map at
 * column 0, or uses what a cut could change the meaning of: anchors/aliases (`&`, `*` anywhere,
 * even in a lambda string: the cheap test errs on the safe side), directives, document markers, tabs.
 */
export function sectionStarts(text: string): number[] | undefined {
  if (text.includes("&") || text.includes("*") || text.charCodeAt(0) === 0xfeff) return undefined;
  const starts: number[] = [];
  let sawContent = false;
  for (let at = 0; at < text.length; ) {
    let end = text.indexOf("\n", at);
    if (end < 0) end = text.length;
    const c = text.charCodeAt(at);
    // Most lines of a large config are indented: only column-0 text needs a closer look.
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x23 /* # */) {
      at = end + 1;
      continue;
    }
    const line = text.slice(at, Math.min(end, at + 256));
    if (c === 0x25 /* % */ || line.startsWith("---") || line.startsWith("...") || c === 0x09) return undefined;
    if (SECTION_START.test(line)) {
      starts.push(sawContent ? at : 0);
      sawContent = true;
    } else if (!sawContent && line.trim() !== "") return undefined;
    at = end + 1;
  }
  return starts.length >= 2 ? starts : undefined;
}

function shiftSpan(s: Span, delta: number, uri: string): Span {
  return { uri, start: s.start + delta, end: s.end + delta };
}

/**
 * Moves every span of a cached section's tree by `delta`, in place: allocating a copy of a large
 * section on every keystroke (each one moves the sections below it) would cost more than parsing.
 * Trees of earlier analyses of this document share these nodes; they are superseded by then.
 */
function moveTree(node: ConfigNode, delta: number, moved: Set<Span>): void {
  const move = (s: Span | undefined) => {
    if (!s || moved.has(s)) return;
    moved.add(s);
    s.start += delta;
    s.end += delta;
  };
  move(node.span);
  move(node.tagSpan);
  if (node.kind === "map") {
    for (const e of node.entries) {
      move(e.keySpan);
      moveTree(e.value, delta, moved);
    }
  } else if (node.kind === "seq") for (const item of node.items) moveTree(item, delta, moved);
}

/**
 * `parseConfigText(uri, text, limits)`, reusing the sections of the previous call with the same
 * cache. Falls back to the whole parse for small files, for texts `sectionStarts` rejects, and
 * whenever a section has a YAML error (a cut through a multi-line flow collection or quoted
 * scalar always leaves one), is not a map, or repeats a key of another section.
 */
export function parseBySections(uri: string, text: string, limits: Limits, cache: SectionCache, minChars = SECTIONED_MIN_CHARS): ParsedFile {
  const starts = text.length >= minChars && text.length <= limits.maxDocumentChars ? sectionStarts(text) : undefined;
  if (!starts) return parseConfigText(uri, text, limits);
  if (!cache.limits || !sameLimits(cache.limits, limits)) cache.sections.clear();
  cache.limits = limits;
  const previous = cache.sections;
  const next = new Map<string, CachedSection>();
  const entries: ConfigEntry[] = [];
  const seen = new Set<string>();
  const comments: ParsedFile["comments"] = [];
  const diagnostics: { file: ParsedFile; delta: number }[] = [];
  let first: ConfigMap | undefined;
  let last: ConfigMap | undefined;
  for (let i = 0; i < starts.length; i++) {
    const from = starts[i];
    const piece = text.slice(from, i + 1 < starts.length ? starts[i + 1] : text.length);
    let section = previous.get(piece);
    if (!section) section = { file: parseConfigText(uri, piece, limits), offset: 0 };
    next.set(piece, section);
    const file = section.file;
    const root = file.root;
    if (root?.kind !== "map" || root.tag !== undefined || file.diagnostics.some((d) => d.severity === "error" || d.rule !== "yaml-syntax")) {
      return parseConfigText(uri, text, limits);
    }
    if (section.offset !== from) {
      moveTree(root, from - section.offset, new Set());
      section.offset = from;
    }
    for (const e of root.entries) {
      if (seen.has(e.key)) return parseConfigText(uri, text, limits);
      seen.add(e.key);
      entries.push(e);
    }
    for (const c of file.comments) comments.push({ text: c.text, span: shiftSpan(c.span, from, uri) });
    if (file.diagnostics.length > 0) diagnostics.push({ file, delta: from });
    first ??= root;
    last = root;
  }
  if (!first || !last) return parseConfigText(uri, text, limits);
  // Keep the cache small: this parse's sections only (an edit touches one; undo restores it).
  if (next.size <= MAX_CACHED_SECTIONS) cache.sections = next;
  else cache.sections = new Map();
  const lines = diagnostics.length > 0 ? new LineIndex(text) : undefined;
  const root: ConfigMap = { kind: "map", span: { uri, start: first.span.start, end: last.span.end }, entries };
  return {
    uri,
    text,
    root,
    comments,
    diagnostics: diagnostics.flatMap(({ file, delta }) =>
      file.diagnostics.map((d) => {
        const span = shiftSpan(d.span, delta, uri);
        return { ...d, uri, span, range: (lines as LineIndex).range(span.start, span.end) };
      }),
    ),
  };
}
