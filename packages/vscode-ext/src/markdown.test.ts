import { describe, expect, it } from "vitest";
import { escapeMarkdown, truncate } from "./markdown";

describe("escapeMarkdown", () => {
  it("turns markdown syntax into literal text", () => {
    expect(escapeMarkdown("[a](javascript:alert(1))")).toBe("\\[a\\]\\(javascript\\:alert\\(1\\)\\)");
    expect(escapeMarkdown("**bold** _x_ `code`")).toBe("\\*\\*bold\\*\\* \\_x\\_ \\`code\\`");
  });
  it("turns HTML into entities", () => {
    expect(escapeMarkdown('<img src=x onerror="a">')).toBe('&lt;img src=x onerror="a"&gt;');
    expect(escapeMarkdown("a & b")).toBe("a &amp; b");
  });
  it("keeps text on one line so it cannot start a heading or a fence", () => {
    expect(escapeMarkdown("a\n# h\r\n```")).toBe("a \\# h \\`\\`\\`");
  });
});

describe("truncate", () => {
  it("shortens long text with an ellipsis and leaves short text alone", () => {
    expect(truncate("abcdef", 4)).toBe("abc…");
    expect(truncate("abc", 4)).toBe("abc");
  });
});
