/** Small helpers to drive the VS Code workbench in the browser: open a file, run a command, read editor lines, find the webview. */
import type { FrameLocator, Locator, Page } from "playwright-core";

export function editor(page: Page): Locator {
  return page.locator(".editor-instance .monaco-editor").first();
}

/** Opens a workspace file from the Explorer and waits for a line of it to show. */
export async function openFile(page: Page, name: string, lineText: string): Promise<void> {
  const row = page.locator(".explorer-folders-view .monaco-list-row", { hasText: name });
  await row.waitFor({ timeout: 60_000 });
  await row.dblclick();
  await editor(page).locator(".view-line", { hasText: lineText }).first().waitFor({ timeout: 30_000 });
}

/** Runs a command from the Command Palette by its full title. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator(".quick-input-list .monaco-list-row", { hasText: title }).first().waitFor();
  await page.keyboard.press("Enter");
  await page.locator(".quick-input-widget").waitFor({ state: "hidden" });
}

/** The editor's visible text, one string per view line, top to bottom. */
export async function editorLines(page: Page): Promise<string[]> {
  return editor(page)
    .locator(".view-line")
    .evaluateAll((els) =>
      els
        .map((el) => ({ top: parseFloat((el as HTMLElement).style.top || "0"), text: (el.textContent ?? "").replace(/\u00a0/g, " ") }))
        .sort((a, b) => a.top - b.top)
        .map((l) => l.text),
    );
}

/** The view line containing `text`. */
export function viewLine(page: Page, text: string): Locator {
  return editor(page).locator(".view-line", { hasText: text }).first();
}

/** Where the inline preview icons are: the boxes of spans whose `::after` shows a data: SVG, with their line's text. */
export async function inlineIcons(page: Page): Promise<{ x: number; y: number; width: number; height: number; line: string; content: string }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll(".monaco-editor .view-lines .view-line span")]
      .map((el) => ({ el, content: getComputedStyle(el, "::after").content }))
      .filter(({ content }) => content.includes("data:image/svg+xml"))
      .map(({ el, content }) => {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height, line: el.closest(".view-line")?.textContent ?? "", content: content.slice(0, 80) };
      }),
  );
}

/** Closes notification toasts so they do not cover what the test looks at. */
export async function dismissNotifications(page: Page): Promise<void> {
  for (const b of await page.locator(".notification-toast .codicon-notifications-clear").all()) await b.click().catch(() => {});
}

/** The content frame of the (only) webview panel. */
export function webviewFrame(page: Page): FrameLocator {
  return page.frameLocator("iframe.webview.ready").frameLocator("iframe#active-frame");
}
