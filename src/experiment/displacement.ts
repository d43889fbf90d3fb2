/**
 * Displacement: guidance for a random half of a group, in weak, average and tight job markets.
 *
 * In each market the town runs twice on the same replicates (common random numbers: the same
 * people, the same lottery): once with the treated half in guidance, once with nobody treated (the
 * treated half observed as a cohort). Paired per replicate, the experiment measures over the
 * follow-up:
 *   gain               the treated half's extra exits to work;
 *   loss (untreated)   the untreated half's lost exits to work (the same lottery's other half);
 *   loss (recipients)  all other recipients' lost exits to work;
 *   loss (outside)     hires lost by jobseekers outside bijstand;
 *   net                extra hires in the whole market.
 * The untreated half's loss over the treated half's gain is what a trial comparing the halves
 * would miss; the shares of the gain taken from each group say who pays for it. Intervals: t
 * intervals of the paired means over replicates, and for the ratios a seeded percentile bootstrap
 * over replicates.
 */
import { validateModel, type LoadedModel } from '../model/load.ts';
import type { Model } from '../model/schema.ts';
import type { PolicySpec } from '../policies/registry.ts';
import { TargetEvaluator } from '../calibration/evaluate.ts';
import type { Target } from '../calibration/targets.ts';
import { openStream } from '../random/streams.ts';
import { tQuantile975 } from '../output/stats.ts';
import type { Experiment } from './schema.ts';

export interface MarketResult {
  market: string;
  vacancyFactor: number;
  /** Mean group sizes (treated and untreated halves). */
  nTreated: number;
  nUntreated: number;
  /** Mean vacancy fill (hires over what the vacancies can take) without treatment: how tight the market is. */
  fill: number;
  gain: Interval;
  lossUntreated: Interval;
  lossOtherRecipients: Interval;
  lossOutside: Interval;
  net: Interval;
  /** The untreated half's loss over the treated half's gain. */
  untreatedOverGain: Interval;
  /** (All losses) over the gain: the share of the gain that is displacement. */
  displacedShare: Interval;
  replicates: number;
}

export interface Interval { mean: number; lo: number; hi: number }

export function meanInterval(x: readonly number[]): Interval {
  const n = x.length;
  const mean = x.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(x.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, n - 1));
  const h = n > 1 ? tQuantile975(n - 1) * sd / Math.sqrt(n) : NaN;
  return { mean, lo: mean - h, hi: mean + h };
}

/** Ratio of means with a seeded percentile bootstrap over replicates (2,000 resamples). */
export function ratioInterval(num: readonly number[], den: readonly number[], key: string): Interval {
  const n = num.length;
  const sum = (a: readonly number[], idx?: number[]) => (idx ? idx.reduce((s, i) => s + a[i], 0) : a.reduce((s, v) => s + v, 0));
  const mean = sum(num) / sum(den);
  const u = openStream(['displacement-bootstrap', key]);
  const draws: number[] = [];
  for (let b = 0; b < 2000; b++) {
    const idx = Array.from({ length: n }, () => Math.floor(u() * n));
    const d = sum(den, idx);
    if (d !== 0) draws.push(sum(num, idx) / d);
  }
  draws.sort((a, b) => a - b);
  return { mean, lo: draws[Math.floor(0.025 * draws.length)], hi: draws[Math.min(draws.length - 1, Math.floor(0.975 * draws.length))] };
}

const TREATED = 'treated half';
const UNTREATED = 'untreated half';

export function variant(base: Model, d: Extract<Experiment['design'], { kind: 'displacement' }>, factor: number, treated: boolean): Model {
  const half = (arm: number) => ({ ...d.group, lottery: { arms: 2, arm, volunteerShare: 1 } });
  const window = { openFromMonth: d.startMonth, openUntilMonth: d.startMonth + 1 };
  const months = d.startMonth + d.followMonths;
  const policies: PolicySpec[] = [
    { type: 'cohort', label: UNTREATED, target: half(0), followMonths: months, places: 10_000_000, ...window } as PolicySpec,
    treated
      ? ({ type: 'intensive-guidance', label: TREATED, target: half(1), caseManagers: d.caseManagers, caseloadPerManager: d.caseloadPerManager, durationMonths: d.followMonths, costPerManagerYear: 75_000, ...window } as PolicySpec)
      : ({ type: 'cohort', label: TREATED, target: half(1), followMonths: months, places: 10_000_000, ...window } as PolicySpec),
  ];
  const end = months;
  const t = (name: string, measure: Target['measure']): Target => ({ name, figure: '', source: '', value: 0, tolerance: 1, measure });
  const targets: Target[] = [
    t('n-treated', { kind: 'entrants', programme: TREATED, fromMonth: 0, untilMonth: end }),
    t('n-untreated', { kind: 'entrants', programme: UNTREATED, fromMonth: 0, untilMonth: end }),
    t('work-treated', { kind: 'programme-exits', programme: TREATED, route: 'work', fromMonth: d.startMonth, untilMonth: end }),
    t('work-untreated', { kind: 'programme-exits', programme: UNTREATED, route: 'work', fromMonth: d.startMonth, untilMonth: end }),
    t('work-all', { kind: 'total', metric: 'exitsWork', fromMonth: d.startMonth, untilMonth: end }),
    t('hires', { kind: 'total', metric: 'hires', fromMonth: d.startMonth, untilMonth: end }),
    t('fill', { kind: 'mean', metric: 'vacancyFill', fromMonth: d.startMonth, untilMonth: end }),
  ];
  // validated like a model file, so the policies get their defaults
  return validateModel({
    ...base, name: `${base.name}-${String(factor).replace('.', 'p')}-${treated ? 'treated' : 'untreated'}`, policies, scenarios: [], free: [], targets, horizonMonths: months,
    economy: { ...base.economy, regionalFactor: base.economy.regionalFactor * factor },
  }, `the displacement design on ${base.name}`);
}

