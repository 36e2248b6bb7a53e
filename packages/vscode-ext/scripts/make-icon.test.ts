import { readFileSync } from "node:fs";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { drawIcon, ICON_SIZE } from "./make-icon";

const committed = PNG.sync.read(readFileSync(new URL("../images/icon.png", import.meta.url)));

describe("the extension icon", () => {
  it("is a 128×128 PNG", () => {
    expect([committed.width, committed.height]).toEqual([ICON_SIZE, ICON_SIZE]);
  });
  it("is exactly what scripts/make-icon.ts draws (regenerate with npm run icon -w lrlens)", () => {
    expect(Buffer.compare(committed.data, drawIcon().data)).toBe(0);
  });
  it("has transparent corners and the curve colour inside", () => {
    const at = (x: number, y: number) => [...committed.data.subarray((y * ICON_SIZE + x) * 4, (y * ICON_SIZE + x) * 4 + 4)];
    expect(at(0, 0)[3]).toBe(0);
    let curve = 0;
    for (let i = 0; i < committed.data.length; i += 4) if (committed.data[i] === 0x4f && committed.data[i + 1] === 0xc1 && committed.data[i + 2] === 0xff) curve++;
    expect(curve).toBeGreaterThan(300);
  });
});
