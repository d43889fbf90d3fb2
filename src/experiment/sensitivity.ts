/**
 * Structural sensitivity of a factorial experiment: its headline contrast re-run under each named
 * structural alternative of the model (`alternatives.ts`), with the same seeds (common random
 * numbers: replicate r of every alternative uses replicate r's streams, so the people and their
 * luck are the same and only the structure differs), and for each whether the verdict holds.
 *
 * The headline is the experiment's first outcome. The comparison is like for like: the base row is
 * the run's own first `replicates` replicates (the same streams the alternatives use), analysed
 * exactly as the alternatives are, by `analyseFactorial` (decomposition with bootstrap intervals)
 * and paired differences (Student's t intervals).
 *
 * When the verdict holds (`rule`):
 * - `policy-vs-economy` (a design with a policy factor and an economy factor): the largest share of
 *   the variation stays the same component (e.g. the economy), and every policy level's effect
 *   against the baseline policy, averaged over the economies, keeps the sign of its mean;
 * - `contrast` (any other factorial): every level of the headline factor (the policy factor if
 *   there is one, else the first factor) against its baseline, averaged over the other factors,
 *   keeps its sign, and its 95% interval excludes zero if and only if the base's does.
 * Otherwise it flips, and `why` names the criterion that failed.
 */
import { summarise } from '../output/stats.ts';
import { csvText } from '../output/csv.ts';
import type { Model } from '../model/schema.ts';
import { analyseFactorial, baselines } from './analyse.ts';
import { STRUCTURAL_ALTERNATIVES, applyAlternative, describeChanges, type Alternative } from './alternatives.ts';
import type { Cell } from './cells.ts';
import type { TermKind } from './decompose.ts';
import { measureOutcome, OUTCOME_LABEL } from './outcomes.ts';
import type { Experiment, Outcome } from './schema.ts';
import { simulateCells } from './simulate.ts';

export type SensitivityRule = 'policy-vs-economy' | 'contrast';

/** One share of the headline outcome's variation, with its bootstrap 95% interval. */
export interface ShareValue { key: string; kind: TermKind; share: number; lo: number; hi: number }

/** A level of the headline factor against its baseline, averaged over the other factors; paired by replicate, Student's t 95% interval. */
export interface EffectValue { factor: string; level: string; baseline: string; mean: number; lo: number; hi: number }

export interface Headline {
  outcome: Outcome;
  /** The factor whose effects the verdict is about (the policy factor, else the first). */
  factor: string;
  shares: ShareValue[];
  /** The key of the largest share (undefined when the outcome does not vary). */
  largest?: string;
  /** Every factor's levels against its baseline (the headline factor's judge the verdict; the others are shown). */
  effects: EffectValue[];
}

export interface SensitivityRow {
  /** `base` or the alternative's name. */
  name: string;
  label: string;
  reason: string;
  /** What the alternative sets, against the calibrated values ('' for the base). */
  changes: string;
  headline: Headline;
  verdict: 'base' | 'holds' | 'flips';
  /** Which criterion failed ('' when it holds). */
  why: string;
}

export interface SensitivityResult {
  rule: SensitivityRule;
  outcome: Outcome;
  factor: string;
  replicates: number;
  rows: SensitivityRow[];
}

/** The alternatives and replicates an experiment asks for, or null when sensitivity is off (replicates at most the run's). */
export function sensitivityPlan(e: Experiment): { alternatives: Alternative[]; replicates: number } | null {
  const s = e.sensitivity;
  if (!s) return null;
  const wanted = s === true ? undefined : s.alternatives;
  const alternatives = wanted ? wanted.map((n) => STRUCTURAL_ALTERNATIVES.find((a) => a.name === n)!) : [...STRUCTURAL_ALTERNATIVES];
  return { alternatives, replicates: Math.min(s === true ? 10 : s.replicates, e.replicates) };
}

/** The rule of a design and the factor whose contrast is the headline. */
export function headlineFactor(e: Experiment): { rule: SensitivityRule; factor: string } {
  if (e.design.kind !== 'factorial') throw new Error('structural sensitivity needs a factorial design');
  const f = e.design.factors;
  const policy = f.find((x) => x.kind === 'policies');
  return { rule: policy && f.some((x) => x.kind === 'economy') ? 'policy-vs-economy' : 'contrast', factor: (policy ?? f[0]).name };
}

