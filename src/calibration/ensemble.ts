/**
 * The calibration's ensemble, `ensemble.json` beside the model files: per model, parameter sets
 * consistent with its targets (approximate Bayesian computation, `src/calibration/abc.ts`,
 * written by `calibrate --ensemble`), with the priors, the diagnostics and the posterior
 * predictive checks a reviewer needs. Runs and experiments spread their replicates over the sets
 * (replicate r runs set r mod K); `--no-ensemble` runs the fitted point alone.
 *
 * A set is a record of dotted model paths (`inflow.applicantsPerMonth`, `policies.0.deterredShare`,
 * `behaviour.matching.outsideSearch`) to values, applied on top of the model with `fitted.json`
 * already applied. The ensemble was drawn given `fitted.json`'s shared values; loading warns when
 * that file has changed since.
 */
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { Model } from '../model/schema.ts';
import { getPath, InputError, setPath, validateModel } from '../model/validate.ts';
import { readCompanion } from './fitted.ts';

export const priorSchema = z.strictObject({
  /** Dotted path in the model (`behaviour.` paths set the model's behaviour overrides). */
  path: z.string(),
  lower: z.number(),
  upper: z.number(),
  scale: z.enum(['linear', 'log']),
  /** Why this range: a source_id, [seed NNN], or [choice] with a reason. */
  source: z.string(),
});
export type PriorSpec = z.output<typeof priorSchema>;

const generationSchema = z.strictObject({
  generation: z.number().int(),
  epsilon: z.number(),
  accepted: z.number().int(),
  proposed: z.number().int(),
  acceptanceRate: z.number(),
  /** Simulations run in the generation, surplus included. */
  evaluations: z.number().int().optional(),
  ess: z.number(),
});

const posteriorSchema = z.strictObject({
  path: z.string(),
  mean: z.number(),
  sd: z.number(),
  p05: z.number(),
  p50: z.number(),
  p95: z.number(),
});

const predictiveSchema = z.strictObject({
  target: z.string(),
  value: z.number(),
  tolerance: z.number(),
  /** Mean over the sets' replicates, and the 5th-95th percentile of single runs across the ensemble. */
  mean: z.number(),
  p05: z.number(),
  p95: z.number(),
  /** Share of the ensemble's runs within the target's tolerance. */
  withinTolerance: z.number(),
  superseded: z.boolean(),
});

export const modelEnsembleSchema = z.strictObject({
  priors: z.array(priorSchema).min(1),
  /** The distance: root mean square of the target misses in tolerance units (superseded targets left out). */
  distance: z.string(),
  particles: z.number().int(),
  evaluations: z.number().int(),
  generations: z.array(generationSchema),
  /** Effective sample size of the final weighted particles. */
  ess: z.number(),
  posterior: z.array(posteriorSchema),
  /** The sets runs use: systematic resampling of the final particles to equal weights. */
  sets: z.array(z.record(z.string(), z.number())).min(1),
  predictive: z.array(predictiveSchema),
  predictiveRuns: z.number().int(),
});
export type ModelEnsemble = z.output<typeof modelEnsembleSchema>;

export const ensembleSchema = z.strictObject({
  method: z.string(),
  createdAt: z.string(),
  seed: z.number().int(),
  /** sha256 of the fitted.json the ensemble was drawn under. */
  fittedSha256: z.string(),
  models: z.record(z.string(), modelEnsembleSchema),
});
export type EnsembleFile = z.output<typeof ensembleSchema>;

export function ensembleFileFor(modelFile: string): string {
  return join(dirname(modelFile), 'ensemble.json');
}

export function readEnsemble(file: string): { file: string; hash: string; ensemble: EnsembleFile } | undefined {
  let read;
  try {
    read = readCompanion(file, ensembleSchema, 'at ');
  } catch (e) {
    throw new InputError(e instanceof Error ? e.message : String(e));
  }
  return read && { file, hash: read.hash, ensemble: read.data };
}

/** The model with one parameter set applied, validated. */
export function applySet(model: Model, set: Record<string, number>, where: string): Model {
  let out: unknown = model;
  for (const [path, value] of Object.entries(set)) {
    if (!path.startsWith('behaviour.') && typeof getPath(model, path) !== 'number') {
      throw new InputError(`${where}: the path '${path}' is not a number in model '${model.name}'`);
    }
    out = setPath(out, path, value);
  }
  return validateModel(out, where);
}

export interface LoadedEnsemble {
  file: string;
  hash: string;
  /** The model once per parameter set, in the file's order. */
  models: Model[];
  /** Set when fitted.json changed after the ensemble was drawn. */
  warning?: string;
}

/**
 * The sets a run of `runs` replicates uses: every set needs two replicates at least (so chance
 * within a set can be told from the spread between sets), so at most floor(runs / 2) of the K
 * sets, spread evenly over the file's order; undefined when fewer than two sets would be left.
 * A single-point ensemble is used as it is.
 */
export function setsForRuns<T>(sets: readonly T[], runs: number): T[] | undefined {
  if (sets.length === 1) return [sets[0]]; // one point: every replicate runs it
  const k = Math.min(sets.length, Math.floor(runs / 2));
  if (k < 2) return undefined;
  return Array.from({ length: k }, (_, j) => sets[spreadIndex(j, k, sets.length)]);
}

/** Of K sets, the j-th of k used, spread evenly over the file's order (wrapping when k > K). */
export const spreadIndex = (j: number, k: number, K: number) => Math.floor((j * K) / k) % K;

/**
 * The ensemble of a model (with fitted.json applied) from `ensemble.json` beside its file, or
 * undefined when the file or the model's entry is missing.
 */
export function loadEnsemble(modelFile: string, model: Model, fittedHash: string | undefined): LoadedEnsemble | undefined {
  const read = readEnsemble(ensembleFileFor(modelFile));
  const mine = read?.ensemble.models[model.name];
  if (!read || !mine) return undefined;
  const models = mine.sets.map((set, k) => applySet(model, set, `${read.file} (models.${model.name}.sets.${k})`));
  const warning = fittedHash !== undefined && fittedHash !== read.ensemble.fittedSha256
    ? `warning: ${read.file} was drawn under another fitted.json; redraw it (npx tsx src/calibrate.ts ${modelFile} --ensemble) so its sets match the current fit`
    : undefined;
  return { file: read.file, hash: read.hash, models, warning };
}
