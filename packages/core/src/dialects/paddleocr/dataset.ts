/**
 * Steps per epoch of a PaddleOCR config from its training data: the lines of `Train.dataset.label_file_list`
 * (sampled by `ratio_list` as `SimpleDataSet` does) divided into batches of `Train.loader.batch_size_per_card`.
 */
import type { ConfigNode } from "../../config/types";
import type { Span } from "../../model/positions";
import type { DialectContext } from "../types";
import { entryIn, valueIn } from "../common/block";
import { baseName, countReadlines, distributedBatches, readFirst, thousands } from "../common/dataset";
import { roundHalfEven } from "../common/py-arith";

/** Datasets that read `label_file_list` line by line, one sample per line. */
const LINE_DATASETS = new Set(["SimpleDataSet", "MultiScaleDataSet", "PubTabDataSet", "PGDataSet", "KieDataset", "TextDetDataset", "TextRecDataset"]);

function scalar(node: ConfigNode | undefined): string | number | boolean | undefined {
  if (node?.kind !== "scalar") return undefined;
  const v = node.value;
  if (v.type === "str") return v.value;
  if (v.type === "int" || v.type === "float") return v.value;
  if (v.type === "bool") return v.value;
  return undefined;
}

function strings(node: ConfigNode | undefined): string[] | undefined {
  if (node?.kind === "scalar") return typeof scalar(node) === "string" ? [scalar(node) as string] : undefined;
  if (node?.kind !== "seq") return undefined;
  const out: string[] = [];
  for (const item of node.items) {
    const s = scalar(item);
    if (typeof s !== "string") return undefined;
    out.push(s);
  }
  return out;
}

function ratios(node: ConfigNode | undefined, n: number): number[] | undefined {
  if (!node) return new Array<number>(n).fill(1);
  const s = scalar(node);
  if (typeof s === "number") return new Array<number>(n).fill(s);
  if (node.kind !== "seq" || node.items.length !== n) return undefined;
  const out: number[] = [];
  for (const item of node.items) {
    const r = scalar(item);
    if (typeof r !== "number") return undefined;
    out.push(r);
  }
  return out;
}

export function inferOcrStepsPerEpoch(ctx: DialectContext): { value: number; detail: string; span?: Span } | undefined {
  const root = ctx.config.root;
  const train = valueIn(root, "Train");
  const dataset = valueIn(train, "dataset");
  const loader = valueIn(train, "loader");
  // A custom batch sampler decides its own length: no honest guess from the label files.
  if (valueIn(train, "sampler")) return undefined;
  const datasetName = scalar(valueIn(dataset, "name"));
  if (typeof datasetName !== "string" || !LINE_DATASETS.has(datasetName)) return undefined;
  const listEntry = entryIn(dataset, "label_file_list");
  const files = strings(listEntry?.value);
  if (!listEntry || !files || files.length === 0) return undefined;
  const ratio = ratios(valueIn(dataset, "ratio_list"), files.length);
  const batch = scalar(valueIn(loader, "batch_size_per_card"));
  if (!ratio || typeof batch !== "number" || !Number.isInteger(batch) || batch < 1) return undefined;
  const dropLast = scalar(valueIn(loader, "drop_last")) === true;

  let samples = 0;
  const parts: string[] = [];
  for (let k = 0; k < files.length; k++) {
    const found = readFirst(ctx.host, ctx.config.uri, files[k]);
    if (!found) return undefined;
    const lines = countReadlines(found.text);
    // Training always samples round(len(lines) * ratio) lines of each file.
    const taken = roundHalfEven(lines * ratio[k]);
    samples += taken;
    parts.push(ratio[k] === 1 ? `${baseName(found.uri)}: ${thousands(lines)} lines` : `${baseName(found.uri)}: ${thousands(lines)} lines × ratio ${ratio[k]}`);
  }
  const devices = 1;
  const value = distributedBatches(samples, batch, devices, dropLast);
  if (value < 1) return undefined;
  const distributed = scalar(valueIn(valueIn(root, "Global"), "distributed")) === true;
  const cards = distributed ? "device count unknown, 1 card assumed (Global.distributed is true)" : "1 card assumed";
  const detail = `${parts.join(" + ")} ÷ batch_size_per_card ${batch} (${cards}${dropLast ? ", drop_last" : ""}) = ${thousands(value)}`;
  return { value, detail, span: listEntry.keySpan };
}
