import { describe, expect, it } from "vitest";
import { escapeHtml, escapeMarkdown, escapeMarkdownCode, escapeXml } from "./escape";

describe("escapeXml", () => {
  it("turns markup into text: a <script> or an onload= attribute stays inert in SVG", () => {
    expect(escapeXml("<script>alert(1)</script>")).toBe("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(escapeXml('" onload="alert(1)')).toBe("&quot; onload=&quot;alert(1)");
    expect(escapeXml("it's & <b>")).toBe("it&apos;s &amp; &lt;b&gt;");
  });
  it("cannot close a CDATA section or inject a processing instruction", () => {
    expect(escapeXml("]]><![CDATA[x")).toBe("]]&gt;&lt;![CDATA[x");
    expect(escapeXml("<?xml-stylesheet href='x'?>")).not.toMatch(/[<>]/);
  });
  it("replaces characters XML 1.0 forbids (NUL, ESC, lone surrogates) with U+FFFD instead of emitting them", () => {
    expect(escapeXml("a\u0000b\u001bc")).toBe("a\uFFFDb\uFFFDc");
    expect(escapeXml("x\uD800y")).toBe("x\uFFFDy");
    expect(escapeXml("\uDC00")).toBe("\uFFFD");
    expect(escapeXml("😀")).toBe("😀");
    expect(escapeXml("tab\tnew\nline")).toBe("tab\tnew\nline");
  });
  it("neutralises bidirectional overrides that would reorder the shown label", () => {
    expect(escapeXml("lr\u202Edcba")).toBe("lr\uFFFDdcba");
  });
});

describe("escapeHtml", () => {
  it("escapes the characters that open tags, attributes and template literals", () => {
    expect(escapeHtml(`<img src=x onerror="alert('x')">\``)).toBe("&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&#96;");
  });
  it("leaves ordinary text alone", () => {
    expect(escapeHtml("MultiStepDecay(milestones=[300, 400])")).toBe("MultiStepDecay(milestones=[300, 400])");
  });
});

describe("escapeMarkdown", () => {
  it("keeps a markdown link from becoming a link, including javascript: targets", () => {
    expect(escapeMarkdown("[click](javascript:alert(1))")).toBe("\\[click\\]\\(javascript\\:alert\\(1\\)\\)");
    expect(escapeMarkdown("](javascript:x)")).toBe("\\]\\(javascript\\:x\\)");
    expect(escapeMarkdown("![img](http://evil/x.png)")).toBe("\\!\\[img\\]\\(http\\:\\/\\/evil\\/x\\.png\\)");
  });
  it("keeps HTML, emphasis, code, tables and headings as text", () => {
    expect(escapeMarkdown("<script>x</script>")).toBe("\\<script\\>x\\<\\/script\\>");
    expect(escapeMarkdown("*a* _b_ `c` | d # e")).toBe("\\*a\\* \\_b\\_ \\`c\\` \\| d \\# e");
    expect(escapeMarkdown("&lt;")).toBe("\\&lt\\;");
  });
  it("keeps text on one line so it cannot start a heading, list or quote block", () => {
    expect(escapeMarkdown("a\n# b\r\n> c")).toBe("a \\# b \\> c");
  });
  it("leaves letters, digits and spaces untouched", () => {
    expect(escapeMarkdown("LinearWarmup 2000 steps")).toBe("LinearWarmup 2000 steps");
  });
});

describe("escapeMarkdownCode", () => {
  it("wraps text in a code span whose fence is longer than any backtick run inside", () => {
    expect(escapeMarkdownCode("lr_lambda")).toBe("`lr_lambda`");
    expect(escapeMarkdownCode("a`b")).toBe("``a`b``");
    expect(escapeMarkdownCode("``x``")).toBe("``` ``x`` ```");
  });
  it("pads so leading/trailing backticks and spaces survive CommonMark's stripping", () => {
    expect(escapeMarkdownCode("`x")).toBe("`` `x ``");
    expect(escapeMarkdownCode(" a ")).toBe("`  a  `");
    expect(escapeMarkdownCode("")).toBe("` `");
  });
  it("keeps a code span on one line and free of control characters", () => {
    expect(escapeMarkdownCode("a\nb\u0000")).toBe("`a b\uFFFD`");
  });
});
