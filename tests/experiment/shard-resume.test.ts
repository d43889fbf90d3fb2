/**
 * Experiments split into shards and merged, and an interrupted experiment resumed: every table
 * equals the one-machine, uninterrupted run's byte for byte. The trial design refuses both.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shardMsg } from '../../src/batch/messages.ts';
import { BatchInterrupted } from '../../src/batch/run-batch.ts';
import { runExperiment } from '../../src/experiment/pipeline.ts';
import { mergeExperimentShards } from '../../src/merge.ts';

const FILE = 'tests/fixtures/experiments/small-factorial.ts';
const TABLES = ['cells.csv', 'effects.csv', 'decomposition.csv', 'costs.csv', 'series.csv', 'replicates.csv', 'verdict.txt'];
let base: string;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'uitstroom-exp-shard-'));
  await runExperiment({ file: FILE, workers: 2, out: join(base, 'one') });
});

afterAll(() => {
  if (base) rmSync(base, { recursive: true, force: true });
});

describe('experiment shards', () => {
  it.each([2, 3])('%i shards merged equal one machine, table for table', async (count) => {
    const dirs: string[] = [];
    for (let i = count - 1; i >= 0; i--) {
      const r = await runExperiment({ file: FILE, workers: i % 2, out: join(base, `of${count}-shard${i}`), shard: { index: i, count } });
      expect(r.shard).toBe(true);
      expect(readdirSync(r.dir).sort()).toEqual(['results.bin', 'shard.json']);
      dirs.push(r.dir);
    }
    const merged = await mergeExperimentShards(dirs, join(base, `merged${count}`));
    for (const t of TABLES) expect(readFileSync(join(merged.dir, t)).equals(readFileSync(join(base, 'one', t))), t).toBe(true);
  });
});

describe('experiment resume', () => {
  it('an experiment stopped part way and resumed equals the uninterrupted one', async () => {
    const out = join(base, 'stopped');
    let done = 0;
    await expect(runExperiment({ file: FILE, workers: 1, out, onProgress: (d) => (done = d), isCancelled: () => done >= 17 })).rejects.toThrow(BatchInterrupted);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(out + '.incomplete')).not.toContain('manifest.json');
    const progress: number[] = [];
    const r = await runExperiment({ file: '', workers: 0, resume: out + '.incomplete', onProgress: (d) => progress.push(d) });
    expect(progress[0]).toBe(18); // the 17 results kept are not run again
    expect(progress.at(-1)).toBe(3 * 2 * 6);
    expect(r.dir).toBe(out);
    for (const t of TABLES) expect(readFileSync(join(out, t)).equals(readFileSync(join(base, 'one', t))), t).toBe(true);
    expect(readdirSync(out)).not.toContain('results.bin');
  });

  it('the trial design refuses shards', async () => {
    await expect(runExperiment({ file: 'tests/fixtures/experiments/small-trial.ts', workers: 0, out: join(base, 'trial'), shard: { index: 0, count: 2 } })).rejects.toThrow(shardMsg.trialUnsupported);
  });
});
