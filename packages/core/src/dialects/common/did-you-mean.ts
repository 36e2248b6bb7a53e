/** Did-you-mean candidates for misspelt scheduler names and parameter keys (case-insensitive edit distance). */

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), bounded for speed. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  // Three rolling rows are enough for the transposition term.
  let prev2 = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  let cur = new Array<number>(cols).fill(0);
  for (let i = 1; i < rows; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[cols - 1];
}

/**
 * Up to `limit` candidates close to `name`, best first. "Close" means an edit distance of at most
 * a third of the name's length (at least 1, at most 3), ignoring case and `_`/`-`, or one name
 * containing the other (`Cosine` → `CosineAnnealingDecay`).
 */
export function didYouMean(name: string, candidates: readonly string[], limit = 3): string[] {
  const norm = (s: string) => s.toLowerCase().replace(/[_-]/g, "");
  const n = norm(name);
  if (n.length === 0) return [];
  const max = Math.min(3, Math.max(1, Math.floor(n.length / 3)));
  const scored: { c: string; d: number }[] = [];
  for (const c of candidates) {
    const m = norm(c);
    if (m === n) {
      scored.push({ c, d: 0 });
      continue;
    }
    const d = editDistance(n, m, max);
    if (d <= max) scored.push({ c, d });
    else if (n.length >= 4 && (m.startsWith(n) || n.startsWith(m))) scored.push({ c, d: max + 0.5 });
  }
  scored.sort((x, y) => x.d - y.d || x.c.localeCompare(y.c));
  return scored.slice(0, limit).map((s) => s.c);
}

/** " Did you mean `A` or `B`?" (empty when there is no candidate), for diagnostic messages. */
export function didYouMeanSuffix(candidates: readonly string[]): string {
  if (candidates.length === 0) return "";
  const quoted = candidates.map((c) => `\`${c}\``);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
  return ` Did you mean ${list}?`;
}
