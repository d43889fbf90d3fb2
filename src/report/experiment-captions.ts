/**
 * Captions of an experiment's charts, every figure computed from the run's files (cells, effects,
 * costs, series, trial, sobol, samples) or quoted from verdict.txt, whose sentences the run
 * computed: no number in a caption is written by hand.
 */
import { spearman } from '../experiment/pipeline.ts';
import { tQuantile975 } from '../output/stats.ts';
import { allCells, cellLabel, outcomeTitle, verdictSentences, type ExperimentRun, type OutcomeInfo } from './experiment-data.ts';
import { componentLabel, effectLabel } from './experiment-charts.ts';
import { policyFactor, savingPaths } from './experiment-time.ts';
import { DESIGN_WORDS, measureMonth } from './sampling-charts.ts';
import { experimentWords } from './experiment-words.ts';
import type { Lang } from './lang.ts';
import { between, monthName, num, range, signed } from './theme.ts';

/** A value of an outcome in words: "166 people", "EUR 29.46 million", "12.3%", "0.412" (nl "166 personen", "29,46 miljoen euro"). */
export function amount(o: OutcomeInfo, raw: number, sign = false, lang: Lang = 'en'): string {
  const v = raw * o.scale;
  const n = sign ? signed(v, o.decimals, lang) : num(v, o.decimals, lang);
  if (o.unit === 'EUR million') return experimentWords(lang).money(n);
  if (o.unit === '%') return `${n}%`;
  if (o.unit === 'index') return n;
  return `${n} ${o.unitText}`;
}

