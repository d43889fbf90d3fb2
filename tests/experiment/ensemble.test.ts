/**
 * A factorial experiment over the calibration's ensemble (src/experiment/ensemble.ts): replicate r
 * of every cell runs parameter set r mod K, the verdict gives each share with its range over the
 * sets and the share of sets with the same sign of each effect; --no-ensemble and a single-point
 * ensemble give today's results byte for byte.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensembleJson } from '../fixtures/ensemble-file.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExperiment, type ExperimentResult } from '../../src/experiment/pipeline.ts';

const TOWN = fileURLToPath(new URL('../fixtures/small.ts', import.meta.url));
const EXPERIMENT = fileURLToPath(new URL('../fixtures/experiments/small-factorial.ts', import.meta.url));

let base: string;
let folder: string;

/** A models folder: the fixture town as `small`, the fixture experiment, and the given ensemble. */
function setup(name: string, sets: Record<string, number>[] | null): string {
  const dir = join(folder, name);
  mkdirSync(join(dir, 'experiments'), { recursive: true });
  writeFileSync(join(dir, 'small.ts'), `export { default } from ${JSON.stringify(TOWN)};\n`);
  writeFileSync(join(dir, 'experiments', 'e.ts'), `export { default } from ${JSON.stringify(EXPERIMENT)};\n`);
  if (sets) {
    writeFileSync(join(dir, 'ensemble.json'), ensembleJson(sets));
  }
  return join(dir, 'experiments', 'e.ts');
}

const read = (r: ExperimentResult, f: string) => readFileSync(join(r.dir, f), 'utf8');
const runs: Record<string, ExperimentResult> = {};

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'uitstroom-exp-ensemble-'));
  folder = mkdtempSync(join(fileURLToPath(new URL('.', import.meta.url)), '.ensemble-'));
  runs.plain = await runExperiment({ file: setup('plain', null), workers: 0, out: join(base, 'plain') });
  runs.point = await runExperiment({ file: setup('point', [{ 'inflow.applicantsPerMonth': 40 }]), workers: 0, out: join(base, 'point') });
  const two = [{ 'inflow.applicantsPerMonth': 15 }, { 'inflow.applicantsPerMonth': 90 }];
  runs.two = await runExperiment({ file: setup('two', two), workers: 2, out: join(base, 'two') });
  runs.off = await runExperiment({ file: setup('off', two), workers: 0, out: join(base, 'off'), noEnsemble: true });
}, 240_000);

afterAll(() => {
  if (process.env.KEEP_ENSEMBLE_TEST) { console.log(readFileSync(join(runs.two.dir, "verdict.txt"), "utf8")); }
  rmSync(base, { recursive: true, force: true });
  rmSync(folder, { recursive: true, force: true });
});

describe('a factorial experiment over an ensemble', () => {
  it.each(['cells.csv', 'replicates.csv', 'decomposition.csv', 'effects.csv'])('%s: a single-point ensemble and --no-ensemble give today\'s file byte for byte', (f) => {
    expect(read(runs.point, f)).toBe(read(runs.plain, f));
    expect(read(runs.off, f)).toBe(read(runs.plain, f));
  });

  it('spreads the replicates over the sets: the outcomes differ from the point run', () => {
    expect(read(runs.two, 'replicates.csv')).not.toBe(read(runs.plain, 'replicates.csv'));
  });

  it('gives every share with its range over the sets, and the sign of every effect across them', () => {
    const rows = read(runs.two, 'decomposition-ensemble.csv').trim().split('\n').map((l) => l.split(','));
    expect(rows[0]).toEqual(['outcome', 'component', 'kind', 'mean_share', 'sets_p025', 'sets_p975', 'sets', 'runs_per_set']);
    const change = rows.filter((r) => r[0] === 'caseload-change');
    expect(change.map((r) => r[1])).toEqual(['policy', 'economy', 'policy×economy', 'chance']);
    const total = change.reduce((s, r) => s + Number(r[3]), 0);
    expect(total).toBeCloseTo(1, 9); // the mean shares of the sets add up, as each set's do
    for (const r of change) {
      expect(Number(r[4])).toBeLessThanOrEqual(Number(r[3]) + 1e-12);
      expect(Number(r[5])).toBeGreaterThanOrEqual(Number(r[3]) - 1e-12);
      expect(r[6]).toBe('2');
      expect(r[7]).toBe('3');
    }
    const effects = read(runs.two, 'ensemble-effects.csv').trim().split('\n').slice(1).map((l) => l.split(','));
    expect(effects.length).toBeGreaterThan(0);
    for (const x of effects) expect([0, 0.5, 1]).toContain(Number(x[7]));
    const verdict = read(runs.two, 'verdict.txt');
    expect(verdict).toMatch(/Over 2 parameter sets from the calibration's ensemble \(3 runs each\), .* explains \d+% \(95% of the sets: \d+-\d+%\)/);
    expect(verdict).toMatch(/the same sign in \d+% of them/);
    expect(verdict).toContain('Pooled over all runs');
    expect(JSON.parse(read(runs.two, 'manifest.json')).ensemble.sets).toBe(2);
    expect(JSON.parse(read(runs.plain, 'manifest.json')).ensemble).toBeNull();
  });
});
