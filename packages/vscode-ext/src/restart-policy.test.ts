import { describe, expect, it } from "vitest";
import { gaveUpMessage, RestartPolicy } from "./restart-policy";

const MIN = 60_000;

describe("RestartPolicy", () => {
  it("restarts a dead server five times within three minutes, then gives up", () => {
    const policy = new RestartPolicy();
    const decisions = [0, 1, 2, 3, 4, 5].map((i) => policy.onClosed(i * 1000));
    expect(decisions.slice(0, 5).map((d) => d.restart)).toEqual([true, true, true, true, true]);
    expect(decisions[5]).toEqual({ restart: false, crashes: 6, windowMs: 3 * MIN });
  });
  it("restarts again once earlier crashes are older than the window", () => {
    const policy = new RestartPolicy();
    for (let i = 0; i < 5; i++) policy.onClosed(i * 1000);
    expect(policy.onClosed(2 * MIN).restart).toBe(false);
    expect(policy.onClosed(3 * MIN + 500)).toEqual({ restart: true, attempt: 5 });
  });
  it("keeps restarting a server that crashes only now and then", () => {
    const policy = new RestartPolicy();
    for (let i = 0; i < 50; i++) expect(policy.onClosed(i * 40_000).restart).toBe(true);
  });
  it("starts counting afresh after a manual restart", () => {
    const policy = new RestartPolicy();
    for (let i = 0; i < 6; i++) policy.onClosed(i);
    policy.reset();
    expect(policy.onClosed(10)).toEqual({ restart: true, attempt: 1 });
  });
  it("tolerates three connection errors in a row and shuts down on the fourth", () => {
    const policy = new RestartPolicy();
    expect([undefined, 1, 2, 3, 4].map((c) => policy.onError(c))).toEqual(["continue", "continue", "continue", "continue", "shutdown"]);
  });
  it("explains the give-up with the count and the window", () => {
    expect(gaveUpMessage({ crashes: 6, windowMs: 3 * MIN })).toMatch(/stopped 6 times in the last 3 minutes/);
  });
});
