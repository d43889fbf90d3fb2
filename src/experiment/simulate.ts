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
  cells: readonly { model: Model; name: string }[];
  replicates: number;
  seed: number;
  months: number;
  workers: number;
  onResult: (cell: number, replicate: number, series: Float64Array) => void;
  onProgress?: (done: number, total: number) => void;
  isCancelled?: () => boolean;
}

export async function simulateCells(o: SimulateCellsOptions): Promise<void> {
  // each cell's tasks (its economy built once), then interleaved replicate-major
  const perCell = o.cells.map((c) => [...tasksOf(c.model, o.replicates, o.seed, o.months)].filter((t) => t.scenarioIndex === 0));
  const jobs: { cell: number; task: ReplicateTask }[] = [];
  for (let r = 0; r < o.replicates; r++) for (let c = 0; c < o.cells.length; c++) jobs.push({ cell: c, task: perCell[c][r] });
  const total = jobs.length;
  const fail = (j: (typeof jobs)[number], e: unknown) =>
    new ReplicateError(o.cells[j.cell].name, j.task.replicate, o.seed, e instanceof Error ? e.message : String(e));
  if (o.workers === 0) {
    for (const [k, j] of jobs.entries()) {
      await new Promise((r) => setImmediate(r));
      if (o.isCancelled?.()) throw new BatchInterrupted();
      let series: Float64Array;
      try { series = runTask(j.task).series; } catch (e) { throw fail(j, e); }
      o.onResult(j.cell, j.task.replicate, series);
      o.onProgress?.(k + 1, total);
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
    while (pending.size < inFlight && sent < total) {
      const p = pool.run(jobs[sent].task) as Promise<Float64Array>;
      p.catch(() => undefined);
      pending.set(sent++, p);
    }
  };
  try {
    submit();
    for (let k = 0; k < total; k++) {
      if (o.isCancelled?.()) throw new BatchInterrupted();
      let series: Float64Array;
      try { series = await pending.get(k)!; } catch (e) { throw fail(jobs[k], e); }
      pending.delete(k);
      submit();
      o.onResult(jobs[k].cell, jobs[k].task.replicate, series);
      o.onProgress?.(k + 1, total);
    }
  } finally {
    await Promise.allSettled(pending.values());
    await pool.destroy();
  }
}
