/**
 * Rendering: SVG and PNG of every chart written atomically into charts/, PNGs at twice the SVG's
 * size, on white, with dark title text where the title is, drawn with the shipped fonts.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCharts } from '../../src/report/charts.ts';
import { loadRun } from '../../src/report/data.ts';
import { writeReport } from '../../src/report/index.ts';
import { FONT_FILES, PNG_SCALE } from '../../src/report/render.ts';
import { measure, readAdvances } from '../../src/report/text-metrics.ts';
import { smallRun } from './helpers.ts';

const NAMES = ['caseload', 'exits-by-route', 'inflow', 'composition', 'contrasts', 'costs'];
let dir: string;
let files: string[];
let seconds: number;

beforeAll(async () => {
  dir = await smallRun({ runs: 3 });
  const t0 = performance.now();
  files = await writeReport(dir);
  seconds = (performance.now() - t0) / 1000;
});
afterAll(() => rmSync(dirname(dir), { recursive: true, force: true }));

const svgSize = (svg: string) => {
  const m = /<svg[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"/.exec(svg)!;
  return { width: Number(m[1]), height: Number(m[2]) };
};

describe('writeReport', () => {
  it('writes spec, SVG and PNG of each chart and report.html, and says so', () => {
    expect(files).toEqual([...NAMES.flatMap((n) => [`charts/${n}.vl.json`, `charts/${n}.svg`, `charts/${n}.png`]), 'report.html']);
    for (const f of files) expect(existsSync(join(dir, f)), f).toBe(true);
    expect(readdirSync(join(dir, 'charts')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(seconds).toBeLessThan(30);
  });

  it('writes each chart\'s Vega-Lite spec as built (data inlined)', () => {
    const run = loadRun(dir);
    for (const c of buildCharts(run)) {
      expect(JSON.parse(readFileSync(join(dir, 'charts', `${c.name}.vl.json`), 'utf8'))).toEqual(JSON.parse(JSON.stringify(c.spec)));
    }
  });

  it('draws the SVGs with DejaVu Sans on white', () => {
    for (const n of NAMES) {
      const svg = readFileSync(join(dir, 'charts', `${n}.svg`), 'utf8');
      expect(svg).toMatch(/^<svg /);
      expect(svg).toContain('font-family="DejaVu Sans"');
      expect(svg).not.toMatch(/font-family="(?!DejaVu Sans")/);
      expect(svg).toContain('fill="white"');
    }
  });

  it('draws PNGs at twice the SVG size, not blank, with dark title text in the title band', () => {
    for (const n of NAMES) {
      const svg = readFileSync(join(dir, 'charts', `${n}.svg`), 'utf8');
      const png = PNG.sync.read(readFileSync(join(dir, 'charts', `${n}.png`)));
      const size = svgSize(svg);
      expect({ n, width: png.width, height: png.height }).toEqual({ n, width: Math.round(size.width * PNG_SCALE), height: Math.round(size.height * PNG_SCALE) });
      const at = (x: number, y: number) => png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 4);
      expect([...at(0, 0)]).toEqual([255, 255, 255, 255]);
      const colours = new Set<number>();
      for (let i = 0; i < png.data.length; i += 4 * 7) colours.add(png.data.readUInt32BE(i));
      expect(colours.size, n).toBeGreaterThan(50);
      // the title (15 px bold, top left, below 8 px of padding) lies in the top 36 px, left 300 px
      let dark = 0;
      for (let y = 0; y < 36 * PNG_SCALE; y++) {
        for (let x = 0; x < 300 * PNG_SCALE; x++) {
          const [r, g, b] = at(x, y);
          if (r < 80 && g < 80 && b < 80) dark++;
        }
      }
      expect(dark, n).toBeGreaterThan(500);
    }
  });
});

describe('text metrics from the shipped fonts', () => {
  const regular = readAdvances(FONT_FILES[0]);
  const bold = readAdvances(FONT_FILES[1]);
  it('reads DejaVu Sans advance widths (space 651, "a" 1255 of 2048 units)', () => {
    expect(regular(0x20) * 2048).toBe(651);
    expect(regular(0x61) * 2048).toBe(1255);
    expect(bold(0x4d)).toBeGreaterThan(regular(0x4d));
  });
  it('measures a line in pixels', () => {
    expect(measure(regular, 'aa', 10)).toBeCloseTo((2 * 1255 * 10) / 2048, 9);
    expect(measure(regular, '', 10)).toBe(0);
  });
});
