/**
 * Chart specs of a seeded run: their structure (snapshot, data replaced by row counts and fields),
 * that they compile without warnings, and that the numbers they carry are the run's numbers
 * (summary.json, series.csv) — so a chart never shows something the files do not say.
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCharts, CONTRAST_GROUPS, type Chart } from '../../src/report/charts.ts';
import { loadRun, type RunData } from '../../src/report/data.ts';
import { savings } from '../../src/report/derive.ts';
import { compileSpec } from '../../src/report/render.ts';
import { PALETTE } from '../../src/report/theme.ts';
import { smallRun } from './helpers.ts';

const RUNS = 4;
let run: RunData;
let charts: Chart[];
const byName = (name: string) => charts.find((c) => c.name === name)!;

beforeAll(async () => {
  run = loadRun(await smallRun({ runs: RUNS }));
  charts = buildCharts(run);
});
afterAll(() => rmSync(dirname(run.dir), { recursive: true, force: true }));

/** The spec with every inline data array replaced by its row count and fields (config is tested apart). */
function structure(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(structure);
  if (x && typeof x === 'object') {
    return Object.fromEntries(
      Object.entries(x).filter(([k]) => k !== 'config').map(([k, v]) =>
        k === 'values' && Array.isArray(v) ? [k, { rows: v.length, fields: Object.keys(v[0] ?? {}) }] : [k, structure(v)],
      ),
    );
  }
  return x;
}

/** Every `data.values` array of a spec, in order. */
function dataOf(x: unknown, out: Record<string, unknown>[][] = []): Record<string, unknown>[][] {
  if (Array.isArray(x)) x.forEach((v) => dataOf(v, out));
  else if (x && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) {
      if (k === 'values' && Array.isArray(v)) out.push(v as Record<string, unknown>[]);
      else dataOf(v, out);
    }
  }
  return out;
}

const close = (a: number, b: number, tol = 1e-9) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));

describe('chart specs', () => {
  it('are the six charts of a two-scenario run, in report order', () => {
    expect(charts.map((c) => c.name)).toEqual(['caseload', 'exits-by-route', 'inflow', 'composition', 'contrasts', 'costs']);
  });

  it('compile with Vega-Lite without a single warning', () => {
    for (const c of charts) expect({ name: c.name, warnings: compileSpec(c.spec).warnings }).toEqual({ name: c.name, warnings: [] });
  });

  it('keep their structure (snapshot: data replaced by row counts and fields, config left out)', () => {
    for (const c of charts) expect(structure(c.spec)).toMatchSnapshot(c.name);
  });

  it('use the shipped font, white background and one Okabe-Ito colour per scenario everywhere', () => {
    for (const c of charts) {
      const spec = c.spec as unknown as { config: { font: string; background: string } };
      expect(spec.config.font).toBe('DejaVu Sans');
      expect(spec.config.background).toBe('white');
      const text = JSON.stringify(c.spec);
      for (const m of text.matchAll(/"domain":\["as-is","no-policy"\],"range":(\[[^\]]*\])/g)) expect(JSON.parse(m[1])).toEqual(PALETTE.slice(0, 2));
    }
  });
});

