/** How much a config looks like PaddleClas', from its keys only (never its path). */
import type { ConfigNode, ParsedFile } from "../../config/types";
import { entryIn, isMapNode, valueIn } from "../common/block";

export function detectPaddleClas(own: ParsedFile, merged: ConfigNode | undefined): number {
  const root = merged ?? own.root;
  if (!isMapNode(root)) return 0;
  const global = valueIn(root, "Global");
  const epochs = entryIn(global, "epochs") !== undefined;
  const arch = isMapNode(valueIn(root, "Arch"));
  const dataLoader = isMapNode(valueIn(root, "DataLoader"));
  // `Global.epochs` with `Arch` or `DataLoader` is PaddleClas' layout (PaddleOCR says epoch_num and Architecture).
  if (!(epochs && (arch || dataLoader)) && !(arch && dataLoader)) return 0;
  let score = 0.4;
  if (epochs) score += 0.2;
  if (arch) score += 0.1;
  if (dataLoader) score += 0.1;
  const optimizer = valueIn(root, "Optimizer");
  if ((isMapNode(optimizer) && entryIn(optimizer, "lr")) || optimizer?.kind === "seq") score += 0.15;
  if (entryIn(global, "epoch_num") !== undefined || valueIn(root, "Architecture") !== undefined) score -= 0.3;
  return Math.max(0, Math.min(1, score));
}
