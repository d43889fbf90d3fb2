/**
 * Out-of-sample checks of the calibration (`calibrate --validate`):
 *
 * (a) Time split: refit every free value on the targets that end by December 2016 (the CBS years
 *     2015-2016, the national quarters to 2016 Q4, the Divosa returns of 2013-2014 leavers), then
 *     predict every town's and the country's 2017 stock, inflow, outflow and outflow to work.
 * (b) Leave one town out: refit the shared job-market and exit values on the CBS targets of every
 *     other town, then fit the left-out town's one local value (its applicants) on its own stock
 *     and inflow only, and predict its outflow and outflow to work for 2015-2017 from its own data
 *     (its labour force, regional unemployment and caseload).
 *
 * Both start from the current fit and use small budgets (stated in the report); they refit what the
 * data would have allowed without the held-out figures, they do not search from scratch.
 */
import { setPath } from '../model/load.ts';
import type { Model } from '../model/schema.ts';
import { TargetEvaluator, type TargetResult } from './evaluate.ts';
import { fit, type FitResult } from './fit.ts';
import { sharedFreeFor, type FreeParameter } from './shared.ts';
import type { Target } from './targets.ts';

export interface Prediction {
  check: 'time split' | 'leave one town out';
  model: string;
  target: string;
  observed: number;
  predicted: number;
  /** 5th-95th percentile over replicates: where one run lands. */
  p05: number;
  p95: number;
  /** (predicted - observed) / observed. */
  error: number;
  /** Within the target's tolerance (20% for flows, 5% for stocks, 3% for national quarters). */
  within: boolean;
}

export interface ValidationOptions {
  models: Model[];
  runs: number;
  seed: number;
  workers: number;
  /** Nelder-Mead evaluations of the shared block in each refit. */
  evaluations: number;
  onProgress?: (what: string) => void;
}

/** The month index (from the model's start) at which calendar year `year` begins. */
function monthOfYear(model: Model, year: number): number {
  const [y, m] = model.startMonth.split('-').map(Number);
  return (year - y) * 12 - (m - 1);
}

function lastMonth(t: Target): number {
  const m = t.measure;
  return m.kind === 'cohort-share' ? Math.max(m.byMonth, m.enrolledUntil) : m.kind === 'returns' ? m.exitUntil - 1 + m.withinMonths : m.untilMonth;
}

const isCbs = (t: Target) => t.name.startsWith('cbs-');

/** The shared values the job market and exits depend on: what leave-one-out refits. */
export const MARKET_PATHS = ['matching.efficiency', 'matching.outsideSearch', 'exits.schoolOrRemovedPerYear', 'exits.nonInfluenceablePerYear', 'exits.durationElasticity'];

function applyFit(models: Model[], r: FitResult): Model[] {
  return models.map((m) => {
    let out = m;
    for (const [path, v] of Object.entries(r.fitted.behaviour)) out = setPath(out, `behaviour.${path}`, v);
    for (const [path, v] of Object.entries(r.fitted.models[m.name] ?? {})) out = setPath(out, path, v);
    return out;
  });
}

function predictionsOf(check: Prediction['check'], results: readonly TargetResult[], keep: (r: TargetResult) => boolean): Prediction[] {
  return results.filter(keep).map((r) => ({
    check, model: r.model, target: r.target.name, observed: r.target.value, predicted: r.mean, p05: r.p05, p95: r.p95,
    error: (r.mean - r.target.value) / r.target.value, within: r.met,
  }));
}

export async function timeSplit(o: ValidationOptions): Promise<Prediction[]> {
  o.onProgress?.('time split: refitting on targets through 2016');
  const through2016 = o.models.map((m) => ({ ...m, targets: m.targets.filter((t) => t.superseded === undefined && lastMonth(t) <= monthOfYear(m, 2017)) }));
  const r = await fit({
    models: through2016, runs: o.runs, seed: o.seed, rounds: 1, workers: o.workers,
    sharedEvaluations: o.evaluations, localEvaluations: Math.max(8, Math.round(o.evaluations / 3)),
    shared: sharedFreeFor(through2016).filter((f) => MARKET_PATHS.includes(f.path) || f.path.startsWith('economy.') || f.path.startsWith('revolvingDoor.')),
  });
  const refitted = applyFit(o.models, r).map((m) => ({ ...m, targets: m.targets.filter((t) => isCbs(t) && /-2017(q\d)?$/.test(t.name)) }));
  const evaluator = new TargetEvaluator(o.workers);
  try {
    const results = await evaluator.evaluate(refitted, o.runs, o.seed);
    return predictionsOf('time split', results, () => true);
  } finally {
    await evaluator.close();
  }
}

