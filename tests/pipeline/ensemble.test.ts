/**
 * Runs over an ensemble of parameter sets (models/ensemble.json, src/calibration/ensemble.ts):
 * a single-point ensemble at the model's own values gives today's results byte for byte; with two
 * sets, replicate r runs set r mod 2 (so it equals that replicate of a run of the set alone), and
 * the summary splits each interval into parameters and chance.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensembleJson } from '../fixtures/ensemble-file.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/load.ts';
import { runPipeline } from '../../src/pipeline.ts';
import type { SummaryFile } from '../../src/output/summary.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/small.ts', import.meta.url));
const RUNS = 6;
const SEED = 42;
const MONTHS = 24;
const DATA_FILES = ['series.csv', 'replicates.csv', 'summary.json'];

let base: string;
let folder: string;

/** A model folder of its own: the fixture re-exported, and the given ensemble.json beside it. */
function modelWith(name: string, sets: Record<string, number>[] | null): string {
  const dir = join(folder, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'town.ts'), `export { default } from ${JSON.stringify(FIXTURE)};\n`);
  if (sets) {
    writeFileSync(join(dir, 'ensemble.json'), ensembleJson(sets));
  }
  return join(dir, 'town.ts');
}

const read = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8');

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'uitstroom-ensemble-'));
  // model files must import from inside the project (tsx resolves the fixture's imports from there)
  folder = mkdtempSync(join(fileURLToPath(new URL('.', import.meta.url)), '.ensemble-'));
});

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
  rmSync(folder, { recursive: true, force: true });
});

describe('runs over an ensemble', () => {
  it('a single-point ensemble at the model\'s own values gives today\'s results byte for byte', async () => {
    const today = await runPipeline({ modelFile: modelWith('plain', null), runs: RUNS, seed: SEED, months: MONTHS, workers: 0, out: join(base, 'plain') });
    const point = await runPipeline({ modelFile: modelWith('point', [{ 'inflow.applicantsPerMonth': 40 }]), runs: RUNS, seed: SEED, months: MONTHS, workers: 0, out: join(base, 'point') });
    for (const f of DATA_FILES) expect(read(point.dir, f), f).toBe(read(today.dir, f));
    const manifest = JSON.parse(read(point.dir, 'manifest.json')) as { ensemble: { sets: number } | null };
    expect(manifest.ensemble?.sets).toBe(1);
  });

  it('--no-ensemble runs the fitted point even when an ensemble is there', async () => {
    const off = await runPipeline({ modelFile: modelWith('two-off', [{ 'inflow.applicantsPerMonth': 20 }, { 'inflow.applicantsPerMonth': 80 }]), runs: RUNS, seed: SEED, months: MONTHS, workers: 0, out: join(base, 'off'), noEnsemble: true });
    const today = read(join(base, 'plain'), 'replicates.csv');
    expect(read(off.dir, 'replicates.csv')).toBe(today);
    expect(JSON.parse(read(off.dir, 'manifest.json')).ensemble).toBeNull();
  });

  it('replicate r runs set r mod K, with the seeds of replicate r (common random numbers within each set)', async () => {
    const two = await runPipeline({ modelFile: modelWith('two', [{ 'inflow.applicantsPerMonth': 20 }, { 'inflow.applicantsPerMonth': 80 }]), runs: RUNS, seed: SEED, months: MONTHS, workers: 2, out: join(base, 'two') });
    const low = await runPipeline({ modelFile: modelWith('low', [{ 'inflow.applicantsPerMonth': 20 }]), runs: RUNS, seed: SEED, months: MONTHS, workers: 0, out: join(base, 'low') });
    const high = await runPipeline({ modelFile: modelWith('high', [{ 'inflow.applicantsPerMonth': 80 }]), runs: RUNS, seed: SEED, months: MONTHS, workers: 0, out: join(base, 'high') });
    const rows = (dir: string, r: number) => read(dir, 'replicates.csv').split('\n').filter((l) => l.split(',')[5] === String(r));
    for (let r = 0; r < RUNS; r++) expect(rows(two.dir, r)).toEqual(rows(r % 2 === 0 ? low.dir : high.dir, r));
    expect(rows(low.dir, 0)).not.toEqual(rows(high.dir, 0));
  });

  it('splits each interval into parameters and chance: with inflow at 20 or 80 a month, parameters dominate the caseload\'s spread', () => {
    const s = JSON.parse(read(join(base, 'two'), 'summary.json')) as SummaryFile;
    const end = s.scenarios['as-is'].caseloadEnd.uncertainty!;
    expect(end.sets).toBe(2);
    expect(end.perSet).toBe(3);
    expect(end.parameterShare).toBeGreaterThan(0.8);
    expect(end.parameterShare + end.chanceShare).toBeCloseTo(1, 6); // each rounded to 8 digits in summary.json
    expect(end.interval95[1] - end.interval95[0]).toBeGreaterThan(0);
    expect(s.ensemble?.sets).toBe(2);
    const c = s.contrasts.find((x) => x.metric === 'caseloadEnd')!;
    expect(c.uncertainty).toBeDefined();
    expect(c.uncertainty!.sameSign).toBeGreaterThanOrEqual(0);
    expect(c.uncertainty!.sameSign).toBeLessThanOrEqual(1);
    // the point run has none of it
    const plain = JSON.parse(read(join(base, 'plain'), 'summary.json')) as SummaryFile;
    expect(plain.scenarios['as-is'].caseloadEnd.uncertainty).toBeUndefined();
    expect(plain.ensemble).toBeUndefined();
  });

  it('a set naming a path the model does not have is an input error naming the file and the path', async () => {
    await expect(runPipeline({ modelFile: modelWith('bad', [{ 'inflow.noSuchField': 1 }]), runs: 2, seed: SEED, months: 6, workers: 0, out: join(base, 'bad') }))
      .rejects.toThrow(InputError);
    await expect(runPipeline({ modelFile: modelWith('bad2', [{ 'inflow.noSuchField': 1 }]), runs: 2, seed: SEED, months: 6, workers: 0, out: join(base, 'bad2') }))
      .rejects.toThrow(/ensemble\.json.*inflow\.noSuchField/);
  });
});
