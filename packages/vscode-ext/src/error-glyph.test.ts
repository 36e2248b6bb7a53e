import { describe, expect, it } from "vitest";
import { renderErrorGlyphSvg } from "./error-glyph";

describe("renderErrorGlyphSvg", () => {
  it("draws a cross of the requested size in the given colour", () => {
    const svg = renderErrorGlyphSvg("#f48771", 14);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="14" height="14"/);
    expect(svg).toContain('d="M3 3L11 11M11 3L3 11" stroke="#f48771"');
  });
  it("refuses a colour that is not a hex colour, so nothing can be injected", () => {
    const svg = renderErrorGlyphSvg('red" onload="alert(1)');
    expect(svg).not.toContain("onload");
    expect(svg).toContain('stroke="#f48771"');
  });
});
