import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runExperiment, type ExperimentResult } from '../../src/experiment/pipeline.ts';
import { validateExperiment } from '../../src/experiment/load.ts';
import { InputError } from '../../src/model/load.ts';

const FILE = 'tests/fixtures/experiments/small-factorial.ts';
const tmp = () => join(mkdtempSync(join(tmpdir(), 'uitstroom-exp-')), 'out');
const read = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8');
const rows = (text: string) => text.trim().split('\n').map((l) => l.split(','));

let inThread: ExperimentResult;
beforeAll(async () => {
  inThread = await runExperiment({ file: FILE, workers: 0, out: tmp() });
}, 60_000);

describe('runExperiment on a factorial', () => {
  it('writes every file, manifest last, and the verdicts', () => {
    for (const f of ['cells.csv', 'effects.csv', 'decomposition.csv', 'costs.csv', 'series.csv', 'replicates.csv', 'verdict.txt', 'manifest.json']) {
      expect(existsSync(join(inThread.dir, f)), f).toBe(true);
    }
    const manifest = JSON.parse(read(inThread.dir, 'manifest.json'));
    expect(manifest.files).toContain('decomposition.csv');
    expect(manifest.seed).toBe(7);
    expect(inThread.report.some((l) => /^In this experiment, .* explains \d+% \(95% CI \d+-\d+%\) of the variation in caseload change/.test(l))).toBe(true);
  });

  it('two identical policy levels differ by exactly nothing: common random numbers, paired', () => {
    const effects = rows(read(inThread.dir, 'effects.csv'));
    const head = effects[0];
    const col = (n: string) => head.indexOf(n);
    const same = effects.filter((r) => r[col('level')] === 'nothing-either' && r[col('factor')] === 'policy');
    expect(same.length).toBe(3 * 2); // 3 outcomes x 2 economies
    for (const r of same) {
      expect(Number(r[col('mean_difference')])).toBe(0);
      expect(Number(r[col('se')])).toBe(0);
      expect(r[col('se_kind')]).toBe('paired (common random numbers)');
    }
  });

  it('a policy factor whose levels do nothing gets ~0% of the variation; the economy and chance get the rest', async () => {
    // the same experiment without the real policy level: the policy factor has no effect at all
    const mod = (await import(`../../${FILE}`)).default;
    const inert = structuredClone(mod);
    inert.design.factors[0].levels = inert.design.factors[0].levels.slice(0, 2);
    inert.outcomes = ['caseload-change'];
    const r = await runExperiment({ file: FILE, workers: 0, out: tmp() }, inert);
    const d = rows(read(r.dir, 'decomposition.csv'));
    const share = (component: string) => Number(d.find((x) => x[1] === component)![3]);
    // exactly zero: identical cells under common random numbers (tolerance 1e-12)
    expect(share('policy')).toBeLessThan(1e-12);
    expect(share('policy×economy')).toBeLessThan(1e-12);
    expect(share('economy') + share('chance')).toBeCloseTo(1, 12);
    expect(share('economy')).toBeGreaterThan(0.5); // recession vs boom moves a small town's caseload a lot
    expect(r.report.join('\n')).toMatch(/the policy 0% \(0-0%\)/);
  }, 60_000);

  it('costs: the policy cell has a net saving against none, the rule of thumb, and a payback month or none', () => {
    const c = rows(read(inThread.dir, 'costs.csv'));
    const head = c[0];
    const policy = c.filter((r) => r[0] === 'small');
    expect(policy).toHaveLength(2);
    for (const r of policy) {
      expect(r[head.indexOf('net_saving')]).not.toBe('');
      expect(Number(r[head.indexOf('rule_of_thumb_per_year')])).toBeCloseTo(14_000 * Number(r[head.indexOf('fewer_recipients_at_end')]), 6);
    }
    expect(c.filter((r) => r[0] === 'none').every((r) => r[head.indexOf('net_saving')] === '')).toBe(true);
  });

  it('byte-identical files whatever the number of workers', async () => {
    const pooled = await runExperiment({ file: FILE, workers: 2, out: tmp() });
    for (const f of ['cells.csv', 'effects.csv', 'decomposition.csv', 'costs.csv', 'series.csv', 'replicates.csv', 'verdict.txt']) {
      expect(read(pooled.dir, f), f).toBe(read(inThread.dir, f));
    }
  }, 60_000);
});

describe('experiment files with mistakes', () => {
  it('an unknown field names the path and what was expected', () => {
    expect(() => validateExperiment({ kind: 'experiment', name: 'x', description: '', question: '', design: { kind: 'factorial', base: 'small', factors: [] }, replicates: 1, seed: 1, replicatse: 2 }, 'x.ts')).toThrow(
      /x\.ts: .*\n.*at (design\.factors: expected at least 1 items|\(top level\): unknown field 'replicatse')/,
    );
  });

  it('a model that does not exist is named', async () => {
    const mod = structuredClone((await import(`../../${FILE}`)).default);
    mod.design.base = 'atlantis';
    await expect(runExperiment({ file: FILE, workers: 0, out: tmp() }, mod)).rejects.toThrow(InputError);
    await expect(runExperiment({ file: FILE, workers: 0, out: tmp() }, mod)).rejects.toThrow(/names the model 'atlantis'/);
  });
});