/** The headline of `n` replicates per cell: the first outcome's shares (analyseFactorial) and every factor's averaged paired effects. */
export function headlineOf(e: Experiment, cells: readonly Cell[], series: readonly (readonly Float64Array[])[], months: number, n: number): Headline {
  const outcome = e.outcomes[0];
  const first = series.map((reps) => reps.slice(0, n));
  const a = analyseFactorial({ ...e, outcomes: [outcome], replicates: n }, cells, first, months);
  const terms = a.decompositions[0]?.decomposition.terms ?? [];
  const shares = terms.map((t) => ({ key: t.key, kind: t.kind, share: t.share, lo: t.ci95[0], hi: t.ci95[1] }));
  const largest = shares.length > 0 ? shares.reduce((p, q) => (q.share > p.share ? q : p)).key : undefined;
  const { factor } = headlineFactor(e);
  const y = cells.map((c) => first[c.index].map((s) => measureOutcome(outcome, s, months)));
  const at = (levels: Record<string, string>) => cells.find((c) => Object.entries(levels).every(([k, v]) => c.levels[k] === v))!;
  const base = baselines(e);
  const names = [factor, ...Object.keys(base).filter((f) => f !== factor)];
  const effects = names.flatMap((f) => [...new Set(cells.map((c) => c.levels[f]))].filter((l) => l !== base[f]).map((level): EffectValue => {
    const mine = cells.filter((c) => c.levels[f] === level);
    // per replicate: the mean over the other factors' levels of (this level - the baseline), so the pairing is kept
    const d = Float64Array.from({ length: n }, (_, r) => mine.reduce((s, c) => s + y[c.index][r] - y[at({ ...c.levels, [f]: base[f] }).index][r], 0) / mine.length);
    const s = summarise(d);
    return { factor: f, level, baseline: base[f], mean: s.mean, lo: s.ci95[0], hi: s.ci95[1] };
  }));
  return { outcome, factor, shares, largest, effects };
}

