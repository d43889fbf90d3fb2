/**
 * Measures models' targets over Monte Carlo replicates of their "as-is" scenario, on a worker pool
 * kept open across evaluations (a calibration evaluates the same models many times). Replicate r
 * of a model always uses the same seeds (common random numbers), so a change in the objective
 * between two parameter sets is the parameters' doing, not chance.
 */
import { Piscina } from 'piscina';
import { tasksOf } from '../batch/run-batch.ts';
import { workerBundle } from '../batch/bundle.ts';
import { measureTask } from '../batch/replicate.ts';
import type { ReplicateTask } from '../batch/task.ts';
import type { Model } from '../model/schema.ts';
import { summarise, tQuantile975 } from '../output/stats.ts';
import type { Target } from './targets.ts';

export interface TargetResult {
  model: string;
  target: Target;
  /** One value per replicate. */
  values: Float64Array;
  mean: number;
  /** Standard error of the mean over replicates. */
  se: number;
  /** 95% interval of the mean: mean -+ t(n-1) se (Student's t). */
  lo: number;
  hi: number;
  /** 5th and 95th percentile over replicates: the spread of a single run. */
  p05: number;
  p95: number;
  /** (mean - value) / tolerance: within tolerance when |miss| <= 1. */
  miss: number;
  met: boolean;
}

export class TargetEvaluator {
  private pool?: Piscina;

  constructor(readonly workers: number) {
    if (workers > 0) {
      this.pool = new Piscina({ filename: workerBundle(), minThreads: workers, maxThreads: workers, execArgv: [] });
      this.pool.on('error', () => undefined); // task failures reach us through the task promises
    }
  }

  /** Every target of every model, measured over `runs` replicates from `seed`. */
  async evaluate(models: readonly Model[], runs: number, seed: number): Promise<TargetResult[]> {
    const jobs: { model: Model; task: ReplicateTask }[] = [];
    for (const model of models) {
      if (model.targets.length === 0) continue;
      for (const task of tasksOf(model, runs, seed, monthsNeeded(model))) {
        if (task.scenarioIndex === 0) jobs.push({ model, task: { ...task, measureTargets: true } });
      }
    }
    const values: Float64Array[] = [];
    if (this.pool) {
      const settled = await Promise.allSettled(jobs.map((j) => this.pool!.run(j.task) as Promise<Float64Array>));
      for (const [k, s] of settled.entries()) {
        if (s.status === 'rejected') throw new Error(`${jobs[k].model.name}, replicate ${jobs[k].task.replicate}: ${s.reason instanceof Error ? s.reason.message : String(s.reason)}`);
        values.push(s.value);
      }
    } else {
      for (const j of jobs) values.push(measureTask(j.task));
    }
    const out: TargetResult[] = [];
    for (const model of models) {
      const mine = values.filter((_, k) => jobs[k].model === model);
      model.targets.forEach((target, ti) => {
        const v = Float64Array.from(mine, (row) => row[ti]);
        out.push(resultOf(model.name, target, v));
      });
    }
    return out;
  }

  /**
   * Each model once, replicate 0 of its own master seed (independent runs, as approximate Bayesian
   * computation wants): one value per target of each model, in the models' order.
   */
  async measureEach(models: readonly Model[], seeds: readonly number[], replicate = 0): Promise<Float64Array[]> {
    const tasks = models.map((m, i): ReplicateTask => {
      const it = tasksOf(m, replicate + 1, seeds[i], monthsNeeded(m), replicate, replicate + 1).next();
      if (it.done) throw new Error(`${m.name}: no task`);
      return { ...it.value, measureTargets: true };
    });
    if (!this.pool) return tasks.map((t) => measureTask(t));
    const settled = await Promise.allSettled(tasks.map((t) => this.pool!.run(t) as Promise<Float64Array>));
    return settled.map((s, i) => {
      if (s.status === 'rejected') throw new Error(`${models[i].name}, seed ${seeds[i]}: ${s.reason instanceof Error ? s.reason.message : String(s.reason)}`);
      return s.value;
    });
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
  }
}

/** Months to simulate to measure every target: up to the last month any target looks at. */
export function monthsNeeded(model: Model): number {
  let last = 1;
  for (const t of model.targets) {
    const m = t.measure;
    last = Math.max(last, m.kind === 'cohort-share' ? Math.max(m.byMonth, m.enrolledUntil) : m.kind === 'returns' ? m.exitUntil - 1 + m.withinMonths : m.untilMonth);
  }
  return Math.min(model.horizonMonths, last);
}

export function resultOf(model: string, target: Target, values: Float64Array): TargetResult {
  const s = summarise(values);
  const se = values.length > 1 ? s.sd / Math.sqrt(values.length) : 0;
  const miss = (s.mean - target.value) / target.tolerance;
  const half = values.length > 1 ? tQuantile975(values.length - 1) * se : 0;
  return { model, target, values, mean: s.mean, se, lo: s.mean - half, hi: s.mean + half, p05: s.p05, p95: s.p95, miss, met: Math.abs(miss) <= 1 };
}

/** The calibration objective: the sum of squared misses in tolerance units. */
export function objective(results: readonly TargetResult[]): number {
  let s = 0;
  for (const r of results) if (r.target.superseded === undefined) s += r.miss * r.miss;
  return s;
}
