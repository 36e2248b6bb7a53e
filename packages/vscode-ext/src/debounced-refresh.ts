/**
 * Per-key debounce with cancellation of stale work: typing schedules a refresh after a quiet
 * period, and starting a refresh cancels the one still running for the same key, so an old answer
 * never overwrites a newer one.
 */

export interface CancelSignal {
  readonly cancelled: boolean;
  onCancel(listener: () => void): void;
}

class Signal implements CancelSignal {
  cancelled = false;
  private listeners: (() => void)[] = [];
  onCancel(listener: () => void): void {
    if (this.cancelled) listener();
    else this.listeners.push(listener);
  }
  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    for (const l of this.listeners.splice(0)) l();
  }
}

export class DebouncedRefresh<K> {
  private readonly timers = new Map<K, ReturnType<typeof setTimeout>>();
  private readonly running = new Map<K, Signal>();

  constructor(
    private readonly work: (key: K, signal: CancelSignal) => Promise<void>,
    private readonly delayMs: number,
    private readonly onError: (key: K, error: unknown) => void = () => {},
  ) {}

  /** Refresh `key` once nothing else was scheduled for it during the delay. */
  schedule(key: K): void {
    const pending = this.timers.get(key);
    if (pending !== undefined) clearTimeout(pending);
    this.timers.set(key, setTimeout(() => void this.now(key), this.delayMs));
  }

  /** Refresh `key` right away, cancelling its pending timer and any refresh still running. */
  async now(key: K): Promise<void> {
    const pending = this.timers.get(key);
    if (pending !== undefined) clearTimeout(pending);
    this.timers.delete(key);
    this.running.get(key)?.cancel();
    const signal = new Signal();
    this.running.set(key, signal);
    try {
      await this.work(key, signal);
    } catch (error) {
      if (!signal.cancelled) this.onError(key, error);
    } finally {
      if (this.running.get(key) === signal) this.running.delete(key);
    }
  }

  /** Forget `key`: no pending refresh, and a running one is cancelled. */
  cancel(key: K): void {
    const pending = this.timers.get(key);
    if (pending !== undefined) clearTimeout(pending);
    this.timers.delete(key);
    this.running.get(key)?.cancel();
    this.running.delete(key);
  }

  dispose(): void {
    for (const key of [...this.timers.keys(), ...this.running.keys()]) this.cancel(key);
  }
}
