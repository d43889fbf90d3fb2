/**
 * Joint calibration: one shared set of behavioural parameters and each model's own local free
 * parameters, fitted to every target of every model by block-coordinate Nelder-Mead on a seeded
 * Monte Carlo objective (the sum of squared misses in tolerance units, over `runs` replicates with common
 * random numbers). Municipalities differ only in population, economy and policies; the effect of a
 * policy is the same everywhere.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { getPath, setPath } from '../model/load.ts';
import type { Model } from '../model/schema.ts';
import { objective, TargetEvaluator, type TargetResult } from './evaluate.ts';
import type { Fitted } from './fitted.ts';
import { nelderMead, toBounded, toUnbounded } from './nelder-mead.ts';
import { sharedFreeFor, sharedValue, type FreeParameter } from './shared.ts';

export interface FitOptions {
  models: Model[];
  runs: number;
  seed: number;
  /** Rounds of block-coordinate search: each model's local block, then the shared block. */
  rounds: number;
  localEvaluations: number;
  sharedEvaluations: number;
  workers: number;
  /** The model files' own values of the local parameters, when the models come with a fit applied. */
  fileValues?: Record<string, Record<string, number>>;
  /** Shared parameters to search (default: all that the models' policies use). */
  shared?: FreeParameter[];
  /** Progress: evaluations so far, this evaluation's objective (of the block's models), the best total so far. */
  onEvaluation?: (count: number, value: number, best: number) => void;
}

export interface FitResult {
  fitted: Fitted;
  before: TargetResult[];
  after: TargetResult[];
  evaluations: number;
  converged: boolean;
  parameters: { name: string; min: number; max: number; start: number; value: number }[];
}

interface Slot {
  name: string;
  /** Index of the model a local parameter belongs to; undefined for shared ones. */
  model?: number;
  /** Whole numbers only (rounded when applied and when written). */
  integer?: boolean;
  min: number;
  max: number;
  start: number;
  /** The model file's own value (local parameters), recorded so that a later edit can be noticed. */
  fileValue: number;
  /** Writes the value into the models (returns new model objects). */
  apply: (models: Model[], value: number) => Model[];
}

export const METHOD =
  'block-coordinate Nelder-Mead (each model\'s local parameters against its own targets, then the shared behaviour against all targets, repeated), ' +
  'logistic-transformed bounds, seeded Monte Carlo objective with common random numbers';

export async function fit(o: FitOptions): Promise<FitResult> {
  const slots: Slot[] = [];
  for (const f of o.shared ?? sharedFreeFor(o.models)) {
    slots.push({
      name: `behaviour.${f.path}`, min: f.min, max: f.max, start: sharedValue(o.models[0], f.path), fileValue: NaN,
      apply: (models, v) => models.map((m) => setPath(m, `behaviour.${f.path}`, v)),
    });
  }
  for (const [k, model] of o.models.entries()) {
    for (const f of model.free) {
      slots.push({
        name: `${model.name}:${f.path}`, model: k, min: f.min, max: f.max, start: getPath(model, f.path) as number,
        fileValue: o.fileValues?.[model.name]?.[f.path] ?? (getPath(model, f.path) as number),
        integer: f.integer,
        apply: (models, v) => models.map((m, j) => (j === k ? setPath(m, f.path, f.integer ? Math.round(v) : v) : m)),
      });
    }
  }
  const build = (x: number[]) => slots.reduce((models, s, i) => s.apply(models, toBounded(x[i], s.min, s.max)), o.models);
  const evaluator = new TargetEvaluator(o.workers);
  try {
    const start = slots.map((s) => toUnbounded(s.start, s.min, s.max));
    const before = await evaluator.evaluate(o.models, o.runs, o.seed);
    let x = start.slice();
    let best = objective(before);
    let evaluations = 1;
    let converged = true;
    const count = (n: number, v: number) => o.onEvaluation?.(evaluations + n, v, best);
    /** Nelder-Mead over the slots in `block`, the others held at x; `scope` = the models whose targets count. */
    const search = async (block: number[], scope: (models: Model[]) => Model[], budget: number) => {
      if (block.length === 0) return;
      const trial = (z: number[]) => { const y = x.slice(); block.forEach((b, j) => (y[b] = z[j])); return y; };
      const r = await nelderMead(async (z) => objective(await evaluator.evaluate(scope(build(trial(z))), o.runs, o.seed)), block.map((b) => x[b]), {
        step: 0.6, maxEvaluations: budget, tolerance: 1e-3, onEvaluation: count,
      });
      evaluations += r.evaluations;
      converged &&= r.converged;
      const candidate = trial(r.x);
      const total = objective(await evaluator.evaluate(build(candidate), o.runs, o.seed));
      evaluations++;
      if (total < best) { best = total; x = candidate; }
    };
    const shared = slots.flatMap((s, i) => (s.model === undefined ? [i] : []));
    for (let round = 0; round < o.rounds; round++) {
      // each model's local facts against its own targets (cheap: one model at a time)...
      for (let k = 0; k < o.models.length; k++) {
        const local = slots.flatMap((s, i) => (s.model === k ? [i] : []));
        await search(local, (models) => [models[k]], o.localEvaluations);
      }
      // ...then the shared behaviour against every target of every model
      await search(shared, (models) => models, o.sharedEvaluations);
    }
    const after = await evaluator.evaluate(build(x), o.runs, o.seed);
    const values = slots.map((s, i) => (s.integer ? Math.round : (v: number) => v)(toBounded(x[i], s.min, s.max)));
    const fitted: Fitted = { method: METHOD, fittedAt: new Date().toISOString(), objective: objective(after), replicates: o.runs, seed: o.seed, behaviour: {}, models: {} };
    fitted.fileValues = {};
    slots.forEach((s, i) => {
      const v = round(values[i]);
      if (s.model === undefined) { fitted.behaviour[s.name.slice('behaviour.'.length)] = v; return; }
      const name = o.models[s.model].name;
      const path = s.name.slice(s.name.indexOf(':') + 1);
      (fitted.models[name] ??= {})[path] = v;
      (fitted.fileValues![name] ??= {})[path] = s.fileValue;
    });
    return {
      fitted, before, after, evaluations: evaluations + 1, converged,
      parameters: slots.map((s, i) => ({ name: s.name, min: s.min, max: s.max, start: s.start, value: values[i] })),
    };
  } finally {
    await evaluator.close();
  }
}

/** Four significant digits: enough for a behavioural parameter, and a readable diff. */
const round = (v: number) => Number(v.toPrecision(4));

/** Merges a fit into an existing companion (other models' local values are kept). */
export function mergeFitted(old: Fitted | undefined, fresh: Fitted): Fitted {
  return {
    ...fresh, behaviour: { ...old?.behaviour, ...fresh.behaviour }, models: { ...old?.models, ...fresh.models },
    fileValues: { ...old?.fileValues, ...fresh.fileValues },
  };
}

export function writeFitted(file: string, fitted: Fitted): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(fitted, null, 2) + '\n');
  renameSync(tmp, file); // never a half-written companion
}
