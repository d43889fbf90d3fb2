/**
 * `calibrate <model> --ensemble`: draws a model's ensemble of parameter sets consistent with its
 * targets, by approximate Bayesian computation with sequential Monte Carlo (`abc.ts`), and checks
 * it against the targets it was drawn from (posterior predictive checks).
 *
 * Why ABC-SMC: the simulator is stochastic and its likelihood is intractable, but it is cheap enough
 * to run a few thousand times; ABC needs nothing but simulations and a distance, handles parameters
 * the targets do not identify (their posterior stays close to the prior, which is what a run should
 * then carry), and its sequential form spends simulations where the fit is good. History matching
 * with an emulator would need fewer simulations but an emulator per target, and gives a plausible
 * region rather than a distribution to draw runs from.
 *
 * Priors: the model's fitted values (`free`, with their fit bounds) and the ranges of
 * `models/lib/priors.ts`. Distance: the root mean square of the target misses in tolerance units,
 * one replicate per candidate with its own seed; superseded targets are left out. The shared
 * values of fitted.json stay fixed: the ensemble is drawn given the joint fit.
 */
import { posteriorSummary, abcSmc, effectiveSampleSize, resampleEnsemble, type AbcResult, type Prior } from './abc.ts';
import { applySet, type ModelEnsemble, type PriorSpec } from './ensemble.ts';
import { TargetEvaluator } from './evaluate.ts';
import { resolveBehaviour } from '../model/behaviour.ts';
import { getPath, InputError } from '../model/validate.ts';
import type { Model } from '../model/schema.ts';
import { quantileSorted } from '../output/stats.ts';

export const ENSEMBLE_METHOD =
  'ABC-SMC (Beaumont, Cornuet, Marin & Robert 2009) with an adaptive tolerance (the median of the previous generation\'s distances), a Gaussian perturbation kernel of twice the weighted covariance, one replicate per candidate; the final weighted particles resampled systematically to equal-weight sets';

export interface EnsembleOptions {
  model: Model;
  /** The model's own ranges (models/lib/priors.ts); its `free` values are added with their bounds. */
  priors: PriorSpec[];
  particles: number;
  generations: number;
  sets: number;
  seed: number;
  workers: number;
  /** Replicates per set for the posterior predictive checks. */
  predictiveRuns: number;
  maxEvaluations?: number;
  onProgress?: (line: string) => void;
}

/** The model's priors: its fitted values at their bounds, then its stated ranges; each checked against the model. */
export function priorsOf(model: Model, stated: readonly PriorSpec[], where: string): PriorSpec[] {
  const all: PriorSpec[] = [
    ...model.free.map((f): PriorSpec => ({ path: f.path, lower: f.min, upper: f.max, scale: 'linear', source: `fitted value, its fit bounds${f.note ? `: ${f.note}` : ''}` })),
    ...stated,
  ];
  const behaviour = resolveBehaviour(model.behaviour);
  for (const [i, p] of all.entries()) {
    const now = p.path.startsWith('behaviour.') ? getPath(behaviour, p.path.slice('behaviour.'.length)) : getPath(model, p.path);
    if (typeof now !== 'number') throw new InputError(`${where}: at ${model.name}[${i}].path: '${p.path}' is not a number in model '${model.name}'`);
    if (!(p.lower < p.upper) || (p.scale === 'log' && p.lower <= 0)) throw new InputError(`${where}: at ${model.name}[${i}]: expected lower < upper (and lower > 0 on the log scale), found ${p.lower} and ${p.upper}`);
    if (now < p.lower || now > p.upper) throw new InputError(`${where}: at ${model.name}[${i}]: the model's value of '${p.path}' (${now}) lies outside the prior ${p.lower}-${p.upper}`);
  }
  const paths = all.map((p) => p.path);
  const twice = paths.find((p, i) => paths.indexOf(p) !== i);
  if (twice) throw new InputError(`${where}: at ${model.name}: '${twice}' has two priors`);
  return all;
}

/** Root mean square of the misses in tolerance units over the targets that are fitted. */
export function distanceOf(model: Model, values: Float64Array): number {
  let s = 0, n = 0;
  model.targets.forEach((t, i) => {
    if (t.superseded !== undefined) return;
    s += ((values[i] - t.value) / t.tolerance) ** 2;
    n++;
  });
  return n > 0 ? Math.sqrt(s / n) : NaN;
}

