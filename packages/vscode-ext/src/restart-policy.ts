/**
 * When to restart a language server that died: at most `maxRestarts` restarts within a sliding
 * `windowMs`, then stop and let the user decide (a crash loop must not spin the CPU forever).
 */

export interface RestartPolicyOptions {
  maxRestarts: number;
  windowMs: number;
  /** Connection errors in a row tolerated before the connection is shut down. */
  maxConsecutiveErrors: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicyOptions = { maxRestarts: 5, windowMs: 3 * 60_000, maxConsecutiveErrors: 3 };

export type CloseDecision = { restart: true; attempt: number } | { restart: false; crashes: number; windowMs: number };

export class RestartPolicy {
  private restarts: number[] = [];

  constructor(private readonly options: RestartPolicyOptions = DEFAULT_RESTART_POLICY) {}

  /** The server's connection closed unexpectedly at `now` (ms): restart it, or give up. */
  onClosed(now: number): CloseDecision {
    this.restarts = this.restarts.filter((t) => now - t < this.options.windowMs);
    if (this.restarts.length >= this.options.maxRestarts) {
      return { restart: false, crashes: this.restarts.length + 1, windowMs: this.options.windowMs };
    }
    this.restarts.push(now);
    return { restart: true, attempt: this.restarts.length };
  }

  /** A read/write error on the connection; `count` is how many in a row (the client resets it on success). */
  onError(count: number | undefined): "continue" | "shutdown" {
    return count !== undefined && count > this.options.maxConsecutiveErrors ? "shutdown" : "continue";
  }

  /** Forget past crashes (after the user restarted the server by hand). */
  reset(): void {
    this.restarts = [];
  }
}

/** The notification shown when the policy gives up. */
export function gaveUpMessage(decision: { crashes: number; windowMs: number }): string {
  const minutes = Math.round(decision.windowMs / 60_000);
  return `The lrlens language server stopped ${decision.crashes} times in the last ${minutes} minutes and will not be restarted automatically. See the "lrlens" output for details.`;
}
