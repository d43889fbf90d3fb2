/**
 * The randomised-trial emulation (seed 003). The base model runs the trial as programmes: a control
 * cohort and arms whose targets share a `lottery`. Four variants of the same town run on the same
 * replicates (common random numbers: the same people, the same lottery draws):
 *
 *   lottery            the trial as run: arms assigned by lottery among volunteers
 *   lottery-untreated  the same people in the same groups, with every arm's treatment removed
 *   choice             volunteers outside the control group choose their arm (by motivation, below)
 *   choice-untreated   the same, treatment removed
 *
 * The evaluators' estimate per arm is the difference in outflow rates (any route) between arm and
 * control at `measureAtMonth`, with the usual 95% interval for a difference of two proportions.
 * The true effect, which the simulation knows, is the arm's outflow with its treatment minus the
 * same people's outflow without it (paired by replicate). Coverage is how often the evaluators'
 * interval contains the true effect; power how often it excludes zero.
 *
 * How volunteers choose (a modelling assumption, after seed 003: "one wants to be free of the rules,
 * another looks for more support"): motivation 0.6 and above choose the exemption, below 0.45
 * the guidance, in between the earnings disregard.
 */
import { InputError, type LoadedModel } from '../model/load.ts';
import type { Model } from '../model/schema.ts';
import type { PolicySpec } from '../policies/registry.ts';
import { TargetEvaluator } from '../calibration/evaluate.ts';
import type { Target } from '../calibration/targets.ts';
import type { Experiment } from './schema.ts';
import { tQuantile975 } from '../output/stats.ts';

export const VARIANTS = ['lottery', 'lottery-untreated', 'choice', 'choice-untreated'] as const;
export type Variant = (typeof VARIANTS)[number];

export const CHOICE_RANGE: Record<string, { minMotivation?: number; maxMotivation?: number }> = {
  exemption: { minMotivation: 0.6 },
  'intensive-guidance': { maxMotivation: 0.45 },
  'earnings-disregard': { minMotivation: 0.45, maxMotivation: 0.6 },
};

type Spec = PolicySpec & { label?: string; target?: Record<string, unknown> };

function labelOf(p: Spec): string | undefined {
  return p.label;
}

/** The arm with its treatment removed: an observation cohort of the same people. */
function untreated(p: Spec, months: number): PolicySpec {
  const w = p as unknown as { openFromMonth?: number; openUntilMonth?: number; target?: unknown };
  return { type: 'cohort', label: p.label!, target: w.target ?? {}, followMonths: months, places: 10_000_000, openFromMonth: w.openFromMonth, openUntilMonth: w.openUntilMonth } as PolicySpec;
}

function chosen(p: Spec): PolicySpec {
  const range = CHOICE_RANGE[p.type];
  if (!range) throw new InputError(`self-selection: no choice rule for an arm of type '${p.type}' (known: ${Object.keys(CHOICE_RANGE).join(', ')})`);
  const target = { ...(p.target ?? {}), ...range, lottery: { ...(p.target?.lottery as object), assignment: 'choice' } };
  return { ...p, target } as PolicySpec;
}

export function trialVariant(base: Model, arms: readonly string[], variant: Variant, months: number): Model {
  const policies = (base.policies as Spec[]).map((p) => {
    if (!arms.includes(labelOf(p) ?? '')) return p as PolicySpec;
    const arm = variant.startsWith('choice') ? chosen(p) : (p as PolicySpec);
    return variant.endsWith('untreated') ? untreated(arm as Spec, months) : arm;
  });
  return { ...base, policies, scenarios: [], free: [], horizonMonths: months, targets: [] };
}

/** The targets that measure each group: entrants and outflow share (any route) by the reporting month. */
function groupTargets(groups: readonly string[], at: number): Target[] {
  return groups.flatMap((g, k) => [
    { name: `n-${k}`, figure: '', source: '', value: 0, tolerance: 1, measure: { kind: 'entrants' as const, programme: g, fromMonth: 0, untilMonth: at } },
    { name: `p-${k}`, figure: '', source: '', value: 0, tolerance: 1, measure: { kind: 'cohort-share' as const, programme: g, enrolledFrom: 0, enrolledUntil: at, route: 'any' as const, byMonth: at } },
  ]);
}

