/**
 * Text mutations for fuzzing the server: each operation is plain data (positions as fractions of
 * the current text, so the same operation applies to any document and shrinks well) that resolves
 * against a text into one edit, sent either as an incremental range change or as the whole text.
 */
import fc from "fast-check";

/** One resolved change in offsets of the text it applies to. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export type Mutation =
  | { op: "insert"; at: number; text: string }
  | { op: "delete"; at: number; len: number }
  | { op: "truncate"; at: number }
  | { op: "typeSwap"; nth: number; value: string }
  | { op: "tagSwap"; nth: number; tag: string }
  | { op: "indent"; line: number; prefix: string; remove: number }
  | { op: "duplicate"; from: number; len: number; at: number }
  | { op: "append"; block: number }
  | { op: "crlf" }
  | { op: "bom" };

/** A mutation plus how the client sends it. */
export interface Step {
  mutation: Mutation;
  /** Send the result as a full-text change instead of the (minimal) range change. */
  full: boolean;
}

/** Values that change a scalar's type or hit a numeric edge (PyYAML 1.1 and YAML 1.2 readings differ on several). */
export const SWAP_VALUES = [
  "1e308", "1e999", "-1e999", "-0", "-0.0", ".nan", ".NaN", ".inf", "-.inf", "99999999999999999999999", "9007199254740993", "0x1F", "0o17", "017", "1_000_000", "0b101",
  "1e-3", "1.0e-3", "5E4", "null", "~", "true", "yes", "off", "''", '""', "'0.1'", "[]", "{}", "[1, 2, 3]", "[3, 1, 2]", "{a: 1}", "[[1]]", "- 1", "|\n  text", ">-\n  folded",
  "*undefined_alias", "&anchor 5", "2026-01-01", "1:30", "!!float 1", "!!int x", "!!str 3", "!!binary aGVsbG8=", "lambda x: x", "'lambda epoch: 0.95 ** epoch'",
];

/** Tags to put where a tag or a class name stands: unknown ones, YAML core ones, PyYAML's Python ones. */
export const SWAP_TAGS = ["!Foo", "!!binary", "!!python/object/apply:os.system", "!!python/name:eval", "!!str", "!!int", "!!float", "!!map", "!!seq", "!!set", "!!omap", "!", "!PiecewiseDecay", "!LinearWarmup", "!CosineDecay", "!<tag:yaml.org,2002:str>", "!a!b"];

/** Snippets of YAML structure to insert: anchors, aliases, merge keys, flow collections, comments, directives. */
export const SNIPPETS = [
  "&a ", "*a", "<<: *a\n", "<<: [*a, *b]\n", "x: &b {k: 1}\n", "? complex\n: key\n", "---\n", "...\n", "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "# lrlens-disable\n", "# lrlens-disable-next-line\n",
  "  ", "\t", "- ", ": ", "\n", "\r\n", "\r", "{", "}", "[", "]", ",", "'", '"', "\\", "|", ">", "#", "!", "&", "*", "%", "@", "`",
  "_BASE_: [", "_base_: ", "_BASE_: ['./missing.yml']\n", "_BASE_: ['../../../../../etc/passwd']\n", "_base_: /dev/zero\n",
  "lr_scheduler:\n  name: MultiStepDecay\n  milestones: [30, 10]\n", "LearningRate:\n  base_lr: 1e-3\n  schedulers:\n  - !PiecewiseDecay\n    milestones: [8, 11]\n",
  "learning_rate: 1e-3\n", "warmup_steps: -5\n", "epoch_num: 1e12\n", "iters: 1000000000000\n", "T_max: 0\n", "gamma: 0\n",
  "milestones: [" + Array.from({ length: 300 }, (_, i) => 300 - i).join(", ") + "]\n",
  "\u0000", "\u0007", "\u007f", "\u0085", "\u00a0", "\u2028", "\u2029", "\ufeff", "\ufffd", "\ud83d\ude00", "\ud800", "\udfff", "é", "中文", "<script>alert(1)</script>", "](javascript:alert(1))",
];

