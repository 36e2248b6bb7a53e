import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DebouncedRefresh, type CancelSignal } from "./debounced-refresh";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("DebouncedRefresh", () => {
  it("runs once, 300 ms after the last of a burst of edits", async () => {
    const work = vi.fn(async () => {});
    const r = new DebouncedRefresh<string>(work, 300);
    for (let i = 0; i < 10; i++) {
      r.schedule("a");
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(work).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(300);
    expect(work).toHaveBeenCalledTimes(1);
  });
  it("cancels a refresh still running when a newer one starts, so the stale answer is dropped", async () => {
    const applied: number[] = [];
    const signals: CancelSignal[] = [];
    let call = 0;
    const r = new DebouncedRefresh<string>(async (_key, signal) => {
      const mine = ++call;
      signals.push(signal);
      await new Promise((resolve) => setTimeout(resolve, mine === 1 ? 1000 : 10));
      if (!signal.cancelled) applied.push(mine);
    }, 300);
    void r.now("a");
    await vi.advanceTimersByTimeAsync(50);
    void r.now("a");
    await vi.advanceTimersByTimeAsync(2000);
    expect(applied).toEqual([2]);
    expect(signals[0].cancelled).toBe(true);
  });
  it("tells cancellation listeners at once, even if they subscribe after the cancel", async () => {
    let captured: CancelSignal | undefined;
    const r = new DebouncedRefresh<string>(async (_k, s) => {
      captured = s;
      await new Promise(() => {});
    }, 300);
    void r.now("a");
    r.cancel("a");
    const heard = vi.fn();
    captured!.onCancel(heard);
    expect(heard).toHaveBeenCalledTimes(1);
  });
  it("keeps keys independent", async () => {
    const keys: string[] = [];
    const r = new DebouncedRefresh<string>(async (k) => void keys.push(k), 300);
    r.schedule("a");
    r.schedule("b");
    await vi.advanceTimersByTimeAsync(300);
    expect(keys.sort()).toEqual(["a", "b"]);
  });
  it("reports a failed refresh and carries on", async () => {
    const errors: unknown[] = [];
    const r = new DebouncedRefresh<string>(async () => {
      throw new Error("server gone");
    }, 300, (_k, e) => errors.push(e));
    await r.now("a");
    expect(String(errors[0])).toContain("server gone");
  });
  it("runs nothing after dispose", async () => {
    const work = vi.fn(async () => {});
    const r = new DebouncedRefresh<string>(work, 300);
    r.schedule("a");
    r.dispose();
    await vi.advanceTimersByTimeAsync(1000);
    expect(work).not.toHaveBeenCalled();
  });
});
