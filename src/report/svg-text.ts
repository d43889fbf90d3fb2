/**
 * Where the text of a rendered chart lands: each `<text>` of a Vega SVG with its box in the SVG's
 * coordinates (group translations added up, the anchor, the rotation of axis titles, one box per
 * `<tspan>` line), measured with the shipped fonts' glyph widths as resvg draws them. A chart is
 * fit for a slide when every box lies inside the SVG and no label was shortened with "…".
 */
import { textWidth } from './text-metrics.ts';

export interface TextBox {
  text: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface TextProblem {
  text: string;
  problem: 'outside' | 'truncated';
  box: TextBox;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|apos|#39);/g, (e) => ENTITIES[e] ?? e).replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)));
const attr = (attrs: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];

/** translate(x,y) and rotate(r) of a transform attribute. */
function transformOf(attrs: string): { dx: number; dy: number; rotate: number } {
  const t = attr(attrs, 'transform') ?? '';
  const tr = /translate\(\s*([-\d.e]+)[ ,]+([-\d.e]+)\s*\)/.exec(t);
  const rot = /rotate\(\s*([-\d.e]+)/.exec(t);
  return { dx: tr ? Number(tr[1]) : 0, dy: tr ? Number(tr[2]) : 0, rotate: rot ? Number(rot[1]) : 0 };
}

/** The box of every line of text in a Vega SVG. */
export function textBoxes(svg: string): TextBox[] {
  const out: TextBox[] = [];
  const stack: [number, number][] = [[0, 0]];
  const tag = /<(\/?)(g|text)\b([^>]*?)(\/?)>/g;
  for (let m = tag.exec(svg); m; m = tag.exec(svg)) {
    const [, close, name, attrs, selfClose] = m;
    if (name === 'g') {
      if (close) stack.pop();
      else if (!selfClose) {
        const { dx, dy } = transformOf(attrs);
        const [x, y] = stack[stack.length - 1];
        stack.push([x + dx, y + dy]);
      }
      continue;
    }
    if (close || selfClose) continue;
    const end = svg.indexOf('</text>', tag.lastIndex);
    const inner = svg.slice(tag.lastIndex, end);
    tag.lastIndex = end;
    const size = parseFloat(attr(attrs, 'font-size') ?? '11');
    const weight = attr(attrs, 'font-weight') ?? '';
    const bold = weight === 'bold' || Number(weight) >= 600;
    const anchor = attr(attrs, 'text-anchor') ?? 'start';
    const { dx, dy, rotate } = transformOf(attrs);
    const [gx, gy] = stack[stack.length - 1];
    const lines: { text: string; dy: number }[] = [];
    if (inner.includes('<tspan')) {
      let offset = 0;
      for (const t of inner.matchAll(/<tspan([^>]*)>([^<]*)<\/tspan>/g)) {
        offset += parseFloat(attr(t[1], 'dy') ?? '0');
        lines.push({ text: decode(t[2]), dy: offset });
      }
    } else lines.push({ text: decode(inner), dy: 0 });
    for (const line of lines) {
      const w = textWidth(line.text, size, bold);
      const start = anchor === 'middle' ? -w / 2 : anchor === 'end' ? -w : 0;
      // along the line: [start, start + w]; across it: ascent above the baseline, descent below (DejaVu Sans)
      const along: [number, number] = [start, start + w];
      const across: [number, number] = [line.dy - 0.93 * size, line.dy + 0.24 * size];
      const x = gx + dx;
      const y = gy + dy;
      const r = ((rotate % 360) + 360) % 360;
      if (r === 270) out.push({ text: line.text, x0: x + across[0], x1: x + across[1], y0: y - along[1], y1: y - along[0] });
      else if (r === 90) out.push({ text: line.text, x0: x - across[1], x1: x - across[0], y0: y + along[0], y1: y + along[1] });
      else out.push({ text: line.text, x0: x + along[0], x1: x + along[1], y0: y + across[0], y1: y + across[1] });
    }
  }
  return out;
}

/** Text outside the SVG's width and height (half a pixel of slack), and labels Vega shortened with "…". */
export function textProblems(svg: string): TextProblem[] {
  const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
  const height = Number(/<svg[^>]*\sheight="([\d.]+)"/.exec(svg)?.[1]);
  const problems: TextProblem[] = [];
  for (const box of textBoxes(svg)) {
    if (box.text.trim() === '') continue;
    if (box.text.endsWith('…')) problems.push({ text: box.text, problem: 'truncated', box });
    else if (box.x0 < -0.5 || box.y0 < -0.5 || box.x1 > width + 0.5 || box.y1 > height + 0.5) problems.push({ text: box.text, problem: 'outside', box });
  }
  return problems;
}
