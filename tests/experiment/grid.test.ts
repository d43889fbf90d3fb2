/**
 * The grid design: values from start/step/end computed exactly, parameters crossed (the last
 * fastest), a path that names no number refused, and a run that writes one tidy row per point x
 * replicate (Mesa's batch_run shape) whose means are the points' means in samples.csv.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import small from '../fixtures/small.ts';
import { gridModel, gridPoints, gridValues } from '../../src/experiment/grid.ts';
import { loadExperiment, validateExperiment } from '../../src/experiment/load.ts';
import { runExperiment, type ExperimentResult } from '../../src/experiment/pipeline.ts';
import { InputError, validateModel } from '../../src/model/load.ts';

const table = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8').trim().split('\n').map((l) => l.split(','));

describe('grid values and points', () => {
  it('start/step/end is inclusive and exact in decimal steps', () => {
    expect(gridValues({ name: 'a', path: 'x', start: 0.1, step: 0.1, end: 0.5 })).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(gridValues({ name: 'a', path: 'x', values: [3, 1] })).toEqual([3, 1]);
  });
  it('crosses parameters, the last varying fastest', () => {
    expect(gridPoints([{ name: 'a', path: 'x', values: [1, 2] }, { name: 'b', path: 'y', start: 10, step: 5, end: 20 }])).toEqual([
      [1, 10], [1, 15], [1, 20], [2, 10], [2, 15], [2, 20],
    ]);
  });
  it('refuses a missing design field, and a path that names no number of the model', () => {
    expect(() => validateExperiment({ kind: 'experiment', name: 'x', description: '', question: '', replicates: 1, seed: 1,
      design: { kind: 'grid', base: 'small', parameters: [{ name: 'a', path: 'x', start: 1, end: 2 }] } }, 'f.ts')).toThrow(/expected either values: \[...\] or start, step and end/);
    const model = validateModel(small, 'small.ts');
    expect(() => gridModel(model, [{ name: 'm', path: 'policies.1.caseManger', values: [1] }], [1], 12, 'f.ts')).toThrow(InputError);
    expect(() => gridModel(model, [{ name: 'm', path: 'policies.1.caseManagers', values: [-1] }], [-1], 12, 'f.ts')).toThrow(/caseManagers/);
    expect(gridModel(model, [{ name: 'm', path: 'policies.1.caseManagers', values: [7] }], [7], 12, 'f.ts').policies[1]).toMatchObject({ caseManagers: 7 });
  });
});

describe('runExperiment on a grid', () => {
  let r: ExperimentResult;
  beforeAll(async () => {
    r = await runExperiment({ file: 'tests/fixtures/experiments/small-grid.ts', workers: 1, format: 'parquet', out: join(mkdtempSync(join(tmpdir(), 'uitstroom-grid-')), 'out') });
  });

  it('writes one row per point x replicate with the parameter values in columns', () => {
    const rows = table(r.dir, 'replicates.csv');
    expect(rows[0]).toEqual(['point', 'managers', 'growth', 'replicate', 'master_seed', 'caseload-change', 'exits-to-work']);
    expect(rows.length - 1).toBe(3 * 2 * 4);
    expect(rows.slice(1, 6).map((x) => x.slice(0, 5))).toEqual([
      ['0', '0', '-2', '0', '3'], ['0', '0', '-2', '1', '3'], ['0', '0', '-2', '2', '3'], ['0', '0', '-2', '3', '3'], ['1', '0', '3', '0', '3'],
    ]);
  });

  it('with --format parquet every table is also Parquet, numbers as DOUBLE', async () => {
    const rows = (await parquetReadObjects({ file: await asyncBufferFromFile(join(r.dir, 'replicates.parquet')) })) as Record<string, unknown>[];
    const csv = table(r.dir, 'replicates.csv');
    expect(rows.length).toBe(csv.length - 1);
    expect(Object.keys(rows[0])).toEqual(csv[0]);
    expect(rows[5]).toMatchObject({ point: 1, managers: 0, growth: 3, replicate: 1, master_seed: 3, 'caseload-change': Number(csv[6][5]) });
  });

  it('samples.csv holds each point\'s mean over its replicates, and the parameters change the outcome', () => {
    const reps = table(r.dir, 'replicates.csv').slice(1);
    const samples = table(r.dir, 'samples.csv');
    expect(samples[0]).toEqual(['managers', 'growth', 'caseload-change', 'exits-to-work']);
    for (let k = 0; k < 6; k++) {
      const mine = reps.filter((x) => x[0] === String(k)).map((x) => Number(x[5]));
      expect(Number(samples[k + 1][2])).toBeCloseTo(mine.reduce((s, v) => s + v, 0) / mine.length, 6);
    }
    // a boom lowers the caseload against a recession at every staffing level
    for (let m = 0; m < 3; m++) expect(Number(samples[2 * m + 2][2])).toBeLessThan(Number(samples[2 * m + 1][2]));
    expect(r.report.some((l) => l.startsWith('caseload change') || /managers=0 growth=-2: /.test(l))).toBe(true);
  });
});

describe('the README sweep (models/experiments/sanctions-sweep.ts)', () => {
  it('is valid, and each of its 5 points is a valid Rotterdam with that strictness', async () => {
    const { experiment, models } = await loadExperiment('models/experiments/sanctions-sweep.ts');
    if (experiment.design.kind !== 'grid') throw new Error('not a grid');
    const points = gridPoints(experiment.design.parameters);
    expect(points).toEqual([[0.1], [0.2], [0.3], [0.4], [0.5]]);
    expect(experiment.replicates).toBe(20);
    for (const x of points) {
      const m = gridModel(models.get('rotterdam')!.model, experiment.design.parameters, x, 12, 'sanctions-sweep.ts');
      expect(m.policies.find((p) => p.type === 'sanctions')).toMatchObject({ strictness: x[0] });
    }
  });
});
