/**
 * Charts and report page of a calibration report folder (written by src/calibrate.ts): every
 * target against its simulated value on one axis — (simulated − target) / tolerance, so the
 * tolerance is the band from −1 to +1 whatever the target's unit — with the 95% interval of the
 * simulated mean and the spread of replicates. Reads targets.csv, and calibration.md when present
 * for the seed figures in words and the calibration's settings.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../model/load.ts';
import type { Chart } from './charts.ts';
import { readTable, requiredNumber } from './csv.ts';
import { esc, libraryVersions, renderPage } from './html.ts';
import { tip, topLevel } from './marks.ts';
import { reportMsg } from './messages.ts';
import { writeAtomic, writeCharts } from './render.ts';
import { num, signed } from './theme.ts';

/** A target and what the simulation gives, raw from targets.csv, with the report's words where known. */
export interface TargetRow {
  model: string;
  target: string;
  value: number;
  tolerance: number;
  mean: number;
  se: number;
  lo: number;
  hi: number;
  p05: number;
  p95: number;
  miss: number;
  met: boolean;
  /** From calibration.md: the seed figure in words and the numbers as the report prints them. */
  words?: { figure: string; value: string; tolerance: string; simulated: string; ci95: string; spread: string };
}

export interface CalibrationReport {
  dir: string;
  targets: TargetRow[];
  /** The settings listed at the top of calibration.md (models, replicates, seed, method, objective...). */
  meta: [string, string][];
}

/** Reads the "- key: value" lines and the target table of calibration.md. */
function readMarkdown(file: string): { meta: [string, string][]; words: Map<string, TargetRow['words']> } {
  const meta: [string, string][] = [];
  const words = new Map<string, TargetRow['words']>();
  if (!existsSync(file)) return { meta, words };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^- ([^:]+): (.*)$/.exec(line);
    if (m) meta.push([m[1], m[2]]);
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells.length === 9 && cells[0] !== 'model' && !cells[0].startsWith('---')) {
      const [model, target, figure, value, tolerance, simulated, ci95, spread] = cells;
      words.set(`${model}\u0000${target}`, { figure, value, tolerance, simulated, ci95, spread });
    }
  }
  return { meta, words };
}

/** Loads a calibration report folder: targets.csv (required) and calibration.md (optional). */
export function loadCalibration(dir: string): CalibrationReport {
  const file = join(dir, 'targets.csv');
  const { rows } = readTable(file);
  if (rows.length === 0) throw new InputError(reportMsg.noTargets(file));
  const { meta, words } = readMarkdown(join(dir, 'calibration.md'));
  const n = (r: Record<string, string>, c: string) => requiredNumber(r, c, file);
  const targets = rows.map((r): TargetRow => ({
    model: r.model, target: r.target, value: n(r, 'value'), tolerance: n(r, 'tolerance'), mean: n(r, 'mean'), se: n(r, 'se'),
    lo: n(r, 'ci95_lo'), hi: n(r, 'ci95_hi'), p05: n(r, 'p05'), p95: n(r, 'p95'), miss: n(r, 'miss_in_tolerances'), met: r.met === 'true',
    words: words.get(`${r.model}\u0000${r.target}`),
  }));
  return { dir, targets, meta };
}

/** True for a calibration report folder: targets.csv and no run manifest. */
export function isCalibrationFolder(dir: string): boolean {
  return existsSync(join(dir, 'targets.csv')) && !existsSync(join(dir, 'manifest.json'));
}

/** (simulated − target) / tolerance; null where the tolerance is not positive. */
export const inTolerances = (t: TargetRow, x: number) => (t.tolerance > 0 ? (x - t.value) / t.tolerance : null);

/** A raw figure in a few significant digits: "1,090", "857", "-0.006528". */
const raw = (x: number) => (Number.isInteger(x) ? num(x) : String(Number(x.toPrecision(4))));

const MET = 'within tolerance';
const MISSED = 'outside tolerance';

