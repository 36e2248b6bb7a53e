/**
 * Turns one sampled series into SVG path data in pixel space: a new subpath after every value
 * that cannot be drawn (NaN, ±Infinity, or ≤ 0 on a log axis, each reported as a gap), at most
 * four points per pixel column (first, lowest, highest, last, so spikes survive; streaming, no
 * per-sample allocation), 2-decimal coordinates.
 */
import { px } from "./svg";

export interface Gap {
  /** Pixel x range of the undrawable samples (equal ends for a single one). */
  from: number;
  to: number;
  count: number;
  kind: "non-finite" | "off-scale";
}

export interface SeriesPath {
  d: string;
  gaps: Gap[];
  /** Points written to the path (after per-column reduction). */
  drawn: number;
}

export interface PathOptions {
  mapX: (v: number) => number;
  mapY: (v: number) => number;
  stepped: boolean;
  log: boolean;
}

export function seriesPath(x: ArrayLike<number>, y: ArrayLike<number>, o: PathOptions): SeriesPath {
  const n = Math.min(x.length, y.length);
  const gaps: Gap[] = [];
  const writer = new PathWriter(o.stepped);
  let gap: Gap | undefined;
  for (let i = 0; i < n; i++) {
    const yv = y[i];
    const gx = o.mapX(x[i]);
    // A sample without a finite x has no place on the chart at all.
    if (!Number.isFinite(gx)) continue;
    const kind = !Number.isFinite(yv) ? "non-finite" : o.log && yv <= 0 ? "off-scale" : undefined;
    const gy = kind ? NaN : o.mapY(yv);
    if (kind || !Number.isFinite(gy)) {
      writer.endRun();
      const k = kind ?? "non-finite";
      if (gap && gap.kind === k) {
        gap.to = gx;
        gap.count++;
      } else {
        gap = { from: gx, to: gx, count: 1, kind: k };
        gaps.push(gap);
      }
      continue;
    }
    gap = undefined;
    writer.add(gx, gy);
  }
  writer.endRun();
  return { d: writer.d.trim(), gaps, drawn: writer.drawn };
}

/** Collects a pixel column's first, lowest, highest and last points and writes them in sample order. */
class PathWriter {
  d = "";
  drawn = 0;
  private column = NaN;
  private count = 0;
  // First, lowest value (largest pixel y), highest value (smallest pixel y), last: x, y and sample order.
  private fx = 0;
  private fy = 0;
  private lowX = 0;
  private lowY = 0;
  private lowAt = 0;
  private highX = 0;
  private highY = 0;
  private highAt = 0;
  private lastX = 0;
  private lastY = 0;
  // Path state.
  private started = false;
  private runPoints = 0;
  private lx = "";
  private ly = "";

  constructor(private readonly stepped: boolean) {}

  add(x: number, y: number): void {
    const column = Math.floor(x);
    if (column !== this.column) this.flushColumn();
    this.column = column;
    const at = this.count++;
    if (at === 0) {
      this.fx = this.lowX = this.highX = this.lastX = x;
      this.fy = this.lowY = this.highY = this.lastY = y;
      return;
    }
    if (y > this.lowY) [this.lowX, this.lowY, this.lowAt] = [x, y, at];
    if (y < this.highY) [this.highX, this.highY, this.highAt] = [x, y, at];
    this.lastX = x;
    this.lastY = y;
  }

  /** Ends the current run: the next sample starts a new subpath. */
  endRun(): void {
    this.flushColumn();
    this.column = NaN;
    // With a round cap, a lone sample still shows as a dot.
    if (this.runPoints === 1) this.d += " h0";
    this.started = false;
    this.runPoints = 0;
  }

  private flushColumn(): void {
    if (this.count === 0) return;
    this.emit(this.fx, this.fy);
    if (this.lowAt <= this.highAt) {
      this.emit(this.lowX, this.lowY);
      this.emit(this.highX, this.highY);
    } else {
      this.emit(this.highX, this.highY);
      this.emit(this.lowX, this.lowY);
    }
    this.emit(this.lastX, this.lastY);
    this.count = this.lowAt = this.highAt = 0;
  }

  private emit(x: number, y: number): void {
    const nx = px(x);
    const ny = px(y);
    if (this.started && nx === this.lx && ny === this.ly) return;
    this.drawn++;
    this.runPoints++;
    if (!this.started) {
      this.d += ` M${nx} ${ny}`;
      this.started = true;
    } else if (!this.stepped) {
      this.d += ` L${nx} ${ny}`;
    } else {
      // Step-after: hold the previous value until this sample's x, then jump.
      if (nx !== this.lx) this.d += ` H${nx}`;
      if (ny !== this.ly) this.d += ` V${ny}`;
    }
    this.lx = nx;
    this.ly = ny;
  }
}
