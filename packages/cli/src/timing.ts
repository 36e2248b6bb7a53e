/** The `LRLENS_TIMING=1` table: time spent in each rule over the whole run, slowest first (like ESLint's TIMING). */

export function formatTimings(timings: ReadonlyMap<string, number>): string {
  const rows = [...timings.entries()].sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((s, [, ms]) => s + ms, 0) || 1;
  const w = Math.max(4, ...rows.map(([id]) => id.length));
  const lines = [`${"Rule".padEnd(w)} | Time (ms) | Relative`, `${"-".repeat(w)}-|----------:|--------:`];
  for (const [id, ms] of rows) lines.push(`${id.padEnd(w)} | ${ms.toFixed(3).padStart(9)} | ${((100 * ms) / total).toFixed(1).padStart(7)}%`);
  return `${lines.join("\n")}\n`;
}
