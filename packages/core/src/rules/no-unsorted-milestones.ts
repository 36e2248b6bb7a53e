/** Rule: milestones or boundaries that are not strictly increasing (out of order or duplicated). */
import type { ConfigSeq } from "../config/types";
import type { Fix, TextEdit } from "../model/diagnostics";
import { chainOf, numList } from "./support/chain";
import { constructionErrors } from "./support/paddle-errors";
import { reorderSequence, shownList } from "./support/yaml-edit";
import type { Finding, RuleContext, RuleMeta } from "./types";

export const meta: RuleMeta = {
  id: "no-unsorted-milestones",
  description: "Milestones or boundaries that are out of order or repeated.",
  category: "problem",
  severity: "warning",
  fixable: "safe",
  paddle: "MultiStepDecay: ValueError: The elements of milestones must be incremented. PiecewiseDecay does not check its boundaries.",
  docs: {
    details: `A schedule's drop points must be strictly increasing. \`MultiStepDecay\` rejects anything else at construction (an error). \`PiecewiseDecay\` accepts it and scans its boundaries in order, using the value of the first boundary the step is below: with \`[300, 100]\` the LR after step 100 is not what the list seems to say, and a repeated boundary makes the value between the two copies unreachable (a warning).`,
    invalid: [
      `lr_scheduler:
  name: MultiStepDecay
  learning_rate: 0.1
  milestones: [60, 30, 90]
  gamma: 0.5
`,
      `lr_scheduler:
  name: PiecewiseDecay
  boundaries: [3000, 1000]
  values: [0.1, 0.01, 0.001]
`,
    ],
    valid: [
      `lr_scheduler:
  name: MultiStepDecay
  learning_rate: 0.1
  milestones: [30, 60, 90]
  gamma: 0.5
`,
    ],
    fix: "Sorts the list and removes repeated entries, each entry keeping its own spelling. For PiecewiseDecay the `values` are reordered with their boundaries (the value after a boundary moves with it; of repeated boundaries the last one's value is kept).",
    whenNotToUse: "Never for MultiStepDecay (Paddle rejects the list). For PiecewiseDecay only if you rely on Paddle's in-order scan on purpose.",
  },
};

export interface Data {
  className: string;
  key: string;
  list: number[];
  /** Indices into the list: sorted, repeats dropped (the last of equal entries kept). */
  order: number[];
  duplicates: number[];
  unsorted: boolean;
  rejected: boolean;
  seq?: ConfigSeq;
  values?: ConfigSeq;
  /** The list as written in the YAML (suites scale epochs to steps before Paddle sees them). */
  shown: string[];
}

/** Sorted order of indices, keeping for equal values only the last one. */
export function sortedUnique(list: readonly number[]): number[] {
  const idx = list.map((_, i) => i).sort((a, b) => list[a] - list[b] || a - b);
  return idx.filter((i, k) => k === idx.length - 1 || list[idx[k + 1]] !== list[i]);
}

export function check(ctx: RuleContext): Finding<Data>[] {
  const out: Finding<Data>[] = [];
  for (const s of ctx.analysis.schedules) {
    const errors = constructionErrors(s);
    for (const link of chainOf(s.spec)) {
      const param = link.spec.name === "MultiStepDecay" ? "milestones" : link.spec.name === "PiecewiseDecay" ? "boundaries" : undefined;
      if (!param) continue;
      const list = numList(link.spec.args[param]);
      if (!list || list.every((x, i) => i === 0 || list[i - 1] < x)) continue;
      const src = s.argSources[`${link.prefix}${param}`];
      if (!src) continue;
      const order = sortedUnique(list);
      const duplicates = [...new Set(list.filter((x, i) => list.indexOf(x) !== i))];
      const unsorted = list.some((x, i) => i > 0 && list[i - 1] > x);
      const rejected = errors.some((e) => e.link.prefix === link.prefix && e.error.param === param);
      const seq = src.node.kind === "seq" && (src.transform === "identity" || src.transform === "scaled") ? src.node : undefined;
      const valuesSrc = param === "boundaries" ? s.argSources[`${link.prefix}values`] : undefined;
      const values = valuesSrc?.node.kind === "seq" && valuesSrc.transform === "identity" ? valuesSrc.node : undefined;
      out.push({
        span: src.node.span,
        schedule: s,
        severity: rejected ? "error" : undefined,
        data: { className: link.spec.name, key: src.key, list, order, duplicates, unsorted, rejected, seq, values, shown: shownList(ctx, src.node, list) },
      });
    }
  }
  return out;
}

export function message(f: Finding<Data>): string {
  const { className, key, list, duplicates, unsorted, rejected, shown } = f.data;
  const repeated = [...new Set(list.map((x, i) => (duplicates.includes(x) ? shown[i] : undefined)).filter((x) => x !== undefined))];
  const what = unsorted
    ? `\`${key}\` [${shown.join(", ")}] is not in increasing order${duplicates.length ? ` and repeats ${repeated.join(", ")}` : ""}`
    : `\`${key}\` [${shown.join(", ")}] repeats ${repeated.join(", ")}`;
  const why = rejected
    ? `${className} rejects it at construction (ValueError: The elements of milestones must be incremented), so training does not start`
    : `${className} scans boundaries in order without checking them, so ${unsorted ? "the LR does not follow the list as written" : "the value between the repeated boundaries is never used"}`;
  return `${what}: ${why}. Sort it and drop repeats.`;
}

export function fix(f: Finding<Data>, ctx: RuleContext): Fix[] {
  const { seq, order, values, className, list } = f.data;
  if (!seq || seq.items.length !== list.length) return [];
  const edits: TextEdit[] | undefined = reorderSequence(ctx.textOf(seq.span.uri), seq, order);
  if (!edits) return [];
  if (className === "PiecewiseDecay") {
    // Keep each boundary's value (values[i + 1]) with it; values[0] stays first.
    if (!values || values.items.length !== list.length + 1) return [];
    const valueEdits = reorderSequence(ctx.textOf(values.span.uri), values, [0, ...order.map((i) => i + 1)]);
    if (!valueEdits) return [];
    edits.push(...valueEdits);
  }
  return [{ title: `Sort ${f.data.key}${f.data.duplicates.length ? " and drop repeats" : ""}`, edits, preferred: true }];
}
