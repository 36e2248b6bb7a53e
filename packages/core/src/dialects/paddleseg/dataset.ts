/**
 * Steps per epoch of a PaddleSeg config from its training data, for the epoch axis only (PaddleSeg
 * counts `iters`): `len(DistributedBatchSampler(train_dataset, batch_size, drop_last=True))`, with
 * samples counted as the dataset class reads them (a `train_path` list, Cityscapes' image glob,
 * ADE20K's image folder).
 */
import type { ConfigNode, Host } from "../../config/types";
import { entryOf, isMap, mapGet, scalarValue } from "../../config/access";
import type { Span } from "../../model/positions";
import { baseName, candidateUris, countReadlines, distributedBatches, readFirst, thousands } from "../common/dataset";
import { pyNumber } from "../common/py-arith";

export interface DatasetGuess {
  value: number;
  detail: string;
  span?: Span;
}

function str(node: ConfigNode | undefined): string | undefined {
  const v = scalarValue(node);
  return v?.type === "str" ? v.value : undefined;
}

function joinPath(dir: string, rel: string): string {
  return dir === "" ? rel : `${dir.replace(/[\\/]+$/, "")}/${rel}`;
}

/** Entries of the first candidate directory the host lists (relative paths are tried from each ancestor folder). */
function listFirst(host: Host, configUri: string, written: string): { uri: string; names: string[] } | undefined {
  if (!host.listDir) return undefined;
  for (const uri of candidateUris(configUri, written)) {
    if (host.mayRead && !host.mayRead(uri)) continue;
    const names = host.listDir(uri);
    if (names) return { uri, names };
  }
  return undefined;
}

/** Samples of the train dataset with a description; undefined when its files are not readable here. */
function countSamples(ds: ConfigNode, configUri: string, host: Host): { samples: number; what: string; span: Span } | undefined {
  const type = str(mapGet(ds, "type"));
  const root = str(mapGet(ds, "dataset_root")) ?? "";
  const rootSpan = entryOf(ds, "dataset_root")?.value.span ?? ds.span;
  const trainPath = entryOf(ds, "train_path");
  const path = str(trainPath?.value);
  if (trainPath && path !== undefined) {
    // `Dataset` (and the classes built on it) read one `image label` pair per line of train_path.
    const file = readFirst(host, configUri, path);
    if (!file) return undefined;
    const lines = countReadlines(file.text);
    return { samples: lines, what: `${baseName(file.uri)}: ${thousands(lines)} lines`, span: trainPath.value.span };
  }
  if (type === "Cityscapes") {
    // glob(leftImg8bit/train/*/*_leftImg8bit.png)
    const cities = listFirst(host, configUri, joinPath(root, "leftImg8bit/train"));
    if (!cities || !host.listDir) return undefined;
    let n = 0;
    for (const city of cities.names) n += (host.listDir(`${cities.uri}/${city}`) ?? []).filter((f) => f.endsWith("_leftImg8bit.png")).length;
    return { samples: n, what: `leftImg8bit/train: ${thousands(n)} images`, span: rootSpan };
  }
  if (type === "ADE20K") {
    const dir = listFirst(host, configUri, joinPath(root, "images/training"));
    if (!dir) return undefined;
    return { samples: dir.names.length, what: `images/training: ${thousands(dir.names.length)} images`, span: rootSpan };
  }
  return undefined;
}

/** Iterations per epoch from `train_dataset` and the per-card `batch_size` (1 device assumed), or undefined. */
export function inferSegStepsPerEpoch(root: ConfigNode | undefined, configUri: string, host: Host): DatasetGuess | undefined {
  if (!isMap(root)) return undefined;
  const ds = mapGet(root, "train_dataset");
  if (!isMap(ds)) return undefined;
  const bs = pyNumber(scalarValue(mapGet(root, "batch_size")));
  if (!bs || !Number.isInteger(bs.value) || bs.value < 1) return undefined;
  const counted = countSamples(ds, configUri, host);
  if (!counted) return undefined;
  const value = distributedBatches(counted.samples, bs.value, 1, true);
  return { value, detail: `${counted.what} ÷ batch_size ${bs.value} (per card) × 1 device (assumed) = ${thousands(value)} iterations (drop_last)`, span: counted.span };
}