/** Bytes decoded as a client would send them: UTF-8 with replacement characters, or Latin-1. */
export function decodeBytes(bytes: Uint8Array, encoding: "utf8" | "latin1"): string {
  return encoding === "utf8" ? new TextDecoder("utf-8", { fatal: false }).decode(bytes) : Buffer.from(bytes).toString("latin1");
}

/** The billion-laughs document at small scale (nine levels of ten aliases). */
export function aliasBomb(levels = 9): string {
  const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < levels; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(",")}]`);
  return lines.join("\n") + "\n";
}

/** Whole hostile blocks appended at the end of a document, so they stay valid YAML and reach the limits. */
export const HOSTILE_BLOCKS = [
  aliasBomb(),
  "deep: " + "[".repeat(90) + "1" + "]".repeat(90) + "\n",
  "deep_map:\n" + Array.from({ length: 80 }, (_, i) => " ".repeat(i + 1) + `k${i}:`).join("\n") + " 1\n",
  "lr_scheduler:\n  name: MultiStepDecay\n  learning_rate: 0.1\n  milestones: [" + Array.from({ length: 3000 }, (_, i) => i + 1).join(",") + "]\n",
  "Global:\n  epoch_num: 1000000000000\nOptimizer:\n  lr:\n    name: Cosine\n    learning_rate: 1e308\n",
  "lr_scheduler:\n  name: LambdaDecay\n  learning_rate: 0.1\n  lr_lambda: 'lambda epoch: " + "(".repeat(60) + "epoch" + ")".repeat(60) + " ** 0.5'\n",
  "lr_scheduler:\n  name: LambdaDecay\n  learning_rate: 0.1\n  lr_lambda: 'lambda e: " + "e*".repeat(1500) + "1'\n",
  "base: &base {name: PiecewiseDecay, boundaries: [10, 20], values: [0.1, 0.01, 0.001]}\nlr_scheduler:\n  <<: *base\n  boundaries: [5, 20]\n",
  "_BASE_: [" + Array.from({ length: 70 }, (_, i) => `'b${i}.yml'`).join(", ") + "]\n",
  "_BASE_: ['/dev/zero', '/proc/self/environ', '../../../../../../etc/passwd', 'file:///etc/hostname', '\\\\server\\share\\x.yml']\n",
  "_BASE_: ['./__lrlens_fuzz__/child.yml', './base.yml', './generated.yml']\n",
];

/** Blocks too slow to analyse for the CI budget (a 100,001-item list: ~590 KB, over a second to parse): full runs only. */
export const HEAVY_BLOCKS = ["lr_scheduler:\n  name: MultiStepDecay\n  learning_rate: 0.1\n  milestones: [" + Array.from({ length: 100_001 }, (_, i) => i + 1).join(",") + "]\n"];

const at = fc.double({ min: 0, max: 1, noNaN: true });
const insertedText = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...SNIPPETS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12, unit: "grapheme-ascii" }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 6, unit: "binary" }) },
  { weight: 2, arbitrary: fc.tuple(fc.uint8Array({ minLength: 1, maxLength: 24 }), fc.constantFrom("utf8" as const, "latin1" as const)).map(([b, e]) => decodeBytes(b, e)) },
  { weight: 1, arbitrary: fc.constantFrom(aliasBomb(), "big: &x [" + "1,".repeat(2000) + "1]\nmore: [*x, *x, *x, *x]\n", "[".repeat(200) + "]".repeat(200), "a:\n" + Array.from({ length: 120 }, (_, i) => " ".repeat(i + 1) + `k${i}:`).join("\n") + " 1\n") },
);

/** Any mutation; `heavy` adds the blocks in HEAVY_BLOCKS (their indices follow HOSTILE_BLOCKS'). */
export const mutationArb = (heavy: boolean): fc.Arbitrary<Mutation> => fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant("insert" as const), at, text: insertedText }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant("delete" as const), at, len: fc.integer({ min: 1, max: 80 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("truncate" as const), at }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant("typeSwap" as const), nth: fc.nat(200), value: fc.constantFrom(...SWAP_VALUES) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("tagSwap" as const), nth: fc.nat(50), tag: fc.constantFrom(...SWAP_TAGS) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant("indent" as const), line: at, prefix: fc.constantFrom("", " ", "  ", "    ", "\t", " \t"), remove: fc.integer({ min: 0, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("duplicate" as const), from: at, len: fc.integer({ min: 1, max: 400 }), at }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("append" as const), block: fc.nat(HOSTILE_BLOCKS.length - 1 + (heavy ? HEAVY_BLOCKS.length : 0)) }) },
  { weight: 1, arbitrary: fc.constant({ op: "crlf" as const }) },
  { weight: 1, arbitrary: fc.constant({ op: "bom" as const }) },
);

export const stepArb = (heavy: boolean): fc.Arbitrary<Step> => fc.record({ mutation: mutationArb(heavy), full: fc.boolean() });

const pos = (text: string, frac: number) => Math.min(text.length, Math.max(0, Math.floor(frac * text.length)));

/** Offsets of the scalar values of `key: value` and `- value` lines (the spots a type swap replaces). */
function valueSpans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /(?:^[ \t]*-[ \t]+|:[ \t]+)([^\s#{}[\],][^\r\n#]*?)[ \t]*(?=\r?$|\r?\n|[ \t]#)/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length - m[1].length;
    out.push({ start, end: start + m[1].length });
    if (out.length > 400) break;
  }
  return out;
}

/** Offsets of tags (`!PiecewiseDecay`) and of class names after `name:` / `type:`. */
function tagSpans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /!!?[\w/.:-]+|(?<=\b(?:name|type|class):[ \t]*)[A-Za-z_][\w.]*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length });
    if (out.length > 200) break;
  }
  return out;
}

/** The edit a mutation makes to `text` (an empty replacement when it finds nothing to act on). */
export function resolveMutation(text: string, m: Mutation): OffsetEdit {
  switch (m.op) {
    case "insert": {
      const p = pos(text, m.at);
      return { start: p, end: p, newText: m.text };
    }
    case "delete": {
      const p = pos(text, m.at);
      return { start: p, end: Math.min(text.length, p + m.len), newText: "" };
    }
    case "truncate":
      return { start: pos(text, m.at), end: text.length, newText: "" };
    case "typeSwap": {
      const spans = valueSpans(text);
      if (spans.length === 0) return { start: 0, end: 0, newText: "" };
      const s = spans[m.nth % spans.length];
      return { start: s.start, end: s.end, newText: m.value };
    }
    case "tagSwap": {
      const spans = tagSpans(text);
      if (spans.length === 0) return { start: 0, end: 0, newText: `${m.tag} ` };
      const s = spans[m.nth % spans.length];
      return { start: s.start, end: s.end, newText: m.tag };
    }
    case "indent": {
      let p = pos(text, m.line);
      while (p > 0 && text[p - 1] !== "\n") p--;
      let q = p;
      while (q < text.length && q - p < m.remove && (text[q] === " " || text[q] === "\t")) q++;
      return { start: p, end: q, newText: m.prefix };
    }
    case "duplicate": {
      const from = pos(text, m.from);
      const p = pos(text, m.at);
      return { start: p, end: p, newText: text.slice(from, Math.min(text.length, from + m.len)) };
    }
    case "append": {
      const sep = text.length === 0 || text.endsWith("\n") ? "" : "\n";
      const blocks = [...HOSTILE_BLOCKS, ...HEAVY_BLOCKS];
      return { start: text.length, end: text.length, newText: sep + blocks[m.block % blocks.length] };
    }
    case "crlf":
      return { start: 0, end: text.length, newText: text.replace(/\r?\n/g, "\r\n") };
    case "bom":
      return { start: 0, end: 0, newText: "\ufeff" };
  }
}

export function applyOffsetEdit(text: string, e: OffsetEdit): string {
  return text.slice(0, e.start) + e.newText + text.slice(e.end);
}
