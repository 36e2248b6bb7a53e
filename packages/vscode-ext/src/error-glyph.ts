/** The inline preview's mark for a schedule that cannot be evaluated: a small cross in the theme's error colour. */

const HEX_COLOUR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;

export function renderErrorGlyphSvg(color: string, size = 14): string {
  // Only a hex colour reaches the SVG, so nothing can be injected through it.
  const c = HEX_COLOUR.test(color) ? color : "#f48771";
  const a = 3, b = size - 3;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}"><path d="M${a} ${a}L${b} ${b}M${b} ${a}L${a} ${b}" stroke="${c}" stroke-width="2" stroke-linecap="round"/></svg>`;
}
