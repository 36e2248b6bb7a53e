import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { parseFromWebview, parsePreviewState, pngBytesFromDataUrl } from "./preview-protocol";

function realPngDataUrl(): string {
  const png = new PNG({ width: 2, height: 2 });
  png.data.fill(255);
  return `data:image/png;base64,${PNG.sync.write(png).toString("base64")}`;
}

describe("parseFromWebview", () => {
  it("accepts the messages the webview sends", () => {
    expect(parseFromWebview({ type: "ready" })).toEqual({ type: "ready" });
    expect(parseFromWebview({ type: "export-csv", index: 2 })).toEqual({ type: "export-csv", index: 2 });
    expect(parseFromWebview({ type: "log-scale", value: true })).toEqual({ type: "log-scale", value: true });
    expect(parseFromWebview({ type: "export-png", index: 0, dataUrl: realPngDataUrl() })?.type).toBe("export-png");
  });
  it("drops anything malformed", () => {
    for (const bad of [null, "ready", { type: "eval", code: "x" }, { type: "reveal", index: -1 }, { type: "reveal", index: 1.5 }, { type: "log-scale", value: "yes" }, { type: "export-png", index: 0, dataUrl: "javascript:alert(1)" }])
      expect(parseFromWebview(bad), JSON.stringify(bad)).toBeUndefined();
  });
});

describe("pngBytesFromDataUrl", () => {
  it("returns the bytes of a real PNG, which decode to the same image", () => {
    const bytes = pngBytesFromDataUrl(realPngDataUrl())!;
    const png = PNG.sync.read(Buffer.from(bytes));
    expect([png.width, png.height]).toEqual([2, 2]);
  });
  it("refuses data that is not a PNG", () => {
    expect(pngBytesFromDataUrl(`data:image/png;base64,${Buffer.from("<svg/>").toString("base64")}`)).toBeUndefined();
    expect(pngBytesFromDataUrl("data:image/png;base64,@@@")).toBeUndefined();
    expect(pngBytesFromDataUrl("data:text/html;base64,AAAA")).toBeUndefined();
  });
});

describe("parsePreviewState", () => {
  it("restores a saved state and rejects a broken one", () => {
    expect(parsePreviewState({ uri: "file:///a.yml", logScale: true, focusPath: "lr" })).toEqual({ uri: "file:///a.yml", logScale: true, focusPath: "lr" });
    expect(parsePreviewState({ uri: "file:///a.yml" })).toEqual({ uri: "file:///a.yml", logScale: false });
    expect(parsePreviewState({ logScale: true })).toBeUndefined();
    expect(parsePreviewState(undefined)).toBeUndefined();
  });
});
