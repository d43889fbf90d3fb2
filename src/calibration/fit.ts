/**
 * Joint calibration: one shared set of behavioural parameters and each model's own local free
 * parameters, fitted to every target of every model at once by Nelder-Mead on a seeded Monte Carlo
 * objective (the sum of squared misses in tolerance units, over `runs` replicates with common
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
  maxEvaluations: number;
  workers: number;
  /** Shared parameters to search (default: all that the models' policies use). */
  shared?: FreeParameter[];
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
  min: number;
  max: number;
  start: number;
  /** Writes the value into the models (returns new model objects). */
  apply: (models: Model[], value: number) => Model[];
}

export const METHOD = 'Nelder-Mead simplex on logistic-transformed bounds; seeded Monte Carlo objective with common random numbers';

export async function fit(o: FitOptions): Promise<FitResult> {
  const slots: Slot[] = [];
  for (const f of o.shared ?? sharedFreeFor(o.models)) {
    slots.push({
      name: `behaviour.${f.path}`, min: f.min, max: f.max, start: sharedValue(o.models[0], f.path),
      apply: (models, v) => models.map((m) => setPath(m, `behaviour.${f.path}`, v)),
    });
  }
  for (const [k, model] of o.models.entries()) {
    for (const f of model.free) {
      slots.push({
        name: `${model.name}:${f.path}`, min: f.min, max: f.max, start: getPath(model, f.path) as number,
        apply: (models, v) => models.map((m, j) => (j === k ? setPath(m, f.path, v) : m)),
      });
    }
  }
  const build = (x: number[]) => slots.reduce((models, s, i) => s.apply(models, toBounded(x[i], s.min, s.max)), o.models);
  const evaluator = new TargetEvaluator(o.workers);
  try {
    const start = slots.map((s) => toUnbounded(s.start, s.min, s.max));
    const before = await evaluator.evaluate(o.models, o.runs, o.seed);
    const result = await nelderMead(async (x) => objective(await evaluator.evaluate(build(x), o.runs, o.seed)), start, {
      step: 0.6,
      maxEvaluations: o.maxEvaluations,
      tolerance: 1e-3,
      onEvaluation: o.onEvaluation,
    });
    const best = objective(before) <= result.value ? start : result.x;
    const after = await evaluator.evaluate(build(best), o.runs, o.seed);
    const values = slots.map((s, i) => toBounded(best[i], s.min, s.max));
    const fitted: Fitted = { method: METHOD, fittedAt: new Date().toISOString(), objective: objective(after), replicates: o.runs, seed: o.seed, behaviour: {}, models: {} };
    slots.forEach((s, i) => {
      const v = round(values[i]);
      if (s.name.startsWith('behaviour.')) fitted.behaviour[s.name.slice('behaviour.'.length)] = v;
      else {
        const [model, path] = s.name.split(':');
        (fitted.models[model] ??= {})[path] = v;
      }
    });
    return {
      fitted, before, after, evaluations: result.evaluations + 2, converged: result.converged,
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
  return { ...fresh, behaviour: { ...old?.behaviour, ...fresh.behaviour }, models: { ...old?.models, ...fresh.models } };
}

export function writeFitted(file: string, fitted: Fitted): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(fitted, null, 2) + '\n');
  renameSync(tmp, file); // never a half-written companion
}
