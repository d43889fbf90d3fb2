/**
 * Charts fit for a slide: every chart of every model (its run report, in English and Dutch) and of
 * every experiment is rendered, and no text lies outside the SVG or was shortened with "…" (from
 * the SVG's text extents, `src/report/svg-text.ts`). Short runs (2 replicates, 6 months): the
 * labels are the models' own (scenario names, headline and factor labels), the numbers do not matter.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runExperiment } from '../../src/experiment/pipeline.ts';
import { runPipeline } from '../../src/pipeline.ts';
import { buildCharts } from '../../src/report/charts.ts';
import { loadRun } from '../../src/report/data.ts';
import { writeReport } from '../../src/report/index.ts';
import { toSvg } from '../../src/report/render.ts';
import { textBoxes, textProblems } from '../../src/report/svg-text.ts';
import { topLevel } from '../../src/report/marks.ts';
import { ROOT } from './helpers.ts';

const base = mkdtempSync(join(tmpdir(), 'uitstroom-overflow-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const MODELS = readdirSync(join(ROOT, 'models')).filter((f) => f.endsWith('.ts') && f !== 'profiles.ts');
const EXPERIMENTS = readdirSync(join(ROOT, 'models/experiments')).filter((f) => f.endsWith('.ts'));

describe('the text extents check', () => {
  it('finds a label Vega shortened and text outside the picture', async () => {
    const spec = topLevel('t', 's', {
      data: { values: [{ label: 'a label far longer than the room it is given on the axis', v: 1 }] },
      mark: 'bar', encoding: { y: { field: 'label', type: 'nominal', axis: { labelLimit: 60 } }, x: { field: 'v', type: 'quantitative' } },
    });
    const problems = textProblems(await toSvg(spec));
    expect(problems.map((p) => p.problem)).toContain('truncated');
    const outside = '<svg width="100" height="50"><g transform="translate(90,20)"><text text-anchor="start" transform="translate(0,0)" font-size="11px">far too wide</text></g></svg>';
    expect(textProblems(outside)).toEqual([expect.objectContaining({ problem: 'outside', text: 'far too wide' })]);
    // a rotated axis title measures along its height
    const [box] = textBoxes('<svg width="100" height="50"><text text-anchor="middle" transform="translate(10,25) rotate(-90)" font-size="10px">People</text></svg>');
    expect(box.y1 - box.y0).toBeGreaterThan(box.x1 - box.x0);
  });
});

describe.each(MODELS)('every chart of %s fits', (file) => {
  it('in English and Dutch', async () => {
    const r = await runPipeline({ modelFile: join(ROOT, 'models', file), runs: 2, months: 6, seed: 1, workers: 0, out: join(base, file) });
    for (const lang of ['en', 'nl'] as const) {
      for (const chart of buildCharts(loadRun(r.dir, lang))) {
        expect(textProblems(await toSvg(chart.spec)), `${file} ${lang} ${chart.name}`).toEqual([]);
      }
    }
  });
});

/** A trial measures at a month the run must reach (`src/experiment/check.ts`). */
const MONTHS: Record<string, number> = { 'participation-trial.ts': 45 }; // the trial is measured a year after it starts in month 33

describe.each(EXPERIMENTS)('every chart of experiment %s fits', (file) => {
  it('as written to charts/, in English and Dutch', async () => {
    const { dir } = await runExperiment({ file: join(ROOT, 'models/experiments', file), runs: 2, months: MONTHS[file] ?? 6, workers: 0, out: join(base, `x-${file}`) });
    for (const lang of ['en', 'nl'] as const) {
      await writeReport(dir, lang);
      const charts = join(dir, 'charts');
      // a design may have no charts of its own; the policy-or-economy factorial certainly has
      const svgs = existsSync(charts) ? readdirSync(charts).filter((f) => f.endsWith('.svg')) : [];
      if (file === 'policy-vs-economy.ts') expect(svgs.length).toBeGreaterThan(3);
      for (const svg of svgs) expect(textProblems(readFileSync(join(dir, 'charts', svg), 'utf8')), `${file} ${lang} ${svg}`).toEqual([]);
    }
  });
});