export interface ArmResult {
  variant: 'lottery' | 'choice';
  arm: string;
  /** Mean group sizes. */
  nArm: number;
  nControl: number;
  /** Mean outflow shares. */
  outflowArm: number;
  outflowControl: number;
  /** The evaluators' estimate (mean over replicates) and the mean half-width of its 95% interval. */
  estimate: number;
  halfWidth: number;
  /** The true effect on the arm's members (treated minus untreated), with its paired standard error. */
  trueEffect: number;
  trueSe: number;
  /** Share of replicates whose interval contains the true effect, and whose interval excludes zero. */
  coverage: number;
  power: number;
}

export interface TrialResult {
  arms: ArmResult[];
  /** Outflow of all treated volunteers (size-weighted over the arms), by lottery and by choice, paired. */
  treatedOutflow: { lottery: number; choice: number; difference: number; se: number } | undefined;
  replicates: number;
}

export async function runTrial(e: Experiment, models: ReadonlyMap<string, LoadedModel>, workers: number): Promise<TrialResult> {
  if (e.design.kind !== 'trial') throw new Error('not a trial design');
  const d = e.design;
  const base = models.get(d.base)!.model;
  const labels = base.policies.map((p) => (p as Spec).label);
  for (const g of [d.control, ...d.arms]) {
    if (!labels.includes(g)) throw new InputError(`design: the model '${d.base}' has no policy labelled '${g}' (it has: ${labels.filter(Boolean).join(', ')})`);
  }
  const months = Math.max(d.measureAtMonth, e.months ?? 0);
  const groups = [d.control, ...d.arms];
  const variants: Variant[] = d.selfSelection ? [...VARIANTS] : ['lottery', 'lottery-untreated'];
  const cellModels = variants.map((v) => ({ ...trialVariant(base, d.arms, v, months), targets: groupTargets(groups, d.measureAtMonth) }));
  const evaluator = new TargetEvaluator(workers);
  let results;
  try {
    results = await evaluator.evaluate(cellModels.map((m, k) => ({ ...m, name: `${base.name}-${variants[k]}` })), e.replicates, e.seed);
  } finally {
    await evaluator.close();
  }
  const per = (variant: Variant) => {
    const rows = results.filter((r) => r.model === `${base.name}-${variant}`);
    return { n: (k: number) => rows[2 * k].values, p: (k: number) => rows[2 * k + 1].values };
  };
  const R = e.replicates;
  const arms: ArmResult[] = [];
  for (const design of d.selfSelection ? (['lottery', 'choice'] as const) : (['lottery'] as const)) {
    const treated = per(design);
    const untreatedRun = per(`${design}-untreated`);
    for (let a = 1; a < groups.length; a++) {
      let est = 0, half = 0, covered = 0, significant = 0, nA = 0, nC = 0, pA = 0, pC = 0;
      const diffs = new Float64Array(R);
      for (let r = 0; r < R; r++) diffs[r] = treated.p(a)[r] - untreatedRun.p(a)[r];
      const trueEffect = mean(diffs);
      const trueSe = sd(diffs) / Math.sqrt(R);
      for (let r = 0; r < R; r++) {
        const na = treated.n(a)[r], nc = treated.n(0)[r], pa = treated.p(a)[r], pc = treated.p(0)[r];
        const e1 = pa - pc;
        const h = 1.96 * Math.sqrt((na > 0 ? (pa * (1 - pa)) / na : 0) + (nc > 0 ? (pc * (1 - pc)) / nc : 0)); // a trial analyst's interval for two proportions (large groups: the normal quantile is right)
        est += e1; half += h; nA += na; nC += nc; pA += pa; pC += pc;
        if (e1 - h <= trueEffect && trueEffect <= e1 + h) covered++;
        if (e1 - h > 0 || e1 + h < 0) significant++;
      }
      arms.push({
        variant: design, arm: groups[a], nArm: nA / R, nControl: nC / R, outflowArm: pA / R, outflowControl: pC / R,
        estimate: est / R, halfWidth: half / R, trueEffect, trueSe, coverage: covered / R, power: significant / R,
      });
    }
  }
  let treatedOutflow: TrialResult['treatedOutflow'];
  if (d.selfSelection) {
    const pooled = (v: Variant, r: number) => {
      const g = per(v);
      let n = 0, left = 0;
      for (let a = 1; a < groups.length; a++) { n += g.n(a)[r]; left += g.n(a)[r] * g.p(a)[r]; }
      return n > 0 ? left / n : 0;
    };
    const l = Float64Array.from({ length: R }, (_, r) => pooled('lottery', r));
    const c = Float64Array.from({ length: R }, (_, r) => pooled('choice', r));
    const diff = c.map((v, r) => v - l[r]);
    treatedOutflow = { lottery: mean(l), choice: mean(c), difference: mean(diff), se: sd(diff) / Math.sqrt(R) };
  }
  return { arms, treatedOutflow, replicates: R };
}

