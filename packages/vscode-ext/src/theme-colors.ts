/** The inline preview's colours per VS Code theme kind (the numbers of `vscode.ColorThemeKind`, so this stays free of `vscode`). */

export const THEME_KIND = { light: 1, dark: 2, highContrast: 3, highContrastLight: 4 } as const;

export interface PreviewColors {
  line: string;
  error: string;
}

/** Colours that keep a 1.5 px line readable on each kind of theme's editor background. */
export function previewColors(themeKind: number): PreviewColors {
  switch (themeKind) {
    case THEME_KIND.light:
      return { line: "#0066b8", error: "#c72e0f" };
    case THEME_KIND.highContrast:
      return { line: "#ffffff", error: "#f48771" };
    case THEME_KIND.highContrastLight:
      return { line: "#000000", error: "#b5200d" };
    default:
      return { line: "#4fc1ff", error: "#f48771" };
  }
}
