/** Tests of the pure URI helpers used to resolve `_BASE_` / `_base_` paths. */
import { describe, expect, it } from "vitest";
import { basenameUri, dirnameUri, encodeSegment, resolveUri } from "./uri";

describe("resolveUri", () => {
  it.each([
    ["file:///home/u/PaddleDetection/configs/ppyoloe/a.yml", "../datasets/coco_detection.yml", "file:///home/u/PaddleDetection/configs/datasets/coco_detection.yml"],
    ["file:///home/u/configs/ppyoloe/a.yml", "./_base_/optimizer_80e.yml", "file:///home/u/configs/ppyoloe/_base_/optimizer_80e.yml"],
    ["file:///home/u/configs/a.yml", "b.yml", "file:///home/u/configs/b.yml"],
    ["file:///home/u/configs/a.yml", "../../../../../x.yml", "file:///x.yml"],
    ["file:///home/u/configs/a.yml", "/etc/base.yml", "file:///etc/base.yml"],
    ["file:///home/u/configs/a.yml", "sub//./deep/../b.yml", "file:///home/u/configs/sub/b.yml"],
  ])("resolves %s + %s like os.path.join and the OS's `..`", (base, rel, expected) => {
    expect(resolveUri(base, rel)).toBe(expected);
  });

  it("percent-encodes new path segments the way VS Code does and keeps the base's encoding", () => {
    expect(resolveUri("file:///home/u/my%20configs/a.yml", "../other dir/b c.yml")).toBe("file:///home/u/other%20dir/b%20c.yml");
    expect(resolveUri("file:///home/u/a.yml", "数据/b#1.yml")).toBe("file:///home/u/%E6%95%B0%E6%8D%AE/b%231.yml");
    expect(encodeSegment("a:b?c")).toBe("a%3Ab%3Fc");
  });

  it("keeps the scheme and authority of non-file URIs and drops a query or fragment", () => {
    expect(resolveUri("vscode-vfs://github/PaddlePaddle/PaddleSeg/configs/a.yml?ref=1#x", "../_base_/cityscapes.yml")).toBe("vscode-vfs://github/PaddlePaddle/PaddleSeg/_base_/cityscapes.yml");
  });

  it("treats backslashes and drive letters as separators only on Windows", () => {
    expect(resolveUri("file:///c%3A/work/configs/a.yml", "..\\base\\b.yml")).toBe("file:///c%3A/work/base/b.yml");
    expect(resolveUri("file:///c%3A/work/a.yml", "../../../b.yml")).toBe("file:///c%3A/b.yml");
    expect(resolveUri("file:///c%3A/work/a.yml", "D:/other/b.yml")).toBe("file:///d%3A/other/b.yml");
    expect(resolveUri("file:///home/u/a.yml", "x\\y.yml")).toBe("file:///home/u/x%5Cy.yml");
  });

  it("accepts plain absolute paths (POSIX and Windows) and answers in the same form, unencoded", () => {
    expect(resolveUri("/home/u/configs/a.yml", "../b c.yml")).toBe("/home/u/b c.yml");
    expect(resolveUri("C:\\work\\configs\\a.yml", "..\\base\\b.yml")).toBe("C:/work/base/b.yml");
    expect(resolveUri("C:/work/a.yml", "D:\\x.yml")).toBe("D:/x.yml");
  });
});

describe("dirnameUri and basenameUri", () => {
  it("split a URI into its folder and its decoded file name", () => {
    expect(dirnameUri("file:///home/u/configs/a.yml")).toBe("file:///home/u/configs");
    expect(dirnameUri("file:///a.yml")).toBe("file:///");
    expect(basenameUri("file:///home/u/my%20config.yml")).toBe("my config.yml");
    expect(basenameUri("/home/u/100%.yml")).toBe("100%.yml");
    expect(basenameUri("untitled:Untitled-1")).toBe("Untitled-1");
  });
});