function mean(v: Float64Array): number {
  let s = 0;
  for (const x of v) s += x;
  return v.length ? s / v.length : 0;
}

function sd(v: Float64Array): number {
  const m = mean(v);
  let s = 0;
  for (const x of v) s += (x - m) ** 2;
  return v.length > 1 ? Math.sqrt(s / (v.length - 1)) : 0;
}

const pct = (v: number) => `${(100 * v).toFixed(1)}`;

/** The trial's verdict, computed from the numbers. */
export function trialVerdict(t: TrialResult): string[] {
  const lines: string[] = [];
  for (const a of t.arms.filter((x) => x.variant === 'lottery')) {
    lines.push(
      `By lottery, the '${a.arm}' arm (about ${Math.round(a.nArm)} people against ${Math.round(a.nControl)} in the control group) shows an outflow ${pct(a.outflowArm)}% against ${pct(a.outflowControl)}%: ` +
        `an estimated effect of ${a.estimate >= 0 ? '+' : ''}${pct(a.estimate)} points (a typical 95% CI of ±${pct(a.halfWidth)}); the true effect is ${a.trueEffect >= 0 ? '+' : ''}${pct(a.trueEffect)} points. ` +
        `The interval contains the truth in ${Math.round(100 * a.coverage)}% of replications and excludes zero in ${Math.round(100 * a.power)}% (the power at these group sizes).`,
    );
    const seMean = a.halfWidth / 1.96 / Math.sqrt(t.replicates); // undoes the line above
    const gap = a.estimate - a.trueEffect;
    if (Math.abs(gap) > 3 * Math.sqrt(seMean ** 2 + a.trueSe ** 2)) {
      lines.push(
        `  On average the trial ${gap > 0 ? 'over' : 'under'}states that arm's effect by ${pct(Math.abs(gap))} points: the arms compete with the control group for the same vacancies, ` +
          `so the control group's outflow is not what it would be without the trial (displacement, which a trial cannot see).`,
      );
    }
  }
  if (t.treatedOutflow) {
    const o = t.treatedOutflow;
    const q = tQuantile975(t.replicates - 1); // Student's t over the replications
    const better = o.difference - q * o.se > 0 ? 'more' : o.difference + q * o.se < 0 ? 'less' : 'no clearly different';
    lines.push(
      `With volunteers choosing their arm, ${pct(o.choice)}% of the treated left benefit by the reporting month against ${pct(o.lottery)}% by lottery ` +
        `(difference ${o.difference >= 0 ? '+' : ''}${pct(o.difference)} points, 95% CI ${pct(o.difference - q * o.se)} to ${pct(o.difference + q * o.se)}): self-selection gives ${better} outflow in this model.`,
    );
  }
  return lines;
}
