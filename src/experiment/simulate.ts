/**
 * Runs every (cell, replicate) of an experiment on the worker pool (or in this thread with 0
 * workers) and hands each replicate's monthly series to `onResult`, in a fixed order (cell-major
 * within replicate: replicate 0 of every cell, then replicate 1...), so the results are the same
 * whatever the number of workers. Replicate r of every cell uses the same streams (common random
 * numbers): the same people and the same luck wherever the population is the same.
 */
import { Piscina } from 'piscina';
import { workerBundle } from '../batch/bundle.ts';
import { runTask } from '../batch/replicate.ts';
import { BatchInterrupted, ReplicateError, tasksOf, threadsFor } from '../batch/run-batch.ts';
import type { ReplicateTask } from '../batch/task.ts';
import type { Model } from '../model/schema.ts';

export interface SimulateCellsOptions {
  /** `ensemble`: the cell's model under each parameter set; replicate r runs set r mod K. */
  cells: readonly { model: Model; name: string; ensemble?: readonly Model[] }[];
  replicates: number;
  seed: number;
  months: number;
  workers: number;
  onResult: (cell: number, replicate: number, series: Float64Array) => void;
  onProgress?: (done: number, total: number) => void;
  isCancelled?: () => boolean;
  /** Only replicates `from <= r < to` of every cell (a shard); default all. */
  replicateRange?: [from: number, to: number];
  /** Skip this many jobs at the start of the order: their results were kept before a resume. */
  skipJobs?: number;
}

export async function simulateCells(o: SimulateCellsOptions): Promise<void> {
  // each cell's tasks (its economy built once), then interleaved replicate-major
  const perCell = o.cells.map((c) => [...tasksOf(c.model, o.replicates, o.seed, o.months, 0, o.replicates, c.ensemble)].filter((t) => t.scenarioIndex === 0));
  const all: { cell: number; task: ReplicateTask }[] = [];
  const [from, to] = o.replicateRange ?? [0, o.replicates];
  for (let r = from; r < to; r++) for (let c = 0; c < o.cells.length; c++) all.push({ cell: c, task: perCell[c][r] });
  const skip = o.skipJobs ?? 0;
  const jobs = all.slice(skip);
  const total = all.length;
  const fail = (j: (typeof jobs)[number], e: unknown) =>
    new ReplicateError(o.cells[j.cell].name, j.task.replicate, o.seed, e instanceof Error ? e.message : String(e));
  if (o.workers === 0) {
    for (const [k, j] of jobs.entries()) {
      await new Promise((r) => setImmediate(r));
      if (o.isCancelled?.()) throw new BatchInterrupted();
      let series: Float64Array;
      try { series = runTask(j.task).series; } catch (e) { throw fail(j, e); }
      o.onResult(j.cell, j.task.replicate, series);
      o.onProgress?.(skip + k + 1, total);
    }
    return;
  }
  const threads = threadsFor(o.workers, total);
  const pool = new Piscina({ filename: workerBundle(), minThreads: threads, maxThreads: threads, execArgv: [] });
  pool.on('error', () => undefined); // failures reach us through the task promises
  const inFlight = threads * 2;
  const pending = new Map<number, Promise<Float64Array>>();
  let sent = 0;
  const submit = () => {
    while (pending.size < inFlight && sent < jobs.length) {
      const p = pool.run(jobs[sent].task) as Promise<Float64Array>;
      p.catch(() => undefined);
      pending.set(sent++, p);
    }
  };
  try {
    submit();
    for (let k = 0; k < jobs.length; k++) {
      if (o.isCancelled?.()) throw new BatchInterrupted();
      let series: Float64Array;
      try { series = await pending.get(k)!; } catch (e) { throw fail(jobs[k], e); }
      pending.delete(k);
      submit();
      o.onResult(jobs[k].cell, jobs[k].task.replicate, series);
      o.onProgress?.(skip + k + 1, total);
    }
  } finally {
    await Promise.allSettled(pending.values());
    await pool.destroy();
  }
}
