/**
 * A cheap text test run before any parsing, so a plain YAML file (CI workflows, Kubernetes
 * manifests, ...) costs an editor next to nothing: only text that could hold a schedule, or
 * inherit one, is analysed. It errs on the side of analysing; dialect detection decides.
 */

/**
 * Tokens every dialect's schedule or inheritance needs somewhere in the text: the suites' section
 * keys, `paddle.optimizer.lr` class-name parts (the generic form names a class), inheritance keys,
 * and the usual schedule keys of a user's own trainer.
 */
const SCHEDULE_HINT =
  /_BASE_|_base_|Optimizer|LearningRate|lr_scheduler|Decay|Warmup|[a-z]LR\b|Plateau|Cosine|Piecewise|OneCycle|Cyclic|lrlens|(?:^|[\s{,])["']?(?:lr|learning_rate|scheduler|base_lr)["']?\s*:/m;

/** False only when no dialect could find a schedule (or a base holding one) in `text`. */
export function mayHoldSchedule(text: string): boolean {
  return SCHEDULE_HINT.test(text);
}