export async function buildEnsemble(o: EnsembleOptions): Promise<{ entry: ModelEnsemble; result: AbcResult }> {
  const priors = o.priors;
  const where = `ensemble of ${o.model.name}`;
  const evaluator = new TargetEvaluator(o.workers);
  try {
    const setOf = (theta: readonly number[]) => Object.fromEntries(priors.map((p, k) => [p.path, theta[k]]));
    const result = await abcSmc({
      priors: priors.map((p): Prior => ({ name: p.path, lower: p.lower, upper: p.upper, scale: p.scale, source: p.source })),
      particles: o.particles,
      generations: o.generations,
      seed: o.seed,
      maxEvaluations: o.maxEvaluations,
      minBatch: Math.max(1, o.workers) * 4,
      distance: async (thetas, seeds) => {
        const models = thetas.map((t) => applySet(o.model, setOf(t), where));
        const values = await evaluator.measureEach(models, seeds.map((s) => Math.floor(s) % 2 ** 31));
        return values.map((v) => distanceOf(o.model, v));
      },
      onGeneration: (g) => o.onProgress?.(`generation ${g.generation}: tolerance ${g.epsilon.toFixed(3)}, ${g.accepted} of ${g.proposed} accepted (${(100 * g.acceptanceRate).toFixed(1)}%), ESS ${g.ess.toFixed(1)}`),
    });
    const sets = resampleEnsemble(result, o.sets, o.seed);
    // posterior predictive: every set, predictiveRuns replicates, every target
    o.onProgress?.(`posterior predictive checks: ${o.sets} sets x ${o.predictiveRuns} replicates`);
    const perSet = await evaluator.evaluate(sets.map((s) => applySet(o.model, s, where)), o.predictiveRuns, o.seed);
    const T = o.model.targets.length;
    const predictive = o.model.targets.map((t, i) => {
      const values = Float64Array.from(perSet.filter((_, k) => k % T === i).flatMap((r) => Array.from(r.values))).sort();
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      return {
        target: t.name, value: t.value, tolerance: t.tolerance, mean,
        p05: quantileSorted(values, 0.05), p95: quantileSorted(values, 0.95),
        withinTolerance: values.filter((v) => Math.abs(v - t.value) <= t.tolerance).length / values.length,
        superseded: t.superseded !== undefined,
      };
    });
    const posterior = posteriorSummary(result).map((s) => ({ path: s.name, mean: s.mean, sd: s.sd, p05: s.p05, p50: s.p50, p95: s.p95 }));
    const entry: ModelEnsemble = {
      priors,
      distance: 'root mean square of the target misses in tolerance units (superseded targets left out), one replicate per candidate',
      particles: o.particles,
      evaluations: result.evaluations,
      generations: result.generations.map((g) => ({ ...g, epsilon: Number.isFinite(g.epsilon) ? g.epsilon : -1 })),
      ess: effectiveSampleSize(result.weights),
      posterior,
      sets,
      predictive,
      predictiveRuns: o.predictiveRuns,
    };
    return { entry, result };
  } finally {
    await evaluator.close();
  }
}

/** The ensemble report of one model: priors, posterior, diagnostics, predictive checks. */
export function ensembleMarkdown(name: string, e: ModelEnsemble, meta: Record<string, string | number>): string {
  const f = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toPrecision(3));
  const lines = [
    `# Ensemble of ${name}`,
    '',
    ...Object.entries(meta).map(([k, v]) => `- ${k}: ${v}`),
    `- particles: ${e.particles}; simulations: ${e.evaluations}; effective sample size of the final weights: ${e.ess.toFixed(1)}; sets for runs: ${e.sets.length}`,
    `- distance: ${e.distance}`,
    '',
    '## Generations',
    '',
    '| generation | tolerance | accepted | proposed | acceptance rate | ESS |',
    '|---|---|---|---|---|---|',
    ...e.generations.map((g) => `| ${g.generation} | ${g.epsilon < 0 ? 'none (the prior)' : g.epsilon.toFixed(3)} | ${g.accepted} | ${g.proposed} | ${(100 * g.acceptanceRate).toFixed(1)}% | ${g.ess.toFixed(1)} |`),
    '',
    '## Priors and posterior',
    '',
    'A posterior as wide as its prior means the targets do not pin that value: runs then carry the whole range.',
    '',
    '| value | prior | posterior mean (sd) | 5% / 50% / 95% | share of the prior\'s range the 5-95% covers | source of the prior |',
    '|---|---|---|---|---|---|',
    ...e.priors.map((p, k) => {
      const q = e.posterior[k];
      const share = (q.p95 - q.p05) / (p.upper - p.lower);
      return `| \`${p.path}\` | ${f(p.lower)}-${f(p.upper)} (${p.scale}) | ${f(q.mean)} (${f(q.sd)}) | ${f(q.p05)} / ${f(q.p50)} / ${f(q.p95)} | ${(100 * share).toFixed(0)}% | ${p.source} |`;
    }),
    '',
    `## Posterior predictive checks (${e.sets.length} sets x ${e.predictiveRuns} replicates)`,
    '',
    '| target | value | tolerance | ensemble mean | 5-95% of runs | runs within tolerance |',
    '|---|---|---|---|---|---|',
    ...e.predictive.map((p) => `| ${p.target}${p.superseded ? ' (superseded)' : ''} | ${f(p.value)} | ±${f(p.tolerance)} | ${f(p.mean)} | ${f(p.p05)} to ${f(p.p95)} | ${(100 * p.withinTolerance).toFixed(0)}% |`),
    '',
  ];
  return lines.join('\n');
}
