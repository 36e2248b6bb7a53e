/**
 * Steps per epoch of a PaddleClas config from its training data: the lines of
 * `DataLoader.Train.dataset.cls_label_path` in batches of `DataLoader.Train.sampler.batch_size`.
 */
import type { ConfigNode } from "../../config/types";
import type { Span } from "../../model/positions";
import type { DialectContext } from "../types";
import { entryIn, valueIn } from "../common/block";
import { baseName, countReadlines, distributedBatches, readFirst, thousands } from "../common/dataset";

/** Datasets that read one sample per line of `cls_label_path`. */
const LINE_DATASETS = new Set(["ImageNetDataset", "MultiLabelDataset", "CustomLabelDataset", "MultiScaleDataset", "LogoDataset", "VeriWild", "CompCars"]);
/** Samplers whose length is `len(DistributedBatchSampler)`; the others (PK, identity, multi-scale) batch differently. */
const PLAIN_SAMPLERS = new Set(["DistributedBatchSampler", "BatchSampler"]);

function scalar(node: ConfigNode | undefined): string | number | boolean | undefined {
  if (node?.kind !== "scalar") return undefined;
  const v = node.value;
  return v.type === "str" || v.type === "int" || v.type === "float" || v.type === "bool" ? v.value : undefined;
}

export function inferClasStepsPerEpoch(ctx: DialectContext): { value: number; detail: string; span?: Span } | undefined {
  const train = valueIn(valueIn(ctx.config.root, "DataLoader"), "Train");
  const dataset = valueIn(train, "dataset");
  const sampler = valueIn(train, "sampler");
  const datasetName = scalar(valueIn(dataset, "name"));
  if (typeof datasetName !== "string" || !LINE_DATASETS.has(datasetName)) return undefined;
  const samplerName = scalar(valueIn(sampler, "name"));
  if (samplerName !== undefined && (typeof samplerName !== "string" || !PLAIN_SAMPLERS.has(samplerName))) return undefined;
  const labelEntry = entryIn(dataset, "cls_label_path");
  const labelPath = scalar(labelEntry?.value);
  const batch = scalar(valueIn(sampler, "batch_size"));
  if (!labelEntry || typeof labelPath !== "string" || typeof batch !== "number" || !Number.isInteger(batch) || batch < 1) return undefined;
  const dropLast = scalar(valueIn(sampler, "drop_last")) === true;
  const found = readFirst(ctx.host, ctx.config.uri, labelPath);
  if (!found) return undefined;
  const lines = countReadlines(found.text);
  const value = distributedBatches(lines, batch, 1, dropLast);
  if (value < 1) return undefined;
  const detail = `${baseName(found.uri)}: ${thousands(lines)} lines ÷ batch_size ${batch} (1 card assumed${dropLast ? ", drop_last" : ""}) = ${thousands(value)}`;
  return { value, detail, span: labelEntry.keySpan };
}
