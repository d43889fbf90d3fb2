/**
 * Chart spec -> Vega spec (vega-lite compile) -> SVG (vega, headless) -> PNG (resvg, with the fonts
 * shipped in assets/fonts/ and no system fonts, so a chart is drawn the same on every machine).
 * Files are written atomically: a temporary file, then a rename.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import type { Chart } from './charts.ts';
import { readAdvances, vegaTextWidth } from './text-metrics.ts';
import { FONT } from './theme.ts';

const FONT_DIR = fileURLToPath(new URL('../../assets/fonts/', import.meta.url));
export const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => join(FONT_DIR, f));

/** PNGs are drawn at twice the SVG's size, sharp on high-density screens and in print. */
export const PNG_SCALE = 2;

/** Compiles a Vega-Lite spec; warnings (a wrong field, an ignored channel) are returned, not printed. */
export function compileSpec(spec: TopLevelSpec): { vega: vega.Spec; warnings: string[] } {
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    error: (...a: unknown[]) => (warnings.push(a.join(' ')), logger),
    warn: (...a: unknown[]) => (warnings.push(a.join(' ')), logger),
    info: () => logger,
    debug: () => logger,
  };
  return { vega: compile(spec, { logger: logger as never }).spec as vega.Spec, warnings };
}

let measuring = false;
/** Makes Vega lay text out with the shipped fonts' real widths (it has no canvas to measure with). */
function useFontMetrics(): void {
  if (measuring) return;
  (vega as unknown as { textMetrics: { width: unknown } }).textMetrics.width = vegaTextWidth(readAdvances(FONT_FILES[0]), readAdvances(FONT_FILES[1]));
  measuring = true;
}

/** Renders a Vega-Lite spec to an SVG string, headless. */
export async function toSvg(spec: TopLevelSpec): Promise<string> {
  useFontMetrics();
  const view = new vega.View(vega.parse(compileSpec(spec).vega), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Draws an SVG as a PNG at `PNG_SCALE`, white background, with the shipped fonts only. */
export function toPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: PNG_SCALE },
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT, sansSerifFamily: FONT },
  });
  return resvg.render().asPng();
}

/** Writes a file atomically: `<file>.tmp`, then a rename. */
export function writeAtomic(file: string, content: string | Buffer): void {
  const tmp = file + '.tmp';
  writeFileSync(tmp, content);
  renameSync(tmp, file);
}

/**
 * Writes `<name>.vl.json`, `<name>.svg` and `<name>.png` of each chart into `dir` and returns the
 * SVGs by name (the HTML report can use them) and the files written (relative to `dir`).
 */
export async function writeCharts(dir: string, charts: Chart[]): Promise<{ svgs: Map<string, string>; files: string[] }> {
  mkdirSync(dir, { recursive: true });
  const svgs = new Map<string, string>();
  const files: string[] = [];
  for (const chart of charts) {
    const svg = await toSvg(chart.spec);
    writeAtomic(join(dir, `${chart.name}.vl.json`), JSON.stringify(chart.spec, null, 2) + '\n');
    writeAtomic(join(dir, `${chart.name}.svg`), svg);
    writeAtomic(join(dir, `${chart.name}.png`), toPng(svg));
    files.push(`${chart.name}.vl.json`, `${chart.name}.svg`, `${chart.name}.png`);
    svgs.set(chart.name, svg);
  }
  return { svgs, files };
}
