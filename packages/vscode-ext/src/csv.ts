/** CSV export of a previewed curve: one `step,lr` row per point the preview holds. */
import type { CurveSchedule } from "../../lsp/src/protocol";

/**
 * `step,lr` rows (`epoch,lr` when the curve's x axis is epochs, `iteration,lr` for iterations),
 * numbers as JavaScript's shortest round-trip text; a missing or non-finite LR becomes `nan`/`inf`
 * as Python and pandas spell them.
 */
export function buildCurveCsv(schedule: Pick<CurveSchedule, "unit" | "points">): string {
  const rows = [`${schedule.unit === "epoch" || schedule.unit === "iteration" ? schedule.unit : "step"},lr`];
  for (const [x, y] of schedule.points) {
    if (!Number.isFinite(x)) continue;
    rows.push(`${String(x)},${csvNumber(y)}`);
  }
  return `${rows.join("\n")}\n`;
}

function csvNumber(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return "nan";
  if (v === Infinity) return "inf";
  if (v === -Infinity) return "-inf";
  return String(v);
}

/** A file name for an export: `<config>-<schedule path>.<ext>`, keeping only characters safe on every OS. */
export function exportFileName(documentName: string, schedulePath: string, ext: "png" | "csv"): string {
  const base = documentName.replace(/\.(ya?ml)$/i, "");
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[-.]+|-+$/g, "").slice(0, 80);
  return `${safe(base) || "config"}-${safe(schedulePath) || "schedule"}.${ext}`;
}
