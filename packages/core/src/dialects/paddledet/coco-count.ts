/**
 * Counts what PaddleDetection's COCODataSet would load from a COCO annotation file — the `images`
 * and the images with at least one non-crowd annotation — by scanning the JSON text once, without
 * `JSON.parse` (train annotation files are hundreds of MB) and without recursion (hostile nesting).
 */

export interface CocoCounts {
  /** Length of the top-level `images` array. */
  images: number;
  /** Distinct `image_id`s of annotations with `iscrowd` 0 (or absent); undefined when there is no `annotations` array. */
  annotatedImages?: number;
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Scanner {
  pos = 0;
  constructor(readonly text: string) {}

  ws(): void {
    while (this.pos < this.text.length && WS.has(this.text.charCodeAt(this.pos))) this.pos++;
  }

  peek(): string {
    this.ws();
    return this.text[this.pos];
  }

  expect(ch: string): void {
    if (this.peek() !== ch) throw new Error(`expected ${ch} at ${this.pos}`);
    this.pos++;
  }

  /** A string token's content (escapes kept raw: keys we look for have none). */
  string(): string {
    this.expect('"');
    const start = this.pos;
    while (this.pos < this.text.length) {
      const c = this.text.charCodeAt(this.pos);
      if (c === 0x5c) this.pos += 2;
      else if (c === 0x22) break;
      else this.pos++;
    }
    if (this.pos >= this.text.length) throw new Error("unterminated string");
    const s = this.text.slice(start, this.pos);
    this.pos++;
    return s;
  }

  /** A number token (for `image_id` / `iscrowd`), or undefined when the value is something else. */
  numberOrSkip(): number | undefined {
    this.ws();
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (m) {
      this.pos += m[0].length;
      return Number(m[0]);
    }
    const rest = this.text.slice(this.pos, this.pos + 5);
    if (rest.startsWith("true")) {
      this.pos += 4;
      return 1;
    }
    if (rest.startsWith("false")) {
      this.pos += 5;
      return 0;
    }
    this.skipValue();
    return undefined;
  }

  /** Skips one JSON value of any depth with a bracket counter (no recursion). */
  skipValue(): void {
    const c = this.peek();
    if (c === '"') {
      this.string();
      return;
    }
    if (c !== "{" && c !== "[") {
      const start = this.pos;
      while (this.pos < this.text.length && !",}]".includes(this.text[this.pos]) && !WS.has(this.text.charCodeAt(this.pos))) this.pos++;
      if (this.pos === start) throw new Error(`unexpected ${c ?? "end"} at ${start}`);
      return;
    }
    let depth = 0;
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos];
      if (ch === '"') {
        this.string();
        continue;
      }
      if (ch === "{" || ch === "[") depth++;
      else if (ch === "}" || ch === "]") {
        depth--;
        if (depth === 0) {
          this.pos++;
          return;
        }
      }
      this.pos++;
    }
    throw new Error("unterminated container");
  }

  /** Calls `onItem` at the start of each element of an array (which must consume it). */
  array(onItem: () => void): void {
    this.expect("[");
    if (this.peek() === "]") {
      this.pos++;
      return;
    }
    for (;;) {
      onItem();
      const c = this.peek();
      this.pos++;
      if (c === "]") return;
      if (c !== ",") throw new Error(`expected , or ] at ${this.pos - 1}`);
    }
  }

  /** Calls `onKey` for each key of an object, positioned at its value (which it must consume). */
  object(onKey: (key: string) => void): void {
    this.expect("{");
    if (this.peek() === "}") {
      this.pos++;
      return;
    }
    for (;;) {
      const key = this.string();
      this.expect(":");
      onKey(key);
      const c = this.peek();
      this.pos++;
      if (c === "}") return;
      if (c !== ",") throw new Error(`expected , or } at ${this.pos - 1}`);
    }
  }
}

/** Counts of a COCO annotation file, or undefined when the text is not a COCO-shaped JSON object. */
export function countCoco(text: string): CocoCounts | undefined {
  const s = new Scanner(text);
  let images: number | undefined;
  let annotated: Set<number> | undefined;
  try {
    s.object((key) => {
      if (key === "images" && s.peek() === "[") {
        let n = 0;
        s.array(() => {
          s.skipValue();
          n++;
        });
        images = n;
      } else if (key === "annotations" && s.peek() === "[") {
        const ids = new Set<number>();
        s.array(() => {
          if (s.peek() !== "{") {
            s.skipValue();
            return;
          }
          let imageId: number | undefined;
          let crowd = 0;
          s.object((k) => {
            if (k === "image_id") imageId = s.numberOrSkip();
            else if (k === "iscrowd") crowd = s.numberOrSkip() ?? 0;
            else s.skipValue();
          });
          if (imageId !== undefined && !crowd) ids.add(imageId);
        });
        annotated = ids;
      } else s.skipValue();
    });
  } catch {
    return undefined;
  }
  if (images === undefined) return undefined;
  return { images, annotatedImages: annotated?.size };
}
