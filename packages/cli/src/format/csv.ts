/**
 * `lrlens curve --format csv`: a `step,lr` header and one row per step. With several schedules
 * (in one file or across files) there is one column per schedule, named `lr[<path>]` or
 * `lr[<file>:<path>]`; a shorter schedule leaves its cells empty.
 */
import type { CurveFile } from "../commands/curve";

const cell = (x: number | null | undefined): string => (x === undefined ? "" : x === null ? "NaN" : String(x));

function quote(s: string): string {
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function formatCsv(files: readonly CurveFile[]): string {
  const columns = files.flatMap((f) => f.schedules.map((s) => ({ file: f.file, path: s.path, lr: s.lr })));
  const header =
    columns.length <= 1 ? ["step", "lr"] : ["step", ...columns.map((c) => quote(files.length > 1 ? `lr[${c.file}:${c.path}]` : `lr[${c.path}]`))];
  const rows = Math.max(0, ...columns.map((c) => c.lr.length));
  const lines = [header.join(",")];
  for (let i = 0; i < rows; i++) lines.push([String(i), ...columns.map((c) => cell(c.lr[i]))].join(","));
  return `${lines.join("\n")}\n`;
}
