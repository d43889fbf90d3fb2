/**
 * Monte Carlo on worker threads. Tasks (scenario x replicate) go to a piscina pool with a bounded
 * number in flight; results come back in any order and are handed on **in task order** through a
 * small reorder buffer, so everything downstream (aggregation, files) is byte-identical whatever
 * the number of workers. Memory stays flat: at most `inFlight` series wait at any time.
 *
 * A replicate that throws stops the batch: nothing more is submitted, the pool is destroyed (no
 * orphaned workers) and a `ReplicateError` names the scenario, replicate and seed.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { scenariosOf } from '../engine/sim.ts';
import { buildEconomy, type EconomyPath } from '../economy/path.ts';
import { resolveBehaviour } from '../model/behaviour.ts';
import type { Model } from '../model/schema.ts';
import { workerBundle } from './bundle.ts';
import { runTask } from './replicate.ts';
import type { BatchData, ReplicateTask, SlimTask } from './task.ts';

export interface BatchOptions {
  model: Model;
  runs: number;
  masterSeed: number;
  months: number;
  /** Parameter sets: replicate r runs `ensemble[r mod K]` instead of `model` (src/calibration/ensemble.ts). */
  ensemble?: readonly Model[];
  /** 0 = run in this thread (no pool); otherwise the pool size. */
  workers: number;
  /** Receives each result in task order: replicate-major, then scenario. */
  onResult: (scenarioIndex: number, replicate: number, series: Float64Array) => void;
  /** Called after each result with the number done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Checked between tasks; when it returns true the batch stops with `BatchInterrupted`. */
  isCancelled?: () => boolean;
  /** Only replicates `from <= r < to` (a shard); default all. */
  replicates?: [from: number, to: number];
  /** Skip this many tasks at the start of the (shard's) task order: they were done before a resume. */
  skipTasks?: number;
}

export class ReplicateError extends Error {
  constructor(readonly scenario: string, readonly replicate: number, readonly seed: number, readonly reason: string) {
    super(`replicate ${replicate} of scenario '${scenario}' (seed ${seed}) failed: ${reason}`);
    this.name = 'ReplicateError';
  }
}

export class BatchInterrupted extends Error {
  constructor() {
    super('batch interrupted');
    this.name = 'BatchInterrupted';
  }
}

/**
 * The most worker threads a command accepts. Each thread holds its own V8 heap and engine; far
 * more threads than cores only adds memory (256 threads abort V8), never speed.
 */
export const MAX_WORKERS = 32;

export const defaultWorkers = () => Math.min(availableParallelism(), MAX_WORKERS);

/** Threads to start for `tasks` tasks: never more than there are tasks. */
export const threadsFor = (workers: number, tasks: number) => Math.max(1, Math.min(workers, tasks, MAX_WORKERS));

/**
 * The tasks of a batch, in the order results are delivered. Each scenario's economy is built
 * here, once per parameter set; a scenario whose economy cannot be built fails in its replicates,
 * in task order. With an ensemble, replicate r runs set r mod K: every scenario of a replicate
 * shares its set and its luck (common random numbers within each parameter set).
 */
export function* tasksOf(model: Model, runs: number, masterSeed: number, months: number, from = 0, to = runs, ensemble?: readonly Model[]): Generator<ReplicateTask> {
  const scenarios = scenariosOf(model);
  const sets = ensemble && ensemble.length > 0 ? ensemble : [model];
  const economies: (EconomyPath | Error)[][] = [];
  for (let replicate = from; replicate < to; replicate++) {
    const k = replicate % sets.length;
    const m = sets[k];
    economies[k] ??= economiesOrErrors(m, months);
    for (let scenarioIndex = 0; scenarioIndex < scenarios.length; scenarioIndex++) {
      const economy = economies[k][scenarioIndex];
      yield economy instanceof Error
        ? { model: m, scenarioIndex, replicate, masterSeed, months, economyError: economy.message }
        : { model: m, scenarioIndex, replicate, masterSeed, months, economy };
    }
  }
}

