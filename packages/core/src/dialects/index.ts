/** The dialect registry and content-based detection: which suite's rules read this file. */
import type { ConfigNode, ParsedFile } from "../config/types";
import type { Dialect, DialectId } from "./types";
import { paddleDialect } from "./paddle";
import { paddleclasDialect } from "./paddleclas";
import { paddledetDialect } from "./paddledet";
import { paddleocrDialect } from "./paddleocr";
import { paddlesegDialect } from "./paddleseg";

/**
 * Suites first, the generic form last: a PaddleSeg `lr_scheduler: {type: PolynomialDecay}` is
 * also valid generic form, but the suite's reading (warmup_iters, decay_steps from iters) is the true one.
 * Adding a framework = one new folder plus one line here.
 */
export const DIALECTS: readonly Dialect[] = [paddledetDialect, paddlesegDialect, paddleocrDialect, paddleclasDialect, paddleDialect];

export function getDialect(id: DialectId): Dialect | undefined {
  return DIALECTS.find((d) => d.id === id);
}

/** The dialect with the highest positive score (ties: registry order), or undefined. */
/** `error` is the first detector that threw (the others still ran): reported even when another dialect matched. */
export function detectDialect(own: ParsedFile, merged: ConfigNode | undefined): { dialect: Dialect; score: number; error?: { dialect: DialectId; message: string } } | { dialect: undefined; error?: { dialect: DialectId; message: string } } {
  let best: { dialect: Dialect; score: number } | undefined;
  let error: { dialect: DialectId; message: string } | undefined;
  for (const dialect of DIALECTS) {
    let score = 0;
    try {
      score = dialect.detect(own, merged);
    } catch (e) {
      // A detector bug must not take the file down: remember it, try the others.
      error ??= { dialect: dialect.id, message: e instanceof Error ? e.message : String(e) };
      continue;
    }
    if (Number.isFinite(score) && score > 0 && (!best || score > best.score)) best = { dialect, score };
  }
  if (best) return error ? { ...best, error } : best;
  return { dialect: undefined, error };
}
