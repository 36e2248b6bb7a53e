/** Pixel checks on screenshots (pngjs): count a colour, or count what differs from a background, inside a box. */
import { PNG } from "pngjs";

export type Rgb = [number, number, number];

export function parseColour(css: string): Rgb | undefined {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(css.trim());
  if (hex) return [1, 2, 3].map((i) => parseInt(hex[i], 16)) as Rgb;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(css.trim());
  if (short) return [1, 2, 3].map((i) => parseInt(short[i] + short[i], 16)) as Rgb;
  const rgb = /^rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)/.exec(css.trim());
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return undefined;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function inBox(png: PNG, box: Box | undefined, fn: (r: number, g: number, b: number) => void): void {
  const x0 = Math.max(0, Math.floor(box?.x ?? 0)), y0 = Math.max(0, Math.floor(box?.y ?? 0));
  const x1 = Math.min(png.width, Math.ceil(box ? box.x + box.width : png.width)), y1 = Math.min(png.height, Math.ceil(box ? box.y + box.height : png.height));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const o = (y * png.width + x) * 4;
      fn(png.data[o], png.data[o + 1], png.data[o + 2]);
    }
  }
}

/** Pixels within `tolerance` (per channel) of `colour`. */
export function countColour(image: Buffer, colour: Rgb, tolerance = 24, box?: Box): number {
  const png = PNG.sync.read(image);
  let n = 0;
  inBox(png, box, (r, g, b) => {
    if (Math.abs(r - colour[0]) <= tolerance && Math.abs(g - colour[1]) <= tolerance && Math.abs(b - colour[2]) <= tolerance) n++;
  });
  return n;
}

/** The most common colour in the box (the background of a widget). */
export function dominantColour(image: Buffer, box?: Box): Rgb {
  const png = PNG.sync.read(image);
  const counts = new Map<number, number>();
  inBox(png, box, (r, g, b) => {
    const key = (r << 16) | (g << 8) | b;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return [(best >> 16) & 255, (best >> 8) & 255, best & 255];
}

/** Pixels in the box that clearly differ from `background` (anything drawn there). */
export function countNotBackground(image: Buffer, background: Rgb, box?: Box, tolerance = 40): number {
  const png = PNG.sync.read(image);
  let n = 0;
  inBox(png, box, (r, g, b) => {
    if (Math.abs(r - background[0]) + Math.abs(g - background[1]) + Math.abs(b - background[2]) > tolerance) n++;
  });
  return n;
}

/** Pixels that differ between two same-size screenshots (a redraw that changed the picture). */
export function countDifferent(a: Buffer, b: Buffer, tolerance = 40): number {
  const pa = PNG.sync.read(a), pb = PNG.sync.read(b);
  if (pa.width !== pb.width || pa.height !== pb.height) return pa.width * pa.height;
  let n = 0;
  for (let i = 0; i < pa.data.length; i += 4) {
    if (Math.abs(pa.data[i] - pb.data[i]) + Math.abs(pa.data[i + 1] - pb.data[i + 1]) + Math.abs(pa.data[i + 2] - pb.data[i + 2]) > tolerance) n++;
  }
  return n;
}