const joinWords = (xs: string[], lang: Lang = 'en') => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} ${experimentWords(lang).and} ${xs[xs.length - 1]}`);
const capital = (s: string) => s[0].toUpperCase() + s.slice(1);
const pct = (share: number) => `${num(100 * share)}%`;
const points = (share: number, sign = false) => `${sign ? signed(100 * share, 1) : num(100 * share, 1)} points`;
const money = (x: number, lang: Lang) => experimentWords(lang).money(num(x, Math.abs(x) < 10 ? 2 : 1, lang));

/** Lowest and highest cell of each outcome, and how far each factor's level means lie apart. */
export function gridCaption(run: ExperimentRun): string {
  const { lang } = run;
  const W = experimentWords(lang);
  return run.outcomes.map((o) => {
    const mine = run.cells.filter((c) => c.outcome === o.id);
    // the first cell in file order wins a tie
    const low = mine.reduce((a, b) => (b.mean < a.mean ? b : a));
    const high = mine.reduce((a, b) => (b.mean > a.mean ? b : a));
    const spreads = run.factors.map((f) => {
      const means = f.levels.map((l) => {
        const xs = mine.filter((c) => c.levels[f.name] === l);
        return xs.reduce((s, c) => s + c.mean, 0) / xs.length;
      });
      return W.gridSpread(amount(o, Math.max(...means) - Math.min(...means), false, lang), f.name);
    });
    const others = run.factors.length > 1 ? W.averagedOver : '';
    return W.gridLine(capital(o.name), amount(o, low.mean, false, lang), cellLabel(run.factors, low.levels), amount(o, high.mean, false, lang), cellLabel(run.factors, high.levels), joinWords(spreads, lang), others);
  }).join(' ') + W.gridEnd(run.manifest.replicates);
}

/** A whole-number percentage, as the verdict prints it. */
const percent = (share: number) => String(Math.round(share * 100) + 0);

/**
 * The verdict sentence of each outcome in the report's language, from decomposition.csv, worded as
 * src/experiment/decompose.ts words verdict.txt: main effects first, largest first, then the rest.
 */
export function verdictsOf(run: ExperimentRun): string[] {
  const W = experimentWords(run.lang);
  return run.outcomes.flatMap((o) => {
    const terms = run.decomposition.filter((d) => d.outcome === o.id);
    if (terms.length === 0) return [];
    const mains = terms.filter((t) => t.kind === 'main').sort((a, b) => b.share - a.share);
    const ordered = [...mains, ...terms.filter((t) => t.kind !== 'main')];
    const label = (t: (typeof terms)[number]) =>
      t.kind === 'main' ? t.component
      : t.kind === 'interaction' ? (run.factors.length === 2 ? W.interaction : W.interactionOf(t.component.split('×').join('-')))
      : t.kind === 'higher-order' ? W.higherOrder
      : t.kind === 'replicate' ? W.replicate
      : W.chanceShort;
    const ci = (t: (typeof terms)[number], prefix: string) => (Number.isFinite(t.lo) && Number.isFinite(t.hi) ? ` (${prefix}${percent(t.lo)}-${percent(t.hi)}%)` : '');
    const [first, ...rest] = ordered;
    return [[W.verdictHead(label(first), percent(first.share), ci(first, W.ciWord), o.name), ...rest.map((t) => `${label(t)} ${percent(t.share)}%${ci(t, '')}`)].join(', ') + '.'];
  });
}

/** The verdict sentences of verdict.txt (in English) or computed in the report's language; from decomposition.csv if the file has none. */
export function decompositionCaption(run: ExperimentRun): string {
  if (run.lang !== 'en') return verdictsOf(run).join(' ');
  const verdicts = verdictSentences(run).filter((s) => s.startsWith('In this experiment,'));
  if (verdicts.length > 0) return verdicts.join(' ');
  return run.outcomes.map((o) => {
    const terms = run.decomposition.filter((d) => d.outcome === o.id);
    return `${capital(o.name)}: ${terms.map((t) => `${componentLabel(t.component, t.kind)} ${pct(t.share)} (95% CI ${pct(t.lo)} to ${pct(t.hi)})`).join(', ')}.`;
  }).join(' ');
}

/** How many effects are clear, the largest per outcome, and what pairing bought. */
export function effectsCaption(run: ExperimentRun): string {
  const { lang } = run;
  const W = experimentWords(lang);
  const clear = run.effects.filter((e) => e.lo > 0 || e.hi < 0).length;
  const largest = run.outcomes.flatMap((o) => {
    const mine = run.effects.filter((e) => e.outcome === o.id);
    if (mine.length === 0) return [];
    const e = mine.reduce((a, b) => (Math.abs(b.mean) > Math.abs(a.mean) ? b : a));
    return [W.effectsLargest(o.name, effectLabel(e, lang), amount(o, e.mean, true, lang), W.ci95(range(e.lo * o.scale, e.hi * o.scale, o.decimals, lang)))];
  });
  const ratios = run.effects.filter((e) => e.se > 0).map((e) => e.seUnpaired / e.se);
  const pairing = ratios.length > 0 ? W.effectsPairing(num(ratios.reduce((s, r) => s + r, 0) / ratios.length, 1, lang)) : '';
  return W.effectsLine(clear, run.effects.length, joinWords(largest, lang), pairing);
}

/** Where the caseload starts, which cells end highest and lowest, and how far the levels of the first factor end apart. */
export function caseloadCellsCaption(run: ExperimentRun): string {
  const { lang } = run;
  const W = experimentWords(lang);
  const last = run.months - 1;
  const cells = allCells(run.factors);
  const ends = cells.map((levels) => ({ levels, s: run.series(levels, 'caseloadEnd')! }));
  // the first cell in file order wins a tie
  const low = ends.reduce((a, b) => (b.s.mean[last] < a.s.mean[last] ? b : a));
  const high = ends.reduce((a, b) => (b.s.mean[last] > a.s.mean[last] ? b : a));
  const start = run.series(cells[0], 'caseload')?.mean[0];
  const describe = (x: (typeof ends)[number]) => W.cellEnd(num(x.s.mean[last], 0, lang), cellLabel(run.factors, x.levels), between(x.s.p05[last], x.s.p95[last], 0, lang));
  const [first, second] = run.factors;
  let within = '';
  if (second) {
    // for each level of the second factor, the spread across the first factor's levels
    const gaps = second.levels.map((l) => {
      const xs = ends.filter((e) => e.levels[second.name] === l).map((e) => e.s.mean[last]);
      return { l, gap: Math.max(...xs) - Math.min(...xs) };
    });
    const widest = gaps.reduce((a, b) => (b.gap > a.gap ? b : a));
    within = W.within(second.name, first.name, num(widest.gap, 0, lang), widest.l);
  }
  return W.caseloadLine(start === undefined ? null : num(start, 0, lang), monthName(run.startMonth!, last, lang), describe(low), describe(high), within);
}

/** Net saving per policy cell with its interval, the payback month, and the EUR 14,000 rule of thumb beside the simulation. */
export function savingsCaption(run: ExperimentRun): string {
  const { lang } = run;
  const W = experimentWords(lang);
  const paths = savingPaths(run);
  const policy = policyFactor(run);
  if (!paths || !policy || paths.length === 0) return costsCaption(run);
  const last = monthName(run.startMonth!, run.months - 1, lang);
  const sentences = paths.map((s) => {
    const where = s.where ? ` (${s.where})` : '';
    const end = s.end ?? { mean: s.cumulative[run.months - 1], lo: NaN, hi: NaN };
    if (end.mean === 0 && s.cumulative.every((x) => x === 0)) return W.sameEveryMonth(s.level, where, policy.baseline);
    const verb = end.mean >= 0 ? W.saves(money(end.mean, lang)) : W.costsMore(money(-end.mean, lang));
    // the interval in the verb's terms: of the saving, or of the extra cost
    const [lo, hi] = end.mean >= 0 ? [end.lo, end.hi] : [-end.hi, -end.lo];
    const ci = Number.isFinite(lo) ? ` (${W.ci95(range(lo, hi, 2, lang))})` : '';
    const payback = s.payback === null ? W.neverCovers : W.covers(monthName(run.startMonth!, s.payback, lang));
    const row = run.costs.find((c) => run.factors.every((f) => c.levels[f.name] === s.levels[f.name]));
    const thumb = row?.ruleOfThumbPerYear !== undefined && row.simulatedLastYear !== undefined
      ? W.thumb(money(row.ruleOfThumbPerYear * 1e-6, lang), money(row.simulatedLastYear * 1e-6, lang))
      : '';
    // only an experiment that declares an investment can say whether it pays it back
    const declared = row?.paybackDeclared === undefined || !run.experiment.investment ? '' : row.paybackDeclared === null
      ? W.noDeclared
      : W.declared(monthName(run.startMonth!, row.paybackDeclared, lang));
    return W.savingLine(s.level, where, verb, ci, last, payback, thumb, declared);
  });
  return `${W.savingsHead(policy.baseline, run.months)} ${sentences.join(' ')}`;
}

/** Cheapest and dearest cell (when there is no policy factor to compare). */
export function costsCaption(run: ExperimentRun): string {
  if (run.costs.length === 0) return '';
  const { lang } = run;
  const W = experimentWords(lang);
  const sorted = [...run.costs].sort((a, b) => a.total - b.total);
  const [low, high] = [sorted[0], sorted[sorted.length - 1]];
  const one = (c: (typeof sorted)[number]) => W.costOne(money(c.total * 1e-6, lang), cellLabel(run.factors, c.levels), money(c.programme * 1e-6, lang));
  return W.costsLine(run.months, one(low), one(high), run.manifest.replicates);
}

/** Each arm's estimate beside the truth, its coverage and power, and what self-selection does. */
export function trialCaption(run: ExperimentRun): string {
  const month = measureMonth(run);
  const arms = run.trial.map((t) => {
    const how = DESIGN_WORDS[t.design] ?? t.design;
    return `With ${how}, '${t.arm}' (about ${num(t.nArm)} people against ${num(t.nControl)} in control) is estimated at ${points(t.estimate, true)} (typical 95% CI ±${points(t.halfWidth)}) against a true ${points(t.trueEffect, true)}; the interval contains the truth in ${pct(t.coverage)} of replications and excludes zero in ${pct(t.power)}, the power at these group sizes.`;
  });
  const s = run.selfSelection;
  const self = s
    ? ` Pooling the arms, ${num(100 * s.choice, 1)}% of the treated leave benefit by month ${month} when volunteers choose their arm, against ${num(100 * s.lottery, 1)}% by lottery (difference ${points(s.difference, true)}, 95% CI ${range(100 * (s.difference - tQuantile975(run.manifest.replicates - 1) * s.se), 100 * (s.difference + tQuantile975(run.manifest.replicates - 1) * s.se), 1)}).`
    : '';
  return `Outflow by month ${month}, ${run.manifest.replicates} replications. ${arms.join(' ')}${self}`;
}

/** Per outcome the parameter with the largest total index. */
export function sobolCaption(run: ExperimentRun): string {
  return run.outcomes.map((o) => {
    const mine = run.sobol.filter((s) => s.outcome === o.id);
    if (mine.length === 0) return '';
    const top = mine.reduce((a, b) => (b.total > a.total ? b : a));
    const rest = mine.filter((s) => s !== top).map((s) => `${s.parameter} ${num(s.total, 2)} (${range(s.totalLo, s.totalHi, 2)})`);
    return `${capital(o.name)}: ${top.parameter} matters most, total index ${num(top.total, 2)} (95% CI ${range(top.totalLo, top.totalHi, 2)}), first-order ${num(top.first, 2)}${rest.length ? `; ${joinWords(rest)}` : ''}.`;
  }).filter(Boolean).join(' ') + ` From ${run.samples.length} model runs of ${run.manifest.replicates} replicate${run.manifest.replicates === 1 ? '' : 's'} each.`;
}

/** Per outcome its range over the points and its rank correlation with each parameter. */
export function samplesCaption(run: ExperimentRun): string {
  if (run.experiment.design.kind !== 'lhs' && run.experiment.design.kind !== 'sobol' && run.experiment.design.kind !== 'grid') return '';
  const params = run.experiment.design.parameters;
  return run.outcomes.map((o) => {
    const y = run.samples.map((s) => s.outcomes[o.id]);
    const r = params.map((p) => `${p.name} ${signed(spearman(run.samples.map((s) => s.parameters[p.name]), y), 2)}`);
    return `${capital(outcomeTitle(o).replace(/ \(.*\)$/, ''))} runs from ${amount(o, Math.min(...y))} to ${amount(o, Math.max(...y))}; rank correlation with ${joinWords(r)}.`;
  }).join(' ') + ` ${run.samples.length} points.`;
}

/** The caption of each experiment chart by name. */
export const EXPERIMENT_CAPTIONS: Record<string, (run: ExperimentRun) => string> = {
  'outcome-grid': gridCaption,
  decomposition: decompositionCaption,
  effects: effectsCaption,
  'caseload-cells': caseloadCellsCaption,
  savings: savingsCaption,
  costs: costsCaption,
  trial: trialCaption,
  sobol: sobolCaption,
  samples: samplesCaption,
};
