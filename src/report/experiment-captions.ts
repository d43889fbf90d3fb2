/**
 * Captions of an experiment's charts, every figure computed from the run's files (cells, effects,
 * costs, series, trial, sobol, samples) or quoted from verdict.txt, whose sentences the run
 * computed: no number in a caption is written by hand.
 */
import { spearman } from '../experiment/pipeline.ts';
import { money } from './captions.ts';
import { allCells, cellLabel, outcomeTitle, verdictSentences, type ExperimentRun, type OutcomeInfo } from './experiment-data.ts';
import { componentLabel, effectLabel } from './experiment-charts.ts';
import { policyFactor, savingPaths } from './experiment-time.ts';
import { DESIGN_WORDS, measureMonth } from './sampling-charts.ts';
import { between, monthName, num, range, signed } from './theme.ts';

/** A value of an outcome in words: "166 people", "EUR 29.46 million", "12.3%", "0.412". */
export function amount(o: OutcomeInfo, raw: number, sign = false): string {
  const v = raw * o.scale;
  const n = sign ? signed(v, o.decimals) : num(v, o.decimals);
  if (o.unit === 'EUR million') return `EUR ${n} million`;
  if (o.unit === '%') return `${n}%`;
  if (o.unit === 'index') return n;
  return `${n} ${o.unit}`;
}

const joinWords = (xs: string[]) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
const capital = (s: string) => s[0].toUpperCase() + s.slice(1);
const pct = (share: number) => `${num(100 * share)}%`;
const points = (share: number, sign = false) => `${sign ? signed(100 * share, 1) : num(100 * share, 1)} points`;

/** Lowest and highest cell of each outcome, and how far each factor's level means lie apart. */
export function gridCaption(run: ExperimentRun): string {
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
      return `up to ${amount(o, Math.max(...means) - Math.min(...means))} between ${f.name} levels`;
    });
    const others = run.factors.length > 1 ? ', averaged over the other factors' : '';
    return `${capital(o.name)} runs from ${amount(o, low.mean)} (${cellLabel(run.factors, low.levels)}) to ${amount(o, high.mean)} (${cellLabel(run.factors, high.levels)}); the means differ by ${joinWords(spreads)}${others}.`;
  }).join(' ') + ` Means of ${run.manifest.replicates} replicates per cell.`;
}

/** The verdict sentences of verdict.txt; computed from decomposition.csv if the file has none. */
export function decompositionCaption(run: ExperimentRun): string {
  const verdicts = verdictSentences(run).filter((s) => s.startsWith('In this experiment,'));
  if (verdicts.length > 0) return verdicts.join(' ');
  return run.outcomes.map((o) => {
    const terms = run.decomposition.filter((d) => d.outcome === o.id);
    return `${capital(o.name)}: ${terms.map((t) => `${componentLabel(t.component, t.kind)} ${pct(t.share)} (95% CI ${pct(t.lo)} to ${pct(t.hi)})`).join(', ')}.`;
  }).join(' ');
}

/** How many effects are clear, the largest per outcome, and what pairing bought. */
export function effectsCaption(run: ExperimentRun): string {
  const clear = run.effects.filter((e) => e.lo > 0 || e.hi < 0).length;
  const largest = run.outcomes.flatMap((o) => {
    const mine = run.effects.filter((e) => e.outcome === o.id);
    if (mine.length === 0) return [];
    const e = mine.reduce((a, b) => (Math.abs(b.mean) > Math.abs(a.mean) ? b : a));
    return [`for ${o.name}, ${effectLabel(e)}: ${amount(o, e.mean, true)} (95% CI ${range(e.lo * o.scale, e.hi * o.scale, o.decimals)})`];
  });
  const ratios = run.effects.filter((e) => e.se > 0).map((e) => e.seUnpaired / e.se);
  const pairing = ratios.length > 0
    ? ` Pairing by replicate makes the standard errors ${num(ratios.reduce((s, r) => s + r, 0) / ratios.length, 1)} times smaller on average than independent runs would give.`
    : '';
  return `${clear} of the ${run.effects.length} differences have a 95% confidence interval that excludes zero. The largest: ${joinWords(largest)}.${pairing}`;
}