/** Each scenario's economy, or why it cannot be built. */
function economiesOrErrors(model: Model, months: number): (EconomyPath | Error)[] {
  const behaviour = resolveBehaviour(model.behaviour);
  return scenariosOf(model).map((s) => {
    try {
      return buildEconomy(model, s.growth ?? model.economy.growth, months, behaviour);
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e));
    }
  });
}

/** The economies a batch's workers receive once (undefined where a scenario's cannot be built). */
function economiesOf(model: Model, months: number): (EconomyPath | undefined)[] {
  return economiesOrErrors(model, months).map((e) => (e instanceof Error ? undefined : e));
}

export async function runBatch(o: BatchOptions): Promise<void> {
  const names = scenariosOf(o.model).map((s) => s.name);
  const [from, to] = o.replicates ?? [0, o.runs];
  const total = (to - from) * names.length;
  const fail = (t: ReplicateTask, e: unknown) =>
    new ReplicateError(names[t.scenarioIndex], t.replicate, t.masterSeed, e instanceof Error ? e.message : String(e));
  const skip = o.skipTasks ?? 0;
  let done = skip;
  const remaining = () => {
    const it = tasksOf(o.model, o.runs, o.masterSeed, o.months, from, to, o.ensemble);
    for (let k = 0; k < skip; k++) it.next();
    return it;
  };
  if (o.workers === 0) {
    for (const task of remaining()) {
      await new Promise((r) => setImmediate(r)); // let signal handlers run between replicates
      if (o.isCancelled?.()) throw new BatchInterrupted();
      let series: Float64Array;
      try {
        series = runTask(task).series;
      } catch (e) {
        throw fail(task, e);
      }
      o.onResult(task.scenarioIndex, task.replicate, series);
      o.onProgress?.(++done, total);
    }
    return;
  }
  const threads = threadsFor(o.workers, total - skip);
  // every worker gets the model (each parameter set's, over an ensemble) and the economies once;
  // the tasks then carry only indices, the set and the seed
  const models = o.ensemble && o.ensemble.length > 0 ? o.ensemble : [o.model];
  const batch: BatchData = { sets: models.map((m) => ({ model: m, economies: economiesOf(m, o.months) })) };
  const pool = new Piscina({
    filename: workerBundle(),
    minThreads: threads,
    maxThreads: threads,
    execArgv: [], // plain JavaScript: the workers need no TypeScript loader
    workerData: { batch },
  });
  // piscina reports pool-level trouble as an 'error' event; unheard, it would crash the process.
  // Task failures reach us through the task promises, so the event only needs to be recorded.
  let poolError: Error | undefined;
  pool.on('error', (e: unknown) => (poolError ??= e instanceof Error ? e : new Error(String(e))));
  const inFlight = threads * 2;
  const pending = new Map<number, Promise<Float64Array>>();
  const sent: ReplicateTask[] = [];
  const tasks = remaining();
  let next = 0;
  const submit = () => {
    while (pending.size < inFlight) {
      const it = tasks.next();
      if (it.done) return;
      const index = sent.length;
      sent.push(it.value);
      const { model: _model, economy: _economy, ...slim } = it.value;
      const p = pool.run({ ...slim, set: it.value.replicate % models.length } satisfies SlimTask) as Promise<Float64Array>;
      p.catch(() => undefined); // handled when awaited in order
      pending.set(index, p);
    }
  };
  try {
    submit();
    while (next < total - skip) {
      if (o.isCancelled?.()) throw new BatchInterrupted();
      if (poolError) throw poolError;
      const task = sent[next];
      let series: Float64Array;
      try {
        series = await pending.get(next)!;
      } catch (e) {
        throw fail(task, e);
      }
      pending.delete(next);
      sent[next] = undefined as never; // let the model reference go
      submit();
      o.onResult(task.scenarioIndex, task.replicate, series);
      o.onProgress?.(++done, total);
      next++;
    }
  } finally {
    // Let the few tasks still in flight settle before tearing the pool down: destroying it under a
    // running task makes piscina receive a result for a task it has already forgotten.
    await Promise.allSettled(pending.values());
    await pool.destroy();
  }
}
