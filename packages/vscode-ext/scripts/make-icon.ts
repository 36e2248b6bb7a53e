// Draws the extension's 128×128 icon (a warm-up + cosine LR curve on a rounded tile) into images/icon.png; no art is copied.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PNG } from "pngjs";

export const ICON_SIZE = 128;
const SUPERSAMPLE = 4;

type Rgb = [number, number, number];
const TILE_TOP: Rgb = [0x1b, 0x2a, 0x4a];
const TILE_BOTTOM: Rgb = [0x12, 0x1c, 0x33];
const CURVE: Rgb = [0x4f, 0xc1, 0xff];
const PEAK: Rgb = [0xff, 0xa7, 0x26];

/** The LR curve in icon pixels: linear warm-up to 30 % of the width, then a half cosine down to the floor. */
function curveY(x: number): number {
  const x0 = 18, x1 = 110, floor = 100, top = 30, warm = x0 + 0.3 * (x1 - x0);
  if (x <= warm) return floor - ((x - x0) / (warm - x0)) * (floor - top);
  const t = (x - warm) / (x1 - warm);
  return floor - (floor - top) * 0.5 * (1 + Math.cos(Math.PI * t));
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

function insideRoundedTile(x: number, y: number): boolean {
  const r = 24, m = 4, lo = m + r, hi = ICON_SIZE - m - r;
  const cx = Math.max(lo, Math.min(hi, x)), cy = Math.max(lo, Math.min(hi, y));
  return Math.hypot(x - cx, y - cy) <= r;
}

/** Renders the icon deterministically (same pixels on every machine). */
export function drawIcon(): PNG {
  const png = new PNG({ width: ICON_SIZE, height: ICON_SIZE });
  const line: [number, number][] = [];
  for (let x = 18; x <= 110; x += 1) line.push([x, curveY(x)]);
  const peak: [number, number] = [18 + 0.3 * 92, 30];
  for (let py = 0; py < ICON_SIZE; py++) {
    for (let px = 0; px < ICON_SIZE; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = px + (sx + 0.5) / SUPERSAMPLE, y = py + (sy + 0.5) / SUPERSAMPLE;
          if (!insideRoundedTile(x, y)) continue;
          const k = y / ICON_SIZE;
          let c: Rgb = [0, 1, 2].map((i) => TILE_TOP[i] * (1 - k) + TILE_BOTTOM[i] * k) as Rgb;
          // Faint area under the curve, then the curve, then the peak dot on top.
          if (x >= 18 && x <= 110 && y >= curveY(x) && y <= 100) c = c.map((v, i) => v * 0.7 + CURVE[i] * 0.3) as Rgb;
          let d = Infinity;
          for (let i = 1; i < line.length; i++) d = Math.min(d, distanceToSegment(x, y, line[i - 1][0], line[i - 1][1], line[i][0], line[i][1]));
          if (d <= 3.5) c = CURVE;
          if (Math.hypot(x - peak[0], y - peak[1]) <= 7) c = PEAK;
          r += c[0]; g += c[1]; b += c[2]; a += 255;
        }
      }
      const n = SUPERSAMPLE * SUPERSAMPLE, o = (py * ICON_SIZE + px) * 4;
      // Premultiplied sums: divide colour by covered samples, alpha by all samples.
      const covered = a / 255;
      png.data[o] = covered ? Math.round(r / covered) : 0;
      png.data[o + 1] = covered ? Math.round(g / covered) : 0;
      png.data[o + 2] = covered ? Math.round(b / covered) : 0;
      png.data[o + 3] = Math.round(a / n);
    }
  }
  return png;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = fileURLToPath(new URL("../images/icon.png", import.meta.url));
  writeFileSync(out, PNG.sync.write(drawIcon()));
  console.log(`wrote ${out}`);
}