/** Where the caseload starts, which cells end highest and lowest, and how far the levels of the first factor end apart. */
export function caseloadCellsCaption(run: ExperimentRun): string {
  const last = run.months - 1;
  const cells = allCells(run.factors);
  const ends = cells.map((levels) => ({ levels, s: run.series(levels, 'caseloadEnd')! }));
  // the first cell in file order wins a tie
  const low = ends.reduce((a, b) => (b.s.mean[last] < a.s.mean[last] ? b : a));
  const high = ends.reduce((a, b) => (b.s.mean[last] > a.s.mean[last] ? b : a));
  const start = run.series(cells[0], 'caseload')?.mean[0];
  const describe = (x: (typeof ends)[number]) => `${num(x.s.mean[last])} (${cellLabel(run.factors, x.levels)}; 90% of replicates ${between(x.s.p05[last], x.s.p95[last])})`;
  const [first, second] = run.factors;
  let within = '';
  if (second) {
    // for each level of the second factor, the spread across the first factor's levels
    const gaps = second.levels.map((l) => {
      const xs = ends.filter((e) => e.levels[second.name] === l).map((e) => e.s.mean[last]);
      return { l, gap: Math.max(...xs) - Math.min(...xs) };
    });
    const widest = gaps.reduce((a, b) => (b.gap > a.gap ? b : a));
    within = ` Within one ${second.name}, the ${first.name} levels end at most ${num(widest.gap)} people apart (${widest.l}).`;
  }
  const from = start === undefined ? '' : `From ${num(start)} people at the start, `;
  return `${from}${from ? 'the' : 'The'} caseload at the end of ${monthName(run.startMonth!, last)} is lowest at ${describe(low)} and highest at ${describe(high)}.${within}`;
}

/** Net saving per policy cell with its interval, the payback month, and the EUR 14,000 rule of thumb beside the simulation. */
export function savingsCaption(run: ExperimentRun): string {
  const paths = savingPaths(run);
  const policy = policyFactor(run);
  if (!paths || !policy || paths.length === 0) return costsCaption(run);
  const last = monthName(run.startMonth!, run.months - 1);
  const sentences = paths.map((s) => {
    const where = s.where ? ` (${s.where})` : '';
    const end = s.end ?? { mean: s.cumulative[run.months - 1], lo: NaN, hi: NaN };
    if (end.mean === 0 && s.cumulative.every((x) => x === 0)) return `${s.level}${where} costs the same as ${policy.baseline} in every month.`;
    const verb = end.mean >= 0 ? `saves ${money(end.mean)}` : `costs ${money(-end.mean)} more`;
    // the interval in the verb's terms: of the saving, or of the extra cost
    const [lo, hi] = end.mean >= 0 ? [end.lo, end.hi] : [-end.hi, -end.lo];
    const ci = Number.isFinite(lo) ? ` (95% CI ${range(lo, hi, 2)})` : '';
    const payback = s.payback === null ? 'the benefit it saves never covers its extra programme cost' : `the benefit saved covers the extra programme cost from ${monthName(run.startMonth!, s.payback)}`;
    const row = run.costs.find((c) => run.factors.every((f) => c.levels[f.name] === s.levels[f.name]));
    const thumb = row?.ruleOfThumbPerYear !== undefined && row.simulatedLastYear !== undefined
      ? `; the rule of thumb (EUR 14,000 a year per person fewer) says ${money(row.ruleOfThumbPerYear * 1e-6)} a year, the simulation ${money(row.simulatedLastYear * 1e-6)} in the last year`
      : '';
    // only an experiment that declares an investment can say whether it pays it back
    const declared = row?.paybackDeclared === undefined || !run.experiment.investment ? '' : row.paybackDeclared === null
      ? '; it does not pay back the declared investment within the run'
      : `; it pays back the declared investment in ${monthName(run.startMonth!, row.paybackDeclared)}`;
    return `${s.level}${where} ${verb}${ci} by the end of ${last}; ${payback}${thumb}${declared}.`;
  });
  return `Against ${policy.baseline}, over the ${run.months} months: ${sentences.join(' ')}`;
}

/** Cheapest and dearest cell (when there is no policy factor to compare). */
export function costsCaption(run: ExperimentRun): string {
  if (run.costs.length === 0) return '';
  const sorted = [...run.costs].sort((a, b) => a.total - b.total);
  const [low, high] = [sorted[0], sorted[sorted.length - 1]];
  const one = (c: (typeof sorted)[number]) => `${money(c.total * 1e-6)} (${cellLabel(run.factors, c.levels)}, of which ${money(c.programme * 1e-6)} on programmes)`;
  return `Over the ${run.months} months the cost runs from ${one(low)} to ${one(high)}, means of ${run.manifest.replicates} replicates.`;
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
    ? ` Pooling the arms, ${num(100 * s.choice, 1)}% of the treated leave benefit by month ${month} when volunteers choose their arm, against ${num(100 * s.lottery, 1)}% by lottery (difference ${points(s.difference, true)}, 95% CI ${range(100 * (s.difference - 1.96 * s.se), 100 * (s.difference + 1.96 * s.se), 1)}).`
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
  if (run.experiment.design.kind !== 'lhs' && run.experiment.design.kind !== 'sobol') return '';
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