export async function leaveOneTownOut(o: ValidationOptions): Promise<Prediction[]> {
  const towns = o.models.filter((m) => m.name !== 'netherlands' && m.targets.some(isCbs));
  const cbsOnly = (m: Model): Model => ({ ...m, targets: m.targets.filter(isCbs) });
  const shared: FreeParameter[] = sharedFreeFor(o.models).filter((f) => MARKET_PATHS.includes(f.path));
  const out: Prediction[] = [];
  for (const town of towns) {
    o.onProgress?.(`leave one town out: ${town.name}`);
    const others = towns.filter((m) => m !== town).map(cbsOnly);
    const withoutTown = await fit({
      models: others, runs: o.runs, seed: o.seed, rounds: 1, workers: o.workers,
      sharedEvaluations: o.evaluations, localEvaluations: 6, shared,
    });
    // the town with the shared values fitted without it; its own applicants from its stock and inflow only
    let mine = applyFit([cbsOnly(town)], { ...withoutTown, fitted: { ...withoutTown.fitted, models: {} } })[0];
    // its own data only: the vacancy rate at the national one (no fitted regional factor), the
    // applicants from its stock and inflow
    mine = {
      ...mine, economy: { ...mine.economy, regionalFactor: 1 },
      free: mine.free.filter((f) => f.path !== 'economy.regionalFactor'),
      targets: mine.targets.filter((t) => /^cbs-(stock|inflow)-/.test(t.name)),
    };
    const local = await fit({ models: [mine], runs: o.runs, seed: o.seed, rounds: 1, workers: o.workers, sharedEvaluations: 1, localEvaluations: 12, shared: [] });
    const predicted = { ...applyFit([mine], local)[0], targets: town.targets.filter((t) => /^cbs-(outflow|to-work)-/.test(t.name)) };
    const evaluator = new TargetEvaluator(o.workers);
    try {
      out.push(...predictionsOf('leave one town out', await evaluator.evaluate([predicted], o.runs, o.seed), () => true));
    } finally {
      await evaluator.close();
    }
  }
  return out;
}

/** The validation report: predicted vs observed with the replicates' band, and a plain verdict per check. */
export function validationMarkdown(p: readonly Prediction[], meta: Record<string, string | number>): string {
  const pct = (v: number) => `${v >= 0 ? '+' : ''}${(100 * v).toFixed(1)}%`;
  const n = (v: number) => (Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-GB') : v.toFixed(3));
  const out = ['# Out-of-sample validation', '', ...Object.entries(meta).map(([k, v]) => `- ${k}: ${v}`), ''];
  for (const check of ['time split', 'leave one town out'] as const) {
    const rows = p.filter((x) => x.check === check);
    if (rows.length === 0) continue;
    const within = rows.filter((x) => x.within).length;
    const mape = rows.reduce((s, x) => s + Math.abs(x.error), 0) / rows.length;
    out.push(`## ${check}`, '',
      `**Verdict:** ${within} of ${rows.length} held-out figures within their tolerance; mean absolute error ${(100 * mape).toFixed(1)}%.`, '',
      '| model | target | observed (CBS) | predicted | 5-95% of replicates | error | within tolerance |', '|---|---|---|---|---|---|---|',
      ...rows.map((x) => `| ${x.model} | ${x.target} | ${n(x.observed)} | ${n(x.predicted)} | ${n(x.p05)} to ${n(x.p95)} | ${pct(x.error)} | ${x.within ? 'yes' : '**no**'} |`), '');
  }
  return out.join('\n');
}

export function validationCsv(p: readonly Prediction[]): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return ['check,model,target,observed,predicted,p05,p95,error,within', ...p.map((x) => [q(x.check), q(x.model), q(x.target), x.observed, x.predicted, x.p05, x.p95, x.error, x.within].join(','))].join('\n') + '\n';
}
