/**
 * Text widths from the shipped fonts' own glyph advances, for Vega's layout in Node. Without a
 * canvas Vega guesses a width of 0.8 x font size per character, which makes titles and legends
 * far wider than they are drawn (blank margins, labels cut short). Reading the advance widths of
 * DejaVu Sans (the `cmap`, `hmtx`, `hhea` and `head` tables of the TrueType file) gives the widths
 * resvg will draw. Kerning is ignored: it changes a line by a pixel or two.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Advance width (in em) of each character of a font. */
export type Advances = (codePoint: number) => number;

/** Reads the advance widths of a TrueType font (cmap format 4: the Basic Multilingual Plane). */
export function readAdvances(file: string): Advances {
  const buf = readFileSync(file);
  const u16 = (o: number) => buf.readUInt16BE(o);
  const tables = new Map<string, number>();
  for (let i = 0, n = u16(4); i < n; i++) {
    const rec = 12 + 16 * i;
    tables.set(buf.toString('latin1', rec, rec + 4), buf.readUInt32BE(rec + 8));
  }
  const table = (tag: string) => {
    const at = tables.get(tag);
    if (at === undefined) throw new Error(`${file}: no '${tag}' table`);
    return at;
  };
  const unitsPerEm = u16(table('head') + 18);
  const metrics = u16(table('hhea') + 34);
  const hmtx = table('hmtx');
  const advanceOf = (glyph: number) => u16(hmtx + 4 * Math.min(glyph, metrics - 1)) / unitsPerEm;

  // the Windows Unicode BMP subtable (platform 3, encoding 1), format 4: segments of code points
  const cmap = table('cmap');
  let sub = -1;
  for (let i = 0, n = u16(cmap + 2); i < n; i++) {
    const rec = cmap + 4 + 8 * i;
    if (u16(rec) === 3 && u16(rec + 2) === 1) sub = cmap + buf.readUInt32BE(rec + 4);
  }
  if (sub < 0 || u16(sub) !== 4) throw new Error(`${file}: no Unicode BMP character map (format 4)`);
  const segments = u16(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const offsets = deltas + 2 * segments;
  const glyphOf = (c: number): number => {
    for (let s = 0; s < segments; s++) {
      if (c > u16(ends + 2 * s)) continue;
      const start = u16(starts + 2 * s);
      if (c < start) return 0;
      const delta = u16(deltas + 2 * s);
      const range = u16(offsets + 2 * s);
      if (range === 0) return (c + delta) & 0xffff;
      const g = u16(offsets + 2 * s + range + 2 * (c - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
  const cache = new Map<number, number>();
  return (c) => {
    let w = cache.get(c);
    if (w === undefined) cache.set(c, (w = advanceOf(glyphOf(c))));
    return w;
  };
}

/** Width in pixels of `text` at `fontSize`. */
export function measure(advances: Advances, text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += advances(ch.codePointAt(0)!);
  return em * fontSize;
}

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
  limit?: number;
}

/**
 * A `textMetrics.width` for Vega: the width of a line of text, in the regular or bold face. A text
 * longer than the item's `limit` measures as the limit, which is what Vega truncates it to.
 */
export function vegaTextWidth(regular: Advances, bold: Advances) {
  return (item: TextItem, text: unknown): number => {
    const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
    const weight = item.fontWeight;
    const isBold = weight === 'bold' || weight === 'bolder' || (typeof weight === 'number' && weight >= 600) || Number(weight) >= 600;
    const line = text == null ? '' : String(text).trim();
    const width = measure(isBold ? bold : regular, line, size);
    return item.limit && item.limit > 0 ? Math.min(width, item.limit) : width;
  };
}

const FONT_FILE = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;
const loaded: Partial<Record<keyof typeof FONT_FILE, Advances>> = {};
/** Width in pixels of `text` in the charts' font (DejaVu Sans, shipped in assets/fonts/): for sizing axes to their longest label. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  const face = bold ? 'bold' : 'regular';
  const advances = (loaded[face] ??= readAdvances(fileURLToPath(new URL(`../../assets/fonts/${FONT_FILE[face]}`, import.meta.url))));
  return measure(advances, text, fontSize);
}
