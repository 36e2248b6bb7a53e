/** How much a config looks like PaddleOCR's, from its keys only (never its path). */
import type { ConfigNode, ParsedFile } from "../../config/types";
import { entryIn, isMapNode, valueIn } from "../common/block";

export function detectPaddleOcr(own: ParsedFile, merged: ConfigNode | undefined): number {
  const root = merged ?? own.root;
  if (!isMapNode(root)) return 0;
  const global = valueIn(root, "Global");
  const optimizer = valueIn(root, "Optimizer");
  // `Global.epoch_num` is PaddleOCR's own spelling (PaddleClas says `epochs`, the others have no Global).
  const epochNum = entryIn(global, "epoch_num") !== undefined;
  const architecture = valueIn(root, "Architecture");
  const ocrArchitecture = isMapNode(architecture) && (entryIn(architecture, "model_type") !== undefined || entryIn(architecture, "algorithm") !== undefined);
  if (!epochNum && !ocrArchitecture) return 0;
  let score = 0.3;
  if (epochNum) score += 0.3;
  if (ocrArchitecture) score += 0.2;
  if (isMapNode(optimizer) && entryIn(optimizer, "lr") !== undefined) score += 0.15;
  if (isMapNode(valueIn(root, "Train"))) score += 0.05;
  // PaddleClas markers pull the other way.
  if (entryIn(global, "epochs") !== undefined || valueIn(root, "Arch") !== undefined || valueIn(root, "DataLoader") !== undefined) score -= 0.3;
  return Math.max(0, Math.min(1, score));
}
