/** The preview webview's HTML shell: strict CSP with a nonce, local script and stylesheet only, every user string escaped. */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A CSP nonce: 32 characters from 24 random bytes (the caller supplies the randomness). */
export function makeNonce(randomBytes: Uint8Array): string {
  let binary = "";
  for (const b of randomBytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/[+/=]/g, (c) => (c === "+" ? "-" : c === "/" ? "_" : ""));
}

export interface PreviewHtmlInput {
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  /** `asWebviewUri` of dist/media/preview.js and preview.css. */
  scriptUri: string;
  styleUri: string;
  /** The config's file name, shown as the title. */
  title: string;
  logScale: boolean;
}

export function previewCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
  ].join("; ");
}

export function buildPreviewHtml(input: PreviewHtmlInput): string {
  const e = escapeHtml;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${e(previewCsp(input.cspSource, input.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${e(input.styleUri)}">
<title>LR curve: ${e(input.title)}</title>
</head>
<body>
<header class="toolbar">
<h1 id="title">${e(input.title)}</h1>
<label class="toggle"><input type="checkbox" id="log-scale"${input.logScale ? " checked" : ""}> Log scale</label>
</header>
<p id="status" class="status" role="status">Waiting for the language server…</p>
<main id="cards"></main>
<script nonce="${e(input.nonce)}" src="${e(input.scriptUri)}"></script>
</body>
</html>
`;
}
