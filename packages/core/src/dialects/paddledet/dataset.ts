/**
 * Steps per epoch of a PaddleDetection config from its training data: `len(TrainReader loader)` =
 * samples of `TrainDataset` (COCO JSON images with annotations, VOC-style list lines) ÷ the per-card
 * `TrainReader.batch_size` × devices, with `drop_last` (TrainReader's default: True).
 */
import type { ConfigNode, Host } from "../../config/types";
import { entryOf, isMap, mapGet, scalarValue } from "../../config/access";
import type { Span } from "../../model/positions";
import { baseName, distributedBatches, readFirst, thousands } from "../common/dataset";
import { pyNumber, pyTruthy } from "../common/py-arith";
import { countCoco } from "./coco-count";

export interface DatasetGuess {
  value: number;
  detail: string;
  span?: Span;
}

/** Dataset classes whose `anno_path` is a COCO JSON with one sample per annotated image. */
const COCO_CLASSES = new Set(["COCODataSet", "SniperCOCODataSet", "SemiCOCODataSet", "COCODetDataset"]);
/** Dataset classes whose `anno_path` lists one sample per line. */
const LIST_CLASSES = new Set(["VOCDataSet", "SemiVOCDataSet"]);

function str(node: ConfigNode | undefined): string | undefined {
  const v = scalarValue(node);
  return v?.type === "str" ? v.value : undefined;
}

/** `os.path.join(dataset_dir, anno_path)`: an absolute second part wins; empty parts vanish. */
function joinPath(dir: string, rel: string): string {
  if (rel.startsWith("/") || /^[A-Za-z]:[\\/]/.test(rel) || dir === "") return rel;
  return `${dir.replace(/[\\/]+$/, "")}/${rel}`;
}

/** The train dataset's class: `!COCODataSet {...}` or `{name: COCODataSet, ...}`. */
function datasetClass(node: ConfigNode): string | undefined {
  return node.tag ?? str(mapGet(node, "name"));
}

/** Samples the dataset would yield, with a description, or undefined when its files are not readable. */
function countSamples(ds: ConfigNode, configUri: string, host: Host): { samples: number; what: string; span: Span } | undefined {
  const cls = datasetClass(ds);
  const annoEntry = entryOf(ds, "anno_path");
  const anno = str(annoEntry?.value);
  if (!cls || !annoEntry || anno === undefined) return undefined;
  const written = joinPath(str(mapGet(ds, "dataset_dir")) ?? "", anno);
  const sampleNum = pyNumber(scalarValue(mapGet(ds, "sample_num")));
  const limit = (n: number) => (sampleNum && sampleNum.value > 0 ? Math.min(n, sampleNum.value) : n);
  const span = annoEntry.value.span;
  if (COCO_CLASSES.has(cls) && anno.toLowerCase().endsWith(".json")) {
    const file = readFirst(host, configUri, written);
    const counts = file && countCoco(file.text);
    if (!file || !counts) return undefined;
    const allowEmpty = pyTruthy(scalarValue(mapGet(ds, "allow_empty")));
    if (allowEmpty || counts.annotatedImages === undefined) return { samples: limit(counts.images), what: `${baseName(file.uri)}: ${thousands(counts.images)} images`, span };
    // COCODataSet skips images without a non-crowd box unless allow_empty is set.
    return { samples: limit(counts.annotatedImages), what: `${baseName(file.uri)}: ${thousands(counts.annotatedImages)} of ${thousands(counts.images)} images have non-crowd annotations`, span };
  }
  if (LIST_CLASSES.has(cls)) {
    const file = readFirst(host, configUri, written);
    if (!file) return undefined;
    const lines = countNonEmptyLines(file.text);
    return { samples: limit(lines), what: `${baseName(file.uri)}: ${thousands(lines)} lines`, span };
  }
  return undefined;
}

/** Lines with content (VOCDataSet reads `line.strip()` pairs and skips empty ones). */
export function countNonEmptyLines(text: string): number {
  // One pass over the characters: no array of lines, no per-line strings.
  let n = 0;
  let content = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (content) n++;
      content = false;
    } else if (c !== 32 && c !== 9 && c !== 13 && c !== 12 && c !== 11) content = true;
  }
  return content ? n + 1 : n;
}

/** Steps per epoch inferred from `TrainDataset` and `TrainReader`, or undefined when the data is not found. */
export function inferDetStepsPerEpoch(root: ConfigNode | undefined, configUri: string, host: Host): DatasetGuess | undefined {
  if (!isMap(root)) return undefined;
  const ds = mapGet(root, "TrainDataset");
  const reader = mapGet(root, "TrainReader");
  if (!isMap(ds)) return undefined;
  const counted = countSamples(ds, configUri, host);
  if (!counted) return undefined;
  const bs = pyNumber(scalarValue(mapGet(reader, "batch_size")));
  const batchSize = bs && Number.isInteger(bs.value) && bs.value >= 1 ? bs.value : bs ? undefined : 1;
  if (batchSize === undefined) return undefined;
  const dropEntry = entryOf(reader, "drop_last");
  const dropLast = dropEntry ? pyTruthy(scalarValue(dropEntry.value)) : true;
  const value = distributedBatches(counted.samples, batchSize, 1, dropLast);
  const detail = `${counted.what} ÷ TrainReader.batch_size ${batchSize} (per card) × 1 device (assumed) = ${thousands(value)} iterations${dropLast ? " (drop_last)" : ""}`;
  return { value, detail, span: counted.span };
}
