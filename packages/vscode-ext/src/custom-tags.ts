/**
 * Finds the custom YAML tags a set of configs uses (`!PiecewiseDecay`, `!COCODataSet`, ...) and the
 * node kind each tags, in Red Hat YAML's `yaml.customTags` form (`"!PiecewiseDecay mapping"`), so
 * the tags the extension declares can be checked against the real PaddleDetection configs.
 */

export type TagKind = "scalar" | "sequence" | "mapping";

/** The line without its comment (a `#` at the start or after a space, outside quotes). */
function stripComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === "#" && (i === 0 || /\s/.test(line[i - 1]))) return line.slice(0, i);
  }
  return line;
}

const indentOf = (line: string) => line.length - line.trimStart().length;
const TAG = /(^|[\s[{,])!([A-Za-z_][\w.-]*)(?=$|[\s,\]}])/g;
const MAP_KEY = /^(?:\?\s|[^\s#\-[{][^#]*?:(?:\s|$)|-[^\s][^#]*?:(?:\s|$))/;

/** Every `(tag, kind)` used in one YAML text. Standard `!!` tags are not custom and are ignored. */
export function collectCustomTags(text: string, into = new Map<string, Set<TagKind>>()): Map<string, Set<TagKind>> {
  const lines = text.split(/\r?\n/).map(stripComment);
  lines.forEach((line, i) => {
    for (const m of line.matchAll(TAG)) {
      const start = m.index! + m[1].length;
      if (line[start - 1] === "!") continue;
      const kind = kindAfter(lines, i, line.slice(start + 1 + m[2].length).trim(), line);
      const set = into.get(m[2]) ?? new Set<TagKind>();
      set.add(kind);
      into.set(m[2], set);
    }
  });
  return into;
}

function kindAfter(lines: string[], i: number, rest: string, line: string): TagKind {
  if (rest.startsWith("{")) return "mapping";
  if (rest.startsWith("[")) return "sequence";
  if (rest !== "") return "scalar";
  const parentIndent = indentOf(line);
  const isSeqItem = line.trimStart().startsWith("-");
  for (let j = i + 1; j < lines.length; j++) {
    const next = lines[j];
    if (next.trim() === "") continue;
    const indent = indentOf(next);
    const content = next.trimStart();
    // `key: !Tag` may be followed by a sequence at the key's own indentation.
    if (content.startsWith("- ") || content === "-") return indent > parentIndent || (indent === parentIndent && !isSeqItem) ? "sequence" : "scalar";
    return indent > parentIndent && MAP_KEY.test(content) ? "mapping" : "scalar";
  }
  return "scalar";
}

/** `yaml.customTags` entries, sorted: `"!Tag kind"` for every kind a tag is used with. */
export function toCustomTagSetting(tags: Map<string, Set<TagKind>>): string[] {
  const out: string[] = [];
  for (const [tag, kinds] of tags) for (const kind of kinds) out.push(`!${tag} ${kind}`);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
