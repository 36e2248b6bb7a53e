import { describe, expect, it } from "vitest";
import { buildPreviewHtml, escapeHtml, makeNonce, previewCsp } from "./preview-html";
import { HOSTILE } from "./testing/schedules";

const CSP_SOURCE = "https://file+.vscode-resource.vscode-cdn.net";
const input = {
  cspSource: CSP_SOURCE,
  nonce: "abc123XYZ",
  scriptUri: `${CSP_SOURCE}/ext/dist/media/preview.js`,
  styleUri: `${CSP_SOURCE}/ext/dist/media/preview.css`,
  title: "det_r50_db.yml",
  logScale: false,
};

describe("buildPreviewHtml", () => {
  it("declares the strict Content-Security-Policy: nothing by default, scripts by nonce, styles and images from the extension", () => {
    const html = buildPreviewHtml(input);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1];
    expect(csp).toBe(`default-src &#39;none&#39;; img-src ${CSP_SOURCE} data:; script-src &#39;nonce-abc123XYZ&#39;; style-src ${CSP_SOURCE}`);
    expect(previewCsp(CSP_SOURCE, "n")).toBe(`default-src 'none'; img-src ${CSP_SOURCE} data:; script-src 'nonce-n'; style-src ${CSP_SOURCE}`);
  });
  it("loads exactly one script, from the extension, carrying the nonce, and no inline code or styles", () => {
    const html = buildPreviewHtml(input);
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts).toEqual([`<script nonce="abc123XYZ" src="${input.scriptUri}">`]);
    expect(html).not.toMatch(/<style|style=|\son[a-z]+=/i);
  });
  it("references no remote resource", () => {
    const urls = [...buildPreviewHtml(input).matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(urls.every((u) => u.startsWith(CSP_SOURCE))).toBe(true);
  });
  it("escapes the file name wherever it appears", () => {
    const html = buildPreviewHtml({ ...input, title: `${HOSTILE.script}${HOSTILE.svgOnload}${HOSTILE.quote}` });
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<svg onload");
    expect(html).not.toContain('" onmouseover');
    expect(html).toContain("&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;");
  });
  it("starts with the log-scale box as the saved state says", () => {
    expect(buildPreviewHtml({ ...input, logScale: true })).toContain('id="log-scale" checked');
    expect(buildPreviewHtml(input)).not.toContain("checked");
  });
});

describe("escapeHtml", () => {
  it("escapes every character that can end text or an attribute", () => {
    expect(escapeHtml(`<a href='x' title="y">&\``)).toBe("&#60;a href=&#39;x&#39; title=&#34;y&#34;&#62;&#38;&#96;");
  });
});

describe("makeNonce", () => {
  it("makes a 32-character URL-safe nonce from 24 random bytes", () => {
    const nonce = makeNonce(new Uint8Array(24).map((_, i) => i * 11));
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(makeNonce(new Uint8Array(24).fill(1))).not.toBe(nonce);
  });
});
