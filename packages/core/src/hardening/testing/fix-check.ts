/**
 * The fix-safety check (issue 9, item 5) as functions: what a fix targets (from its edits), the
 * loaded trees compared outside those targets, new YAML errors, whether the finding is gone, and
 * fix-all's idempotence, for one document at a time.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { analyzeDocument } from "../../analysis/analyze";
import { parseConfigText } from "../../config/parse";
import type { ConfigNode, Host } from "../../config/types";
import type { Diagnostic, Fix, TextEdit } from "../../model/diagnostics";
import { lint } from "../../rules";
import { applyAllFixes, applyEdits, defaultFixChoice } from "../../text/apply-edits";

/** Disk reads for the corpus, with edited texts laid over (a fix may edit a `_BASE_` file). */
export function overlayHost(overlay: Map<string, string>): Host {
  return {
    readFile: (uri) => {
      if (overlay.has(uri)) return overlay.get(uri);
      try {
        return readFileSync(fileURLToPath(uri), "utf8");
      } catch {
        return undefined;
      }
    },
    listDir: (uri) => {
      try {
        return readdirSync(fileURLToPath(uri));
      } catch {
        return undefined;
      }
    },
  };
}

export const lintWith = (uri: string, text: string, overlay = new Map<string, string>()) => lint(analyzeDocument(uri, text, overlayHost(overlay)));

/** What a fix may change: the key path of the innermost entry (or sequence item) it edits; for a key rename, the old and the new key. */
export interface Target {
  path: string[];
  renamedTo?: string;
}