const excludesZero = (x: EffectValue) => x.lo > 0 || x.hi < 0;
const short = (v: number) => (Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en-GB') : Number(v.toPrecision(3)).toString());

/** Holds or flips, and why, by the design's rule (see the file comment). */
export function judge(rule: SensitivityRule, base: Headline, alt: Headline): { verdict: 'holds' | 'flips'; why: string } {
  const why: string[] = [];
  if (rule === 'policy-vs-economy' && alt.largest !== base.largest) why.push(`the largest share moved from ${base.largest ?? 'none'} to ${alt.largest ?? 'none'}`);
  base.effects.forEach((b, i) => {
    if (b.factor !== base.factor) return; // shown, not judged
    const x = alt.effects[i];
    if (Math.sign(x.mean) !== Math.sign(b.mean)) why.push(`${b.level} against ${b.baseline} changed sign (${short(b.mean)} to ${short(x.mean)})`);
    else if (rule === 'contrast' && excludesZero(x) !== excludesZero(b)) why.push(`the 95% interval of ${b.level} against ${b.baseline} ${excludesZero(x) ? 'no longer includes' : 'now includes'} zero`);
  });
  return { verdict: why.length > 0 ? 'flips' : 'holds', why: why.join('; ') };
}

export interface SensitivityOptions {
  e: Experiment;
  cells: readonly Cell[];
  /** The run's own series, [cell][replicate] (at least `replicates` of them). */
  series: readonly (readonly Float64Array[])[];
  months: number;
  workers: number;
  alternatives: readonly Alternative[];
  replicates: number;
  /** The run's cells under each parameter set of the ensemble, [cell][set]: an alternative changes every set, so replicate r keeps the run's set r mod K. */
  ensemble?: readonly (readonly Model[])[];
  onProgress?: (done: number, total: number) => void;
  isCancelled?: () => boolean;
}

/** Re-runs the headline under every alternative with the run's seed and judges each against the base. */
export async function runSensitivity(o: SensitivityOptions): Promise<SensitivityResult> {
  const { e, cells, months, replicates: n } = o;
  const { rule, factor } = headlineFactor(e);
  const base = headlineOf(e, cells, o.series, months, n);
  const rows: SensitivityRow[] = [{ name: 'base', label: 'the model as run (its calibration, and the ensemble\'s parameter sets when the run spreads over them)', reason: 'the run itself: its first replicates, analysed like the alternatives', changes: '', headline: base, verdict: 'base', why: '' }];
  const changed = o.alternatives.map((alt) => cells.map((c): Cell => ({ ...c, model: applyAlternative(c.model, alt) }))); // every bad value before any simulation
  const changedSets = o.ensemble && o.alternatives.map((alt) => o.ensemble!.map((sets) => sets.map((m) => applyAlternative(m, alt))));
  const total = o.alternatives.length * cells.length * n;
  for (const [k, alt] of o.alternatives.entries()) {
    const altCells = changed[k];
    const series: Float64Array[][] = altCells.map(() => new Array<Float64Array>(n));
    await simulateCells({
      cells: altCells.map((c, i) => ({ model: c.model, name: `${alt.name}: ${Object.values(c.levels).join(' ')}`, ensemble: changedSets?.[k][i] })),
      replicates: n, seed: e.seed, months, workers: Math.min(o.workers, cells.length * n),
      onResult: (c, r, s) => (series[c][r] = s),
      onProgress: o.onProgress && ((d) => o.onProgress!(k * cells.length * n + d, total)),
      isCancelled: o.isCancelled,
    });
    const headline = headlineOf(e, altCells, series, months, n);
    rows.push({ name: alt.name, label: alt.label, reason: alt.reason, changes: describeChanges(baseModel(cells), alt), headline, ...judge(rule, base, headline) });
  }
  return { rule, outcome: base.outcome, factor, replicates: n, rows };
}

const baseModel = (cells: readonly Cell[]): Model => cells[0].model;

/** sensitivity.csv: one tidy row per alternative x headline value (shares, then effects). */
export function sensitivityCsv(r: SensitivityResult): string {
  const head = ['alternative', 'label', 'changes', 'replicates', 'outcome', 'kind', 'factor', 'measure', 'against', 'value', 'ci95_lo', 'ci95_hi', 'interval', 'verdict', 'why', 'rule', 'reason'];
  const rows = r.rows.flatMap((x) => {
    const common = (kind: string, factor: string, measure: string, against: string, v: number, lo: number, hi: number, interval: string) =>
      [x.name, x.label, x.changes, r.replicates, r.outcome, kind, factor, measure, against, v, lo, hi, interval, x.verdict, x.why, r.rule, x.reason];
    return [
      ...x.headline.shares.map((s) => common('share', '', s.key, '', s.share, s.lo, s.hi, 'bootstrap percentile (1,000 resamples of replicates)')),
      ...x.headline.effects.map((f) => common('effect', f.factor, f.level, f.baseline, f.mean, f.lo, f.hi, "Student's t, paired by replicate")),
    ];
  });
  return csvText([head, ...rows]);
}

/** The first line of the terminal section (and of its part of verdict.txt). */
export const SENSITIVITY_HEADING = 'Structural sensitivity';

/** The terminal table: one line per alternative, the largest share, the effects, holds or flips. */
export function sensitivityLines(r: SensitivityResult): string[] {
  const pc = (v: number) => `${Math.round(100 * v)}%`;
  const body = r.rows.map((x) => {
    const big = x.headline.shares.find((s) => s.key === x.headline.largest);
    return [
      x.name,
      big ? `${big.key} ${pc(big.share)} (${pc(big.lo)}-${pc(big.hi)})` : 'n/a',
      x.headline.effects.filter((f) => f.factor === r.factor).map((f) => `${f.level} ${short(f.mean)} (${short(f.lo)} to ${short(f.hi)})`).join(', '),
      x.verdict + (x.why ? `: ${x.why}` : ''),
    ];
  });
  const head = ['alternative', 'largest share', `${r.factor} effect vs ${r.rows[0].headline.effects[0]?.baseline ?? 'baseline'}`, 'verdict'];
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => (i < 3 ? b[i].length : 0))));
  const line = (x: string[]) => x.map((v, i) => (i < 3 ? v.padEnd(w[i]) : v)).join('  ').trimEnd();
  return [
    `${SENSITIVITY_HEADING} of ${OUTCOME_LABEL[r.outcome]} (${r.replicates} replicates per cell, the run's seeds; rule: ${r.rule}; sensitivity.csv)`,
    '',
    line(head),
    line(w.map((x) => '-'.repeat(x))),
    ...body.map(line),
  ];
}