describe('chart data are the run\'s numbers', () => {
  it('caseload: 25 points per scenario; the last mean is summary caseloadEnd, the bands match series.csv', () => {
    const rows = dataOf(byName('caseload').spec)[0] as { scenario: string; mean: number; p05: number; p25: number; p75: number; p95: number }[];
    for (const s of run.scenarios) {
      const mine = rows.filter((r) => r.scenario === s);
      expect(mine).toHaveLength(run.months + 1);
      close(mine[run.months].mean, run.summary.scenarios[s].caseloadEnd.mean, 1e-7);
      const end = run.series(s, 'caseloadEnd');
      for (let t = 0; t < run.months; t++) {
        close(mine[t + 1].p05, end.p05[t], 1e-9);
        close(mine[t + 1].p95, end.p95[t], 1e-9);
        expect(mine[t + 1].p25).toBeGreaterThanOrEqual(mine[t + 1].p05);
        expect(mine[t + 1].p75).toBeLessThanOrEqual(mine[t + 1].p95);
      }
    }
  });

  it('exits: the monthly means of series.csv, three routes per month, summing to the headline totals', () => {
    const rows = dataOf(byName('exits-by-route').spec)[0] as { scenario: string; route: string; mean: number }[];
    expect(rows).toHaveLength(run.scenarios.length * 3 * run.months);
    for (const s of run.scenarios) {
      const total = rows.filter((r) => r.scenario === s).reduce((a, r) => a + r.mean, 0);
      close(total, run.summary.scenarios[s].exitsTotal.mean, 1e-7);
    }
  });

  it('contrasts: every shown difference is summary.json\'s, with its interval', () => {
    const rows = dataOf(byName('contrasts').spec).flat().filter((r) => 'metric' in r) as { scenario: string; metric: string; mean: number; ciLo: number; ciHi: number }[];
    expect(rows).toHaveLength(CONTRAST_GROUPS.reduce((n, g) => n + g.metrics.length, 0));
    for (const r of rows) {
      const c = run.summary.contrasts.find((x) => x.metric === r.metric && x.scenario === r.scenario)!;
      expect(c).toBeDefined();
      close(r.mean, c.difference.mean, 1e-7);
      close(r.ciLo, c.difference.ci95[0], 1e-7);
      close(r.ciHi, c.difference.ci95[1], 1e-7);
    }
  });

  it('costs: cumulative cost ends at the total cost; the saving ends at the paired total-cost contrast', () => {
    type Row = { scenario?: string; against?: string; mean: number; paid?: boolean; month: string };
    const [costRows, savingRows, , payback] = dataOf(byName('costs').spec) as Row[][];
    for (const s of run.scenarios) {
      const mine = costRows.filter((r) => r.scenario === s);
      close(mine[run.months - 1].mean, run.summary.scenarios[s].totalCost.mean, 1e-6);
    }
    const contrast = run.summary.contrasts.find((c) => c.scenario === 'no-policy' && c.metric === 'totalCost')!;
    close(savingRows[run.months - 1].mean, contrast.difference.mean, 1e-6);
    // the payback mark is the first month whose mean saving is positive
    const [s] = savings(run);
    expect(payback).toHaveLength(1);
    expect(payback[0].paid).toBe(s.paybackMonth !== null);
    if (s.paybackMonth !== null) {
      expect(s.bands[s.paybackMonth].mean).toBeGreaterThan(0);
      expect(s.bands.slice(0, s.paybackMonth).every((b) => b.mean <= 0)).toBe(true);
    }
  });

  it('months are dates from the manifest start month, in words in tooltips', () => {
    const rows = dataOf(byName('caseload').spec)[0] as { date: number; month: string }[];
    expect(rows[0]).toMatchObject({ date: Date.UTC(2015, 0, 1), month: 'Jan 2015' });
    expect(rows[run.months]).toMatchObject({ date: Date.UTC(2017, 0, 1), month: 'Jan 2017' });
  });
});

describe('a run with one scenario', () => {
  it('has no contrasts chart, a cost chart without savings, and captions without gaps', async () => {
    const { CAPTIONS } = await import('../../src/report/captions.ts');
    const single: RunData = { ...run, scenarios: ['as-is'], summary: { ...run.summary, contrasts: [] } };
    const list = buildCharts(single);
    expect(list.map((c) => c.name)).toEqual(['caseload', 'exits-by-route', 'inflow', 'composition', 'costs']);
    for (const c of list) expect(compileSpec(c.spec).warnings).toEqual([]);
    for (const c of list) expect(CAPTIONS[c.name](single)).not.toMatch(/NaN|undefined|n\/a/);
  });
});
