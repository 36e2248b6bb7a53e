/** `--format stylish` (the default): ESLint's terminal layout, one block per file, 1-based line:column, and a summary. */
import type { Colors } from "../colors";
import { countSeverities, shownSeverity, type CheckReport } from "../report";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function formatStylish(report: CheckReport, c: Colors): string {
  const lines: string[] = [];
  let fixableErrors = 0;
  let fixableWarnings = 0;
  for (const f of report.files) {
    if (f.diagnostics.length === 0) continue;
    lines.push("", c.underline(f.file));
    const rows = f.diagnostics.map((d) => {
      const sev = shownSeverity(d);
      if (report.autoFixable(d)) {
        if (sev === "error") fixableErrors++;
        else if (sev === "warning") fixableWarnings++;
      }
      return { where: `${d.range.start.line + 1}:${d.range.start.character + 1}`, sev, message: d.message.replace(/\s*\n\s*/g, " "), rule: d.rule };
    });
    const w = Math.max(...rows.map((r) => r.where.length));
    for (const r of rows) {
      const sev = r.sev === "error" ? c.red("error") : r.sev === "warning" ? c.yellow("warning") : c.blue("info");
      const pad = " ".repeat(7 - (r.sev === "information" ? 4 : r.sev.length));
      lines.push(`  ${c.dim(r.where.padEnd(w))}  ${sev}${pad}  ${r.message}  ${c.dim(r.rule)}`);
    }
  }
  const n = countSeverities(report.files);
  const total = n.errors + n.warnings + n.information;
  const fixed = report.files.filter((f) => f.fixed).length;
  if (fixed > 0) lines.push("", c.green(`Fixed ${plural(fixed, "file")}.`));
  if (total === 0) return lines.length > 0 ? `${lines.join("\n")}\n` : "";
  const mark = n.errors > 0 ? c.red("✖") : n.warnings > 0 ? c.yellow("⚠") : c.blue("ℹ");
  const summary = `${mark} ${plural(total, "problem")} (${plural(n.errors, "error")}, ${plural(n.warnings, "warning")}, ${n.information} information)`;
  lines.push("", n.errors > 0 ? c.bold(c.red(summary)) : c.bold(summary));
  if (fixableErrors + fixableWarnings > 0) {
    lines.push(c.dim(`  ${plural(fixableErrors, "error")} and ${plural(fixableWarnings, "warning")} potentially fixable with the \`--fix\` option.`));
  }
  return `${lines.join("\n")}\n`;
}