const unquote = (s: string) => s.replace(/^(["'])(.*)\1$/s, "$2");

export function targetOf(root: ConfigNode | undefined, uri: string, start: number, end: number, newText = ""): Target {
  const path: string[] = [];
  let node = root;
  const touches = (s: { start: number; end: number }) => (start === end ? s.start <= start && start <= s.end : start < s.end && s.start < end);
  while (node && node.span.uri === uri) {
    if (node.kind === "map") {
      const hits = node.entries.filter((e) => e.keySpan.uri === uri && touches({ start: Math.min(e.keySpan.start, e.value.span.start), end: Math.max(e.keySpan.end, e.value.span.end) }));
      if (hits.length !== 1) break;
      const e = hits[0];
      if (start >= e.keySpan.start && end <= e.keySpan.end) return { path: [...path, e.key], renamedTo: unquote(applyEdits(e.key, [{ uri, start: start - e.keySpan.start, end: end - e.keySpan.start, newText }])) };
      path.push(e.key);
      node = e.value;
    } else if (node.kind === "seq") {
      // Into one item only when the edit stays inside it; reordering or dropping items changes the whole list.
      const inside = node.items.findIndex((it) => it.span.uri === uri && it.span.start <= start && end <= it.span.end);
      if (inside < 0) break;
      path.push(`[${inside}]`);
      node = node.items[inside];
    } else break;
  }
  return { path };
}

/** The loaded tree as plain data (keys, items, Python values with tags), for comparisons. */
type Plain = { tag?: string; map?: Record<string, Plain>; seq?: Plain[]; value?: string };
function plain(node: ConfigNode | undefined): Plain | undefined {
  if (!node) return undefined;
  if (node.kind === "map") return { tag: node.tag, map: Object.fromEntries(node.entries.map((e) => [e.key, plain(e.value)!])) };
  if (node.kind === "seq") return { tag: node.tag, seq: node.items.map((i) => plain(i)!) };
  const v = node.value;
  return { tag: node.tag, value: JSON.stringify(v.type === "fn" ? { fn: v.fn.text } : v, (_, x) => (typeof x === "number" && (!Number.isFinite(x) || Object.is(x, -0)) ? String(Object.is(x, -0) ? "-0" : x) : x)) };
}

function take(tree: Plain | undefined, path: string[]): { parent?: Plain; key?: string; node?: Plain } {
  let node = tree;
  let parent: Plain | undefined;
  let key: string | undefined;
  for (const seg of path) {
    parent = node;
    key = seg;
    const m = /^\[(\d+)\]$/.exec(seg);
    node = m && node?.seq ? node.seq[Number(m[1])] : node?.map ? node.map[seg] : undefined;
    if (!node) return {};
  }
  return { parent, key, node };
}

/** Removes what the targets may change from a copy of the tree. */
function withoutTargets(tree: Plain | undefined, targets: Target[]): Plain | undefined {
  const copy: Plain | undefined = tree && structuredClone(tree);
  const drop = (path: string[]) => {
    if (path.length === 0) return void (copy && Object.assign(copy, { map: undefined, seq: undefined, value: "<target>" }));
    const { parent, key } = take(copy, path);
    if (!parent || key === undefined) return;
    if (parent.map && key in parent.map) parent.map[key] = { value: "<target>" };
    const m = /^\[(\d+)\]$/.exec(key);
    if (m && parent.seq) parent.seq[Number(m[1])] = { value: "<target>" };
  };
  for (const t of targets) {
    drop(t.path);
    if (t.renamedTo !== undefined) drop([...t.path.slice(0, -1), t.renamedTo]);
  }
  // A renamed key leaves a placeholder under its old name on one side only: drop placeholders' keys alike.
  const prune = (p: Plain | undefined) => {
    if (!p) return;
    if (p.map) for (const k of Object.keys(p.map)) p.map[k].value === "<target>" && !p.map[k].map && !p.map[k].seq ? delete p.map[k] : prune(p.map[k]);
    p.seq?.forEach(prune);
  };
  prune(copy);
  return copy;
}

const yamlErrors = (uri: string, text: string) =>
  parseConfigText(uri, text)
    .diagnostics.filter((d) => d.severity === "error")
    .map((d) => `${d.rule}: ${d.message}`)
    .sort();

/** Checks one change of `uri`'s document made by `edits` (all in `editedUri`); returns the problems found. */
export function checkChange(uri: string, text: string, overlay: Map<string, string>, edits: TextEdit[], targets: Target[], renameKeepsValue = true): string[] {
  const problems: string[] = [];
  const editedUri = edits[0].uri;
  const beforeText = editedUri === uri ? text : overlayHost(overlay).readFile(editedUri)!;
  const afterText = applyEdits(beforeText, edits);
  const errorsBefore = yamlErrors(editedUri, beforeText);
  const newErrors = yamlErrors(editedUri, afterText).filter((e) => !errorsBefore.includes(e));
  if (newErrors.length) problems.push(`new YAML errors: ${newErrors.join("; ")}`);
  const afterOverlay = new Map(overlay);
  if (editedUri !== uri) afterOverlay.set(editedUri, afterText);
  const docAfter = editedUri === uri ? afterText : text;
  const before = analyzeDocument(uri, text, overlayHost(overlay));
  const after = analyzeDocument(uri, docAfter, overlayHost(afterOverlay));
  const own = (a: typeof before) => a.config.files.get(editedUri)?.root;
  for (const [what, b, a] of [
    ["own", own(before), own(after)],
    ["merged", before.config.root, after.config.root],
  ] as const) {
    const x = JSON.stringify(withoutTargets(plain(b), targets));
    const y = JSON.stringify(withoutTargets(plain(a), targets));
    if (x !== y) problems.push(`${what} tree changed outside ${JSON.stringify(targets)}:\n  ${x.slice(0, 400)}\n  ${y.slice(0, 400)}`);
  }
  // (Across fix-all passes a later fix may change the renamed key's value on purpose.)
  for (const t of renameKeepsValue ? targets.filter((t) => t.renamedTo !== undefined) : []) {
    const moved = take(plain(own(before)), t.path).node;
    const landed = take(plain(own(after)), [...t.path.slice(0, -1), t.renamedTo!]).node;
    if (JSON.stringify(moved) !== JSON.stringify(landed)) problems.push(`renamed ${t.path.join(".")} → ${t.renamedTo} did not keep its value`);
  }
  return problems;
}

export const rootOf = (u: string, t: string) => parseConfigText(u, t).root;

/** After applying `fix`, the message of a diagnostic of the same rule still at the same key as `d`, if any. */
export function findingLeft(uri: string, text: string, overlay: Map<string, string>, d: Diagnostic, fix: Fix): string | undefined {
  const host = overlayHost(overlay);
  const textOf = (u: string) => (u === uri ? text : (host.readFile(u) ?? ""));
  const editedUri = fix.edits[0].uri;
  const after = new Map(overlay);
  after.set(editedUri, applyEdits(textOf(editedUri), fix.edits));
  const afterOf = (u: string) => after.get(u) ?? textOf(u);
  const at = targetOf(rootOf(d.uri, textOf(d.uri)), d.uri, d.span.start, d.span.end).path.join(".");
  const still = lintWith(uri, afterOf(uri), after).find((x) => x.rule === d.rule && x.uri === d.uri && targetOf(rootOf(x.uri, afterOf(x.uri)), x.uri, x.span.start, x.span.end).path.join(".") === at);
  return still?.message;
}

/** Runs every check on one document; returns problems (empty when every fix is safe) and the number of fixes tried. */
export function checkFixSafety(uri: string, text: string, overlay = new Map<string, string>()): { problems: string[]; fixes: number } {
  const problems: string[] = [];
  const diagnostics = lintWith(uri, text, overlay);
  // Without any fix on offer there is nothing to apply (and fix-all returns the text as it is).
  if (!diagnostics.some((d) => d.fixes?.length)) return { problems, fixes: 0 };
  let fixes = 0;
  for (const d of diagnostics) {
    for (const fix of d.fixes ?? []) {
      fixes++;
      const label = `${d.rule} "${fix.title}"`;
      const uris = new Set(fix.edits.map((e) => e.uri));
      if (uris.size !== 1) {
        problems.push(`${label}: edits span ${uris.size} files`);
        continue;
      }
      const editedUri = fix.edits[0].uri;
      const editedText = editedUri === uri ? text : overlayHost(overlay).readFile(editedUri)!;
      const tree = rootOf(editedUri, editedText);
      const targets = fix.edits.map((e) => targetOf(tree, editedUri, e.start, e.end, e.newText));
      problems.push(...checkChange(uri, text, overlay, fix.edits, targets).map((p) => `${label}: ${p}`));
      const left = findingLeft(uri, text, overlay, d, fix);
      if (left) problems.push(`${label}: the finding is still there after the fix: ${left}`);
    }
  }
  // All fixes at once: record every fix the passes choose, with its targets in the text of its pass.
  let passText = text;
  const targets: Target[] = [];
  const select = (d: Diagnostic): Fix | undefined => {
    const fix = defaultFixChoice(d);
    if (fix && fix.edits.every((e) => e.uri === uri)) targets.push(...fix.edits.map((e) => targetOf(rootOf(uri, passText), uri, e.start, e.end, e.newText)));
    return fix;
  };
  const all = applyAllFixes((t) => lintWith(uri, (passText = t), overlay), text, { uri, select });
  if (all.text !== text) problems.push(...checkChange(uri, text, overlay, [{ uri, start: 0, end: text.length, newText: all.text }], targets, false).map((p) => `applyAllFixes: ${p}`));
  const again = applyAllFixes((t) => lintWith(uri, t, overlay), all.text, { uri });
  if (again.text !== all.text || again.fixed !== 0) problems.push(`applyAllFixes is not idempotent: a second run applied ${again.fixed} more fixes`);
  return { problems, fixes };
}
