/**
 * Shards and merge: --shard parsing (flags and the Slurm / Kubernetes environment), the replicate
 * blocks, and a run split into shards and merged byte-identical to one machine; a merge refuses
 * shards that are missing, doubled, unfinished or of another run, and writes nothing then.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, statSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shardMsg } from '../../src/batch/messages.ts';
import { parseShard, shardReplicates } from '../../src/batch/shard.ts';
import { mergeShards } from '../../src/merge.ts';
import { runPipeline } from '../../src/pipeline.ts';

const MODEL_FILE = fileURLToPath(new URL('../fixtures/small.ts', import.meta.url));
const RUNS = 7;
const MONTHS = 12;
const SEED = 99;
const DATA_FILES = ['series.csv', 'replicates.csv', 'summary.json'];

describe('parseShard', () => {
  it('reads i/n counting from 0', () => {
    expect(parseShard('0/4')).toEqual({ index: 0, count: 4 });
    expect(parseShard('3/4')).toEqual({ index: 3, count: 4 });
  });
  it.each(['4/4', '1', 'a/2', '1/0', '1/2/3', '-1/2'])('refuses %s with a message naming it', (spec) => {
    expect(() => parseShard(spec, {})).toThrow(/--shard/);
  });
  it('auto reads SLURM_ARRAY_TASK_ID less SLURM_ARRAY_TASK_MIN, and SLURM_ARRAY_TASK_COUNT', () => {
    expect(parseShard('auto', { SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_COUNT: '4' })).toEqual({ index: 2, count: 4 });
    expect(parseShard('auto', { SLURM_ARRAY_TASK_ID: '4', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '4' })).toEqual({ index: 3, count: 4 });
  });
  it('auto/n reads a Kubernetes Indexed Job index', () => {
    expect(parseShard('auto/5', { JOB_COMPLETION_INDEX: '4' })).toEqual({ index: 4, count: 5 });
    expect(() => parseShard('auto', { JOB_COMPLETION_INDEX: '4' })).toThrow(shardMsg.noEnvCount);
    expect(() => parseShard('auto/4', {})).toThrow(shardMsg.noEnvIndex);
  });
  it('splits replicates into contiguous blocks that cover each exactly once', () => {
    const blocks = [0, 1, 2].map((i) => shardReplicates({ index: i, count: 3 }, RUNS));
    expect(blocks).toEqual([[0, 2], [2, 4], [4, 7]]);
    expect(() => shardReplicates({ index: 0, count: 8 }, RUNS)).toThrow(shardMsg.tooManyShards(8, RUNS));
  });
});

describe('shards merged equal one machine', () => {
  let base: string;
  const shardDirs: string[] = [];
  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'uitstroom-shard-'));
    await runPipeline({ modelFile: MODEL_FILE, runs: RUNS, seed: SEED, months: MONTHS, workers: 2, out: join(base, 'one') });
    for (let i = 0; i < 3; i++) {
      const r = await runPipeline({ modelFile: MODEL_FILE, runs: RUNS, seed: SEED, months: MONTHS, workers: i % 2, out: join(base, `shard${i}`), shard: { index: i, count: 3 } });
      shardDirs.push(r.dir);
    }
  });
  afterAll(() => {
    if (base) rmSync(base, { recursive: true, force: true });
  });

  it('a shard folder holds its results log and shard.json, no manifest (it is not a run)', () => {
    expect(readdirSync(shardDirs[0]).sort()).toEqual(['results.bin', 'shard.json']);
  });

  it.each(DATA_FILES)('%s of the merge (shards given in any order) is byte-identical', (name) => {
    const merged = mergeShards([shardDirs[2], shardDirs[0], shardDirs[1]], join(base, 'merged'));
    const one = readFileSync(join(base, 'one', name));
    expect(one.length).toBeGreaterThan(100);
    expect(readFileSync(join(merged.dir, name)).equals(one)).toBe(true);
    const manifest = JSON.parse(readFileSync(join(merged.dir, 'manifest.json'), 'utf8'));
    expect(manifest.shards.map((s: { index: number }) => s.index)).toEqual([0, 1, 2]);
    expect(manifest.masterSeed).toBe(SEED);
    rmSync(merged.dir, { recursive: true });
  });

  it('refuses a missing shard, a doubled one, a short log and another run, writing nothing', async () => {
    const out = join(base, 'refused');
    expect(() => mergeShards([shardDirs[0], shardDirs[2]], out)).toThrow(shardMsg.mergeMissing(3, [1]));
    expect(() => mergeShards([shardDirs[0], shardDirs[1], shardDirs[1], shardDirs[2]], out)).toThrow(shardMsg.mergeDoubled(1, [shardDirs[1], shardDirs[1]]));
    expect(() => mergeShards([shardDirs[0], join(base, 'one')], out)).toThrow(shardMsg.mergeNotShard(join(base, 'one')));
    const short = join(base, 'short');
    cpSync(shardDirs[1], short, { recursive: true });
    truncateSync(join(short, 'results.bin'), statSync(join(short, 'results.bin')).size - 1);
    expect(() => mergeShards([shardDirs[0], short, shardDirs[2]], out)).toThrow(shardMsg.mergeShort(short, 4, 3));
    const other = await runPipeline({ modelFile: MODEL_FILE, runs: RUNS, seed: SEED + 1, months: MONTHS, workers: 0, out: join(base, 'other'), shard: { index: 1, count: 3 } });
    expect(() => mergeShards([shardDirs[0], other.dir, shardDirs[2]], out)).toThrow(/master seed: 99 vs 100/);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(out + '.incomplete')).toBe(false);
  });
});