export async function runDisplacement(e: Experiment, models: ReadonlyMap<string, LoadedModel>, workers: number): Promise<MarketResult[]> {
  if (e.design.kind !== 'displacement') throw new Error('not a displacement design');
  const d = e.design;
  const base = models.get(d.base)!.model;
  const cells = d.markets.flatMap((m) => [variant(base, d, m.vacancyFactor, true), variant(base, d, m.vacancyFactor, false)]);
  const evaluator = new TargetEvaluator(workers);
  let results;
  try {
    results = await evaluator.evaluate(cells, e.replicates, e.seed);
  } finally {
    await evaluator.close();
  }
  const values = (model: string, target: string) => Array.from(results.find((r) => r.model === model && r.target.name === target)!.values);
  return d.markets.map((m) => {
    const on = variant(base, d, m.vacancyFactor, true).name;
    const off = variant(base, d, m.vacancyFactor, false).name;
    const diff = (target: string, sign: 1 | -1) => { const a = values(on, target), b = values(off, target); return a.map((v, r) => sign * (v - b[r])); };
    const gain = diff('work-treated', 1);
    const lossUntreated = diff('work-untreated', -1);
    const allOn = values(on, 'work-all'), allOff = values(off, 'work-all');
    const tOn = values(on, 'work-treated'), tOff = values(off, 'work-treated');
    const uOn = values(on, 'work-untreated'), uOff = values(off, 'work-untreated');
    const lossOther = allOn.map((v, r) => -((v - tOn[r] - uOn[r]) - (allOff[r] - tOff[r] - uOff[r])));
    const hOn = values(on, 'hires'), hOff = values(off, 'hires');
    const lossOutside = hOn.map((v, r) => -((v - allOn[r]) - (hOff[r] - allOff[r])));
    const net = hOn.map((v, r) => v - hOff[r]);
    const losses = gain.map((_, r) => lossUntreated[r] + lossOther[r] + lossOutside[r]);
    const mean = (x: number[]) => x.reduce((a, b) => a + b, 0) / x.length;
    return {
      market: m.name, vacancyFactor: m.vacancyFactor,
      nTreated: mean(values(on, 'n-treated')), nUntreated: mean(values(on, 'n-untreated')), fill: mean(values(off, 'fill')),
      gain: meanInterval(gain), lossUntreated: meanInterval(lossUntreated), lossOtherRecipients: meanInterval(lossOther),
      lossOutside: meanInterval(lossOutside), net: meanInterval(net),
      untreatedOverGain: ratioInterval(lossUntreated, gain, `${e.seed}/${m.name}/untreated`),
      displacedShare: ratioInterval(losses, gain, `${e.seed}/${m.name}/all`),
      replicates: e.replicates,
    };
  });
}

const pct = (x: Interval) => `${(100 * x.mean).toFixed(1)}% (95% interval ${(100 * x.lo).toFixed(1)} to ${(100 * x.hi).toFixed(1)})`;
const cnt = (x: Interval) => `${x.mean.toFixed(1)} (${x.lo.toFixed(1)} to ${x.hi.toFixed(1)})`;

export function displacementVerdict(rows: readonly MarketResult[]): string[] {
  const out = rows.map((r) =>
    `${r.market} market (vacancies x ${r.vacancyFactor}, ${(100 * r.fill).toFixed(0)}% of vacancy capacity filled): guidance gave the treated half ${cnt(r.gain)} extra exits to work; ` +
    `the untreated half lost ${cnt(r.lossUntreated)}, other recipients ${cnt(r.lossOtherRecipients)}, jobseekers outside bijstand ${cnt(r.lossOutside)}. ` +
    `Untreated half's loss / treated half's gain: ${pct(r.untreatedOverGain)}; share of the gain displaced from anyone: ${pct(r.displacedShare)}.`);
  if (rows.length > 1) {
    const [a, b] = [rows[0], rows[rows.length - 1]];
    const apart = a.displacedShare.lo > b.displacedShare.hi || b.displacedShare.lo > a.displacedShare.hi;
    out.push(`Displacement ${apart ? 'differs' : 'does not clearly differ'} between the ${a.market} and the ${b.market} market (${pct(a.displacedShare)} against ${pct(b.displacedShare)}): ${a.displacedShare.mean > b.displacedShare.mean ? 'the slacker the market, the more of the gain is taken from others' : 'the tighter market displaces more'}.`);
  }
  return out;
}
