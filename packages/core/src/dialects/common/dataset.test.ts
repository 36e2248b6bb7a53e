import { describe, expect, it } from "vitest";
import { candidateUris, countReadlines, distributedBatches, readFirst } from "./dataset";

describe("countReadlines", () => {
  it("counts what Python's readlines() yields, including a last line without a newline", () => {
    expect(countReadlines("")).toBe(0);
    expect(countReadlines("a\tb\n")).toBe(1);
    expect(countReadlines("a\nb")).toBe(2);
    expect(countReadlines("a\n\nb\n")).toBe(3);
    expect(countReadlines("a\r\nb\r\n")).toBe(2);
  });
});

describe("distributedBatches", () => {
  it("matches len(DistributedBatchSampler) with and without drop_last", () => {
    expect(distributedBatches(1000, 8, 1, false)).toBe(125);
    expect(distributedBatches(1001, 8, 1, false)).toBe(126);
    expect(distributedBatches(1001, 8, 1, true)).toBe(125);
    // 4 cards: each gets ceil(1001 / 4) = 251 samples (the sampler pads), 251 / 8 → 32 batches, 31 dropping the last.
    expect(distributedBatches(1001, 8, 4, false)).toBe(32);
    expect(distributedBatches(1001, 8, 4, true)).toBe(31);
    expect(distributedBatches(10, 0, 1, false)).toBe(0);
  });
});

describe("candidateUris", () => {
  it("tries a relative data path against the config's folder and then each ancestor", () => {
    expect(candidateUris("file:///repo/configs/det/a.yml", "./train_data/l.txt")).toEqual([
      "file:///repo/configs/det/train_data/l.txt",
      "file:///repo/configs/train_data/l.txt",
      "file:///repo/train_data/l.txt",
    ]);
    expect(candidateUris("file:///repo/a.yml", "/data/l.txt")).toEqual(["file:///data/l.txt"]);
    expect(candidateUris("/repo/a.yml", "../x.txt")).toEqual(["/x.txt"]);
  });

  it("reads only through the host and honours mayRead", () => {
    const files = new Map([["file:///repo/train_data/l.txt", "x\ny\n"], ["file:///secret/l.txt", "z\n"]]);
    const host = { readFile: (u: string) => files.get(u), mayRead: (u: string) => u.startsWith("file:///repo/") };
    expect(readFirst(host, "file:///repo/configs/a.yml", "train_data/l.txt")).toEqual({ uri: "file:///repo/train_data/l.txt", text: "x\ny\n" });
    expect(readFirst(host, "file:///repo/configs/a.yml", "/secret/l.txt")).toBeUndefined();
  });
});
