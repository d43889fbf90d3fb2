/**
 * runBatch: results in task order whatever the number of workers, identical series; a replicate
 * that throws stops the batch with a ReplicateError naming scenario, replicate and seed, and the
 * promise settles (no hang, the pool is torn down); cancellation stops with BatchInterrupted.
 */
import { existsSync, readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import small from '../fixtures/small.ts';
import { BatchInterrupted, ReplicateError, runBatch, tasksOf } from '../../src/batch/run-batch.ts';
import { METRIC_COUNT } from '../../src/engine/metrics.ts';
import { validateModel } from '../../src/model/load.ts';

const model = validateModel(small, 'tests/fixtures/small.ts');
const RUNS = 3;
const MONTHS = 12;
const SEED = 4242;

interface Delivered {
  order: [number, number][];
  series: Float64Array[];
  progress: [number, number][];
}

async function collect(workers: number): Promise<Delivered> {
  const out: Delivered = { order: [], series: [], progress: [] };
  await runBatch({
    model, runs: RUNS, masterSeed: SEED, months: MONTHS, workers,
    onResult: (s, r, series) => {
      out.order.push([s, r]);
      out.series.push(Float64Array.from(series));
    },
    onProgress: (d, t) => out.progress.push([d, t]),
  });
  return out;
}

/** Settles `p` or fails after `ms`: a hang shows up as a clear failure, not a test timeout. */
function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not settle within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** OS threads of this process (Linux): every worker thread adds to it. */
const hasProc = existsSync('/proc/self/task');
const threads = () => readdirSync('/proc/self/task').length;

describe('runBatch: order and determinism', () => {
  const expectedOrder: [number, number][] = [];
  for (let r = 0; r < RUNS; r++) for (let s = 0; s < 2; s++) expectedOrder.push([s, r]);

  let inThread: Delivered;
  beforeAll(async () => {
    inThread = await collect(0);
  });

  it('workers 0: task order is replicate-major, then scenario', () => {
    expect(inThread.order).toEqual(expectedOrder);
    expect(inThread.progress).toEqual(expectedOrder.map((_, k) => [k + 1, expectedOrder.length]));
    for (const s of inThread.series) expect(s.length).toBe(MONTHS * METRIC_COUNT);
    // replicates differ from each other, and the scenarios differ within a replicate
    expect(inThread.series[0]).not.toEqual(inThread.series[2]);
    expect(inThread.series[0]).not.toEqual(inThread.series[1]);
    // tasksOf lists the same order
    expect([...tasksOf(model, RUNS, SEED, MONTHS)].map((t) => [t.scenarioIndex, t.replicate])).toEqual(expectedOrder);
  });

  it.each([1, 2])('workers %i: same order, identical series, progress counted up', async (workers) => {
    const got = await collect(workers);
    expect(got.order).toEqual(expectedOrder);
    expect(got.progress).toEqual(inThread.progress);
    expect(got.series).toHaveLength(inThread.series.length);
    got.series.forEach((s, k) => expect(Array.from(s)).toEqual(Array.from(inThread.series[k])));
  });

  it('another master seed gives other series', async () => {
    const other: Float64Array[] = [];
    await runBatch({ model, runs: 1, masterSeed: SEED + 1, months: MONTHS, workers: 0, onResult: (_s, _r, x) => other.push(Float64Array.from(x)) });
    expect(Array.from(other[0])).not.toEqual(Array.from(inThread.series[0]));
  });
});

describe('runBatch: a replicate that throws', () => {
  // Valid data, but the engine throws at run time: the historical economy has no data for 2030,
  // and only the scenario "hist" uses it. Tasks: (as-is, 0) succeeds, (hist, 0) throws.
  const failing = validateModel(
    {
      ...structuredClone(small),
      startMonth: '2030-01',
      scenarios: [{ name: 'hist', description: 'historical growth where there is no history', growth: 'historical' }],
    },
    'failing.ts',
  );

  it.each([0, 1, 2])('workers %i: ReplicateError with scenario, replicate and seed; the batch stops', async (workers) => {
    const delivered: [number, number][] = [];
    const started = Date.now();
    const err = await within(
      runBatch({
        model: failing, runs: 4, masterSeed: 77, months: MONTHS, workers,
        onResult: (s, r) => delivered.push([s, r]),
      }).then(
        () => new Error('expected the batch to fail'),
        (e: unknown) => e,
      ),
      30_000,
    );
    expect(err).toBeInstanceOf(ReplicateError);
    const e = err as ReplicateError;
    expect(e.scenario).toBe('hist');
    expect(e.replicate).toBe(0);
    expect(e.seed).toBe(77);
    expect(e.reason).toMatch(/historical economy covers .*found 2030/);
    expect(e.message).toContain("scenario 'hist'");
    // nothing after the failing task was handed on
    expect(delivered).toEqual([[0, 0]]);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it.skipIf(!hasProc)('workers 2: the worker threads are gone once the promise has rejected', async () => {
    const before = threads();
    let during = 0;
    await expect(
      within(runBatch({ model: failing, runs: 6, masterSeed: 1, months: MONTHS, workers: 2, onResult: () => (during = threads()) }), 30_000),
    ).rejects.toBeInstanceOf(ReplicateError);
    // the pool was really running threads (so the check below can fail)...
    expect(during).toBeGreaterThan(before);
    // ...and they have been terminated (allow a moment for the OS threads to exit)
    for (let k = 0; k < 50 && threads() > before; k++) await new Promise((r) => setTimeout(r, 100));
    expect(threads()).toBeLessThanOrEqual(before);
  });

  it('the as-is scenario failing: replicate 0 of as-is is named', async () => {
    const allFail = validateModel({ ...structuredClone(small), startMonth: '2030-01', economy: { ...small.economy, growth: 'historical' } }, 'f.ts');
    for (const workers of [0, 2]) {
      const err = await within(runBatch({ model: allFail, runs: 2, masterSeed: 5, months: MONTHS, workers, onResult: () => undefined }).catch((e: unknown) => e), 30_000);
      expect(err).toBeInstanceOf(ReplicateError);
      expect(err).toMatchObject({ scenario: 'as-is', replicate: 0, seed: 5 });
    }
  });
});

describe('runBatch: cancellation', () => {
  it.each([0, 2])('workers %i: stops with BatchInterrupted once isCancelled is true', async (workers) => {
    let results = 0;
    const err = await within(
      runBatch({
        model, runs: 5, masterSeed: SEED, months: 6, workers,
        onResult: () => results++,
        isCancelled: () => results >= 3,
      }).catch((e: unknown) => e),
      30_000,
    );
    expect(err).toBeInstanceOf(BatchInterrupted);
    expect(results).toBe(3);
  });
});
