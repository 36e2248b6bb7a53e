/**
 * Dataset inference of steps per epoch shared by the dialects: find a label file the config names
 * (through the host only), count its samples the way the suite's dataset reads it, and turn that
 * into loader batches the way Paddle's `DistributedBatchSampler` does.
 */
import type { Host } from "../../config/types";
import { dirnameUri, resolveUri } from "../../config/uri";

/**
 * Number of lines Python's `readlines()` yields (it splits on `\n` only; a last line without a
 * newline still counts; an empty text has none). Counted in place: no array of lines is built.
 */
export function countReadlines(text: string): number {
  if (text.length === 0) return 0;
  let n = 0;
  let i = text.indexOf("\n");
  while (i !== -1) {
    n++;
    i = text.indexOf("\n", i + 1);
  }
  return text.charCodeAt(text.length - 1) === 10 ? n : n + 1;
}

/**
 * `len(DistributedBatchSampler)`: each of `devices` cards gets `ceil(samples / devices)` samples
 * (the sampler pads), then batches of `batchSize`, the last partial one dropped when `dropLast`.
 */
export function distributedBatches(samples: number, batchSize: number, devices: number, dropLast: boolean): number {
  if (!(samples >= 0) || !(batchSize >= 1) || !(devices >= 1)) return 0;
  const perCard = Math.ceil(samples / devices);
  return dropLast ? Math.floor(perCard / batchSize) : Math.ceil(perCard / batchSize);
}

/** How many ancestor directories of the config are tried: configs sit a few folders below the repo root they are run from. */
const MAX_ANCESTORS = 8;

/**
 * Candidate URIs for a path written in a config. The suites resolve data paths against the
 * directory training is started from (usually the repository root, which we do not know), so an
 * absolute path is used as is and a relative one is tried against the config's folder and each of
 * its ancestors, nearest first.
 */
export function candidateUris(configUri: string, written: string): string[] {
  const out: string[] = [];
  if (written.startsWith("/") || /^[A-Za-z]:[\\/]/.test(written)) return [resolveUri(configUri, written)];
  // resolveUri resolves against the folder of its base, so walking the base up walks the folders up.
  let base = configUri;
  for (let k = 0; k <= MAX_ANCESTORS; k++) {
    const parent = dirnameUri(base);
    if (parent === base || dirnameUri(parent) === parent) break;
    out.push(resolveUri(base, written));
    base = parent;
  }
  return out;
}

/** Reads the first candidate the host allows and has; undefined when none exists. */
export function readFirst(host: Host, configUri: string, written: string): { uri: string; text: string } | undefined {
  for (const uri of candidateUris(configUri, written)) {
    if (host.mayRead && !host.mayRead(uri)) continue;
    const text = host.readFile(uri);
    if (text !== undefined) return { uri, text };
  }
  return undefined;
}

/** Basename of a URI or path, for short `detail` texts. */
export function baseName(uri: string): string {
  const i = uri.replace(/\/+$/, "").lastIndexOf("/");
  return i === -1 ? uri : uri.slice(i + 1);
}

/** `12800` → "12,800" for detail texts. */
export function thousands(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
