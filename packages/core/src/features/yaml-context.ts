/**
 * Where a cursor is in a block-style YAML document, read from the text around it (the document is
 * usually half-typed, so the parsed tree cannot be trusted there): the key path of the mapping it
 * is in, that mapping's tag and keys, and whether a key, a value or a tag is being typed.
 */

export interface CursorContext {
  /** Keys from the root to the mapping the cursor is in; "-" stands for a sequence item. */
  path: string[];
  /** Tag of that mapping, without `!` (a `- !CosineDecay` item). */
  tag?: string;
  /** Keys already in that mapping (besides the one being typed), with their raw value text. */
  siblings: Map<string, string>;
  mode: "key" | "value" | "tag";
  /** The key whose value is being typed (mode "value"). */
  key?: string;
  /** What is typed so far. */
  prefix: string;
  /** The slice a completion replaces. */
  replace: { start: number; end: number };
  /** Column of that mapping's keys (for snippet lines). */
  indent: number;
  /** Whether a value needs a separating space (`key:|`). */
  needsSpace: boolean;
}

/** How far up (and down) the context scan reads: enough for any real schedule block. */
const MAX_SCAN_LINES = 2000;

interface Line {
  indent: number;
  dash: boolean;
  /** Column where the line's key (or tag) starts. */
  keyCol: number;
  key?: string;
  value: string;
}

const LINE = /^(\s*)(-\s+)?(.*)$/;
const KEY_VALUE = /^(["']?)([^\s:"'#][^:#]*?)\1\s*:(?:\s+|$)(.*)$/;

function parseLine(raw: string): Line | undefined {
  const m = LINE.exec(raw);
  if (!m) return undefined;
  const content = m[3].replace(/\s+#.*$/, "");
  if (content === "" || content.startsWith("#")) return m[2] ? { indent: m[1].length, dash: true, keyCol: m[1].length + m[2].length, value: "" } : undefined;
  const kv = KEY_VALUE.exec(content);
  return { indent: m[1].length, dash: !!m[2], keyCol: m[1].length + (m[2]?.length ?? 0), key: kv?.[2], value: kv ? kv[3].trim() : content.trim() };
}

function linesAround(text: string, lineStart: number): { above: string[]; below: string[] } {
  const above = text.slice(Math.max(0, lineStart - 200_000), Math.max(0, lineStart - 1)).split(/\r?\n/).reverse().slice(0, MAX_SCAN_LINES);
  const nextLine = text.indexOf("\n", lineStart);
  const below = nextLine < 0 ? [] : text.slice(nextLine + 1, nextLine + 1 + 200_000).split(/\r?\n/).slice(0, MAX_SCAN_LINES);
  return { above: lineStart === 0 ? [] : above, below };
}

export function cursorContext(text: string, offset: number): CursorContext | undefined {
  const o = Math.max(0, Math.min(offset, text.length));
  const lineStart = text.lastIndexOf("\n", o - 1) + 1;
  let lineEnd = text.indexOf("\n", o);
  if (lineEnd < 0) lineEnd = text.length;
  const before = text.slice(lineStart, o);
  const after = text.slice(o, lineEnd).replace(/\r$/, "");
  const wordAfter = /^[\w.-]*/.exec(after)![0].length;
  let mode: CursorContext["mode"];
  let prefix: string;
  let indent: number;
  let key: string | undefined;
  let needsSpace = false;
  let dash: boolean;
  let dashCol = 0;
  let m: RegExpExecArray | null;
  if ((m = /^(\s*)-\s+!([\w.]*)$/.exec(before))) {
    mode = "tag";
    prefix = m[2];
    indent = before.length - prefix.length - 1;
    dash = true;
    dashCol = m[1].length;
  } else if ((m = /^(\s*)(-\s+)?(["']?)([\w.$-]+)\3\s*:(\s*)([^\s#]*)$/.exec(before))) {
    mode = "value";
    key = m[4];
    prefix = m[6];
    indent = m[1].length + (m[2]?.length ?? 0);
    needsSpace = m[5] === "" && prefix === "";
    dash = !!m[2];
    dashCol = m[1].length;
  } else if ((m = /^(\s*)(-\s+)?([\w.-]*)$/.exec(before))) {
    mode = "key";
    prefix = m[3];
    indent = m[1].length + (m[2]?.length ?? 0);
    dash = !!m[2];
    dashCol = m[1].length;
  } else return undefined;
  const replace = { start: o - prefix.length, end: o + (mode === "value" ? /^[^\s#]*/.exec(after)![0].length : wordAfter) };
  const { above, below } = linesAround(text, lineStart);
  const siblings = new Map<string, string>();
  const path: string[] = [];
  let tag: string | undefined;
  // Siblings below the cursor, until the mapping ends (a shallower key or the next list item).
  for (const raw of below) {
    const l = parseLine(raw);
    if (!l) continue;
    if (l.keyCol < indent || (l.dash && l.keyCol <= indent)) break;
    if (l.keyCol === indent && !l.dash && l.key) siblings.set(l.key, l.value);
  }
  // Walk up: first the cursor's own mapping (collecting its keys), then each enclosing mapping or
  // sequence. `map` = column of a mapping's keys; `seq` = column of a sequence's dashes.
  let state: { map: number } | { seq: number } = dash ? { seq: dashCol } : { map: indent };
  if (dash) path.unshift("-");
  let collect = !dash;
  for (const raw of above) {
    const l = parseLine(raw);
    if (!l) continue;
    if ("map" in state) {
      const c = state.map;
      if (l.keyCol > c) continue;
      if (l.keyCol === c) {
        if (collect && l.key && l.key !== key) siblings.set(l.key, l.value);
        if (collect && !l.key && l.value.startsWith("!")) tag = l.value.slice(1).split(/\s/)[0];
        if (l.dash) {
          // The line that opens the list item this mapping is.
          path.unshift("-");
          state = { seq: l.indent };
          collect = false;
        }
        continue;
      }
      collect = false;
      if (!l.key) continue;
      path.unshift(l.key);
      if (l.dash) {
        path.unshift("-");
        state = { seq: l.indent };
      } else if (l.keyCol === 0) break;
      else state = { map: l.keyCol };
    } else {
      const d = state.seq;
      if ((l.dash && l.indent === d) || l.keyCol > d || !l.key) continue;
      // The key holding the sequence (PyYAML allows its dashes at the key's own column).
      path.unshift(l.key);
      if (l.dash) {
        path.unshift("-");
        state = { seq: l.indent };
      } else if (l.keyCol === 0) break;
      else state = { map: l.keyCol };
    }
  }
  return { path, tag, siblings, mode, key, prefix, replace, indent, needsSpace };
}