/** Every target against the simulated value, normalised by its tolerance, one row per target. */
export function targetsChart(c: CalibrationReport): Chart {
  const rows = c.targets.map((t, order) => ({
    label: `${t.model}: ${t.target}`, order, model: t.model, target: t.target, figure: t.words?.figure ?? '',
    status: t.met ? MET : MISSED, tolLo: -1, tolHi: 1,
    z: inTolerances(t, t.mean), zLo: inTolerances(t, t.lo), zHi: inTolerances(t, t.hi), z05: inTolerances(t, t.p05), z95: inTolerances(t, t.p95),
    value: t.value, tolerance: t.tolerance, mean: t.mean, lo: t.lo, hi: t.hi, p05: t.p05, p95: t.p95, miss: t.miss,
  }));
  const zs = rows.flatMap((r) => [r.z, r.zLo, r.zHi, r.z05, r.z95]).filter((z): z is number => z !== null && Number.isFinite(z));
  const domain = [Math.min(-2, ...zs) - 0.25, Math.max(2, ...zs) + 0.25];
  const x = (field: string) => ({ field, type: 'quantitative', title: 'Simulated minus target, in tolerances (0: the target; −1 to +1: within tolerance)', scale: { domain, nice: false } });
  const y = { field: 'label', type: 'nominal', title: null, sort: { field: 'order', op: 'min' }, axis: { labelLimit: 0 } };
  const raw = ',.6~g';
  const tooltip = [
    tip('model', 'Model'), tip('target', 'Target'), ...(rows.some((r) => r.figure) ? [tip('figure', 'Seed figure')] : []), tip('value', 'Target value', raw), tip('tolerance', 'Tolerance (±)', raw),
    tip('mean', 'Simulated mean', raw), tip('lo', '95% CI of the mean from', raw), tip('hi', '95% CI of the mean to', raw),
    tip('p05', '5th percentile of replicates', raw), tip('p95', '95th percentile of replicates', raw), tip('miss', 'Miss (in tolerances)', '+.2f'), tip('status', 'Status'),
  ];
  const status = { field: 'status', type: 'nominal', title: null, scale: { domain: [MET, MISSED], range: ['#0072B2', '#D55E00'] } };
  const title = 'Calibration targets: how close the simulation comes';
  const spec = topLevel(
    title,
    ['Each target on a common axis: the simulated value minus the target, divided by the target\'s tolerance. Green band: the tolerance;', 'dot: simulated mean; thick bar: its 95% confidence interval; thin line: 90% of replicates.'],
    {
      width: 560,
      height: { step: 24 },
      data: { values: rows },
      layer: [
        { mark: { type: 'rect', color: '#009E73', opacity: 0.18 }, encoding: { y, x: x('tolLo'), x2: { field: 'tolHi' }, tooltip } },
        { mark: { type: 'rule', color: '#333333', strokeDash: [3, 2] }, encoding: { x: { datum: 0, type: 'quantitative' } } },
        { mark: { type: 'rule', strokeWidth: 1 }, encoding: { y, x: x('z05'), x2: { field: 'z95' }, color: status } },
        { mark: { type: 'rule', strokeWidth: 5, opacity: 0.6 }, encoding: { y, x: x('zLo'), x2: { field: 'zHi' }, color: status } },
        {
          mark: { type: 'point', filled: true, size: 70, opacity: 1 },
          encoding: { y, x: x('z'), color: status, shape: { field: 'status', type: 'nominal', title: null, scale: { domain: [MET, MISSED], range: ['circle', 'triangle-up'] } }, tooltip },
        },
      ],
    },
  );
  return { name: 'targets', title, spec };
}

/** How many targets are met, the farthest one, and how many intervals lie wholly outside the tolerance. */
export function targetsCaption(c: CalibrationReport): string {
  const met = c.targets.filter((t) => t.met).length;
  const far = c.targets.reduce((a, b) => (Math.abs(b.miss) > Math.abs(a.miss) ? b : a));
  const shown = (t: TargetRow) => t.words
    ? `simulated ${t.words.simulated} against ${t.words.value} ${t.words.tolerance}`
    : `simulated ${raw(t.mean)} against ${raw(t.value)} ± ${raw(t.tolerance)}`;
  const outside = c.targets.filter((t) => (inTolerances(t, t.lo) ?? 0) > 1 || (inTolerances(t, t.hi) ?? 0) < -1).length;
  return `${met} of ${c.targets.length} targets are within their tolerance. The farthest from its target is ${far.model}: ${far.target}, ${shown(far)} (${signed(far.miss, 2)} tolerances). ` +
    `${outside === 0 ? 'No target has' : `${outside} target${outside === 1 ? ' has' : 's have'}`} a 95% confidence interval lying wholly outside its tolerance band.`;
}

function page(c: CalibrationReport, chart: Chart): string {
  const met = c.targets.filter((t) => t.met).length;
  const models = [...new Set(c.targets.map((t) => t.model))];
  const rows = c.targets.map((t) => {
    const w = t.words;
    const cellsOf = w ? [w.figure, w.value, w.tolerance, w.simulated, w.ci95] : ['', raw(t.value), `±${raw(t.tolerance)}`, raw(t.mean), `${raw(t.lo)} to ${raw(t.hi)}`];
    return `<tr><td>${esc(t.model)}</td><td>${esc(t.target)}</td>${cellsOf.map((x, i) => `<td${i === 0 ? ' style="text-align:left"' : ''}>${esc(x)}</td>`).join('')}<td>${t.met ? 'yes' : `<strong>no</strong> (${esc(signed(t.miss, 1))} tol)`}</td></tr>`;
  });
  const item = (k: string, v: string) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`;
  const libraries = Object.entries(libraryVersions()).map(([k, v]) => `${k} ${v}`).join(', ');
  return renderPage({
    title: `Calibration: ${c.targets.length} targets of ${models.join(', ')}`,
    lead: [`${met} of ${c.targets.length} targets within their tolerance.`],
    before: [`<section id="targets">
<h2>Targets</h2>
<table class="targets"><thead><tr><th>model</th><th>target</th><th style="text-align:left">seed figure</th><th>value</th><th>tolerance</th><th>simulated mean</th><th>95% CI</th><th>met</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
</section>`],
    figures: [{ ...chart, caption: targetsCaption(c) }],
    after: [`<section id="run">
<h2>What this calibration was</h2>
<dl>
${c.meta.map(([k, v]) => item(k, v)).join('\n')}
${item('files', 'calibration.md and targets.csv beside this page')}
${item('charts drawn with', libraries)}
</dl>
</section>`],
  });
}

/**
 * Writes `charts/targets.vl.json`, `.svg`, `.png` and `report.html` into a calibration report
 * folder holding targets.csv (and calibration.md), each file atomically. Returns the files
 * written, relative to `dir`. Throws an InputError if targets.csv is missing or malformed.
 */
export async function writeCalibrationCharts(dir: string): Promise<string[]> {
  const report = loadCalibration(dir);
  const chart = targetsChart(report);
  const { files } = await writeCharts(join(dir, 'charts'), [chart]);
  writeAtomic(join(dir, 'report.html'), page(report, chart));
  return [...files.map((f) => `charts/${f}`), 'report.html'];
}
