/**
 * What a factorial experiment's replicates say: each cell's outcomes with intervals, the effect of
 * every factor level against the factor's baseline (paired by replicate: common random numbers),
 * the variance decomposition with bootstrap intervals and its verdict sentence, and the money.
 */
import { M, METRIC_COUNT } from '../engine/metrics.ts';
import { summarise } from '../output/stats.ts';
import type { Cell } from './cells.ts';
import { decompose, verdict, type Decomposition } from './decompose.ts';
import { measureOutcome, OUTCOME_LABEL } from './outcomes.ts';
import type { Experiment, Outcome } from './schema.ts';

/** The seeds' rule of thumb: every person leaving saves EUR 14,000 a year (seed 000, Emmen). */
export const RULE_OF_THUMB_PER_YEAR = 14_000;

export interface CellOutcome {
  cell: number;
  levels: Record<string, string>;
  outcome: Outcome;
  mean: number;
  se: number;
  p05: number;
  p95: number;
}

export interface Effect {
  outcome: Outcome;
  factor: string;
  level: string;
  baseline: string;
  /** The other factors' levels this contrast holds fixed. */
  at: Record<string, string>;
  mean: number;
  /** Standard error of the mean paired difference (common random numbers). */
  se: number;
  lo: number;
  hi: number;
  /** What the standard error would be had the two cells used independent random numbers. */
  seUnpaired: number;
}

export interface CostRow {
  cell: number;
  levels: Record<string, string>;
  benefitCost: number;
  programmeCost: number;
  totalCost: number;
  /** Against the baseline policy level in the same economy/town (undefined for the baseline itself). */
  netSaving?: { mean: number; lo: number; hi: number };
  fewerRecipientsAtEnd?: number;
  /** fewer recipients at the end x EUR 14,000: the seeds' yearly saving. */
  ruleOfThumbPerYear?: number;
  /** The simulated benefit saving in the horizon's last 12 months. */
  simulatedLastYear?: number;
  /** First month (from 0) in which the cumulative benefit saving covers the cumulative programme cost difference. */
  paybackMonth?: number | null;
  /** The same against the experiment's declared investment pattern, if any. */
  paybackMonthDeclared?: number | null;
}

export interface FactorialAnalysis {
  cells: CellOutcome[];
  effects: Effect[];
  decompositions: { outcome: Outcome; decomposition: Decomposition; verdict: string }[];
  costs: CostRow[];
  /** Mean monthly series per cell: [cell][month * METRIC_COUNT + metric]. */
  meanSeries: Float64Array[];
  /** 5th and 95th percentiles per cell and month for the caseload at the end of the month. */
  caseloadBand: { p05: Float64Array; p95: Float64Array }[];
}

/** The baseline level of each factor: declared, else 'none' for a policy factor if present, else the first level. */
export function baselines(e: Experiment): Record<string, string> {
  if (e.design.kind !== 'factorial') return {};
  const out: Record<string, string> = {};
  for (const f of e.design.factors) {
    const declared = e.design.baseline?.[f.name];
    out[f.name] = declared ?? (f.kind === 'policies' && f.levels.some((l) => l.name === 'none') ? 'none' : f.levels[0].name);
  }
  return out;
}

export function analyseFactorial(e: Experiment, cells: readonly Cell[], series: readonly (readonly Float64Array[])[], months: number): FactorialAnalysis {
  if (e.design.kind !== 'factorial') throw new Error('not a factorial design');
  const factors = e.design.factors;
  const R = e.replicates;
  const base = baselines(e);
  const y = (o: Outcome) => cells.map((c) => Float64Array.from(series[c.index], (s) => measureOutcome(o, s, months)));
  const find = (levels: Record<string, string>) => cells.find((c) => factors.every((f) => c.levels[f.name] === levels[f.name]))!;

  const cellOutcomes: CellOutcome[] = [];
  const effects: Effect[] = [];
  const decompositions: FactorialAnalysis['decompositions'] = [];
  for (const o of e.outcomes) {
    const v = y(o);
    for (const c of cells) {
      const s = summarise(v[c.index]);
      cellOutcomes.push({ cell: c.index, levels: c.levels, outcome: o, mean: s.mean, se: s.se, p05: s.p05, p95: s.p95 });
    }
    for (const f of factors) {
      for (const c of cells) {
        if (c.levels[f.name] === base[f.name]) continue;
        const ref = find({ ...c.levels, [f.name]: base[f.name] });
        const d = Float64Array.from({ length: R }, (_, r) => v[c.index][r] - v[ref.index][r]);
        const s = summarise(d);
        const a = summarise(v[c.index]), b = summarise(v[ref.index]);
        const at = Object.fromEntries(Object.entries(c.levels).filter(([k]) => k !== f.name));
        effects.push({ outcome: o, factor: f.name, level: c.levels[f.name], baseline: base[f.name], at, mean: s.mean, se: s.se, lo: s.ci95[0], hi: s.ci95[1], seUnpaired: Math.sqrt(a.se ** 2 + b.se ** 2) });
      }
    }
    const varies = v.some((row) => row.some((x) => x !== v[0][0]));
    if (varies && R >= 2) {
      const d = decompose(v, factors.map((f) => ({ name: f.name, levels: f.levels.length })), { bootstrap: 1000, seed: e.seed });
      const phrase: Record<string, string> = {};
      for (const f of factors) phrase[f.name] = f.kind === 'economy' ? 'the economy' : f.kind === 'policies' ? `the ${f.name === 'policy' ? 'policy' : f.name}` : `the ${f.name}`;
      decompositions.push({ outcome: o, decomposition: d, verdict: verdict(d, { outcome: OUTCOME_LABEL[o], factors: phrase }) });
    }
  }

  const meanSeries = cells.map((c) => {
    const m = new Float64Array(months * METRIC_COUNT);
    for (const s of series[c.index]) for (let k = 0; k < m.length; k++) m[k] += s[k] / R;
    return m;
  });
  const caseloadBand = cells.map((c) => {
    const p05 = new Float64Array(months), p95 = new Float64Array(months);
    for (let t = 0; t < months; t++) {
      const s = summarise(series[c.index].map((x) => x[t * METRIC_COUNT + M.caseloadEnd]));
      p05[t] = s.p05;
      p95[t] = s.p95;
    }
    return { p05, p95 };
  });
  return { cells: cellOutcomes, effects, decompositions, costs: costsOf(e, cells, series, months, base), meanSeries, caseloadBand };
}

function costsOf(e: Experiment, cells: readonly Cell[], series: readonly (readonly Float64Array[])[], months: number, base: Record<string, string>): CostRow[] {
  if (e.design.kind !== 'factorial') return [];
  const policy = e.design.factors.find((f) => f.kind === 'policies');
  const R = e.replicates;
  const total = (s: Float64Array, col: number) => { let v = 0; for (let t = 0; t < months; t++) v += s[t * METRIC_COUNT + col]; return v; };
  return cells.map((c) => {
    const rows = series[c.index];
    const benefit = summarise(rows.map((s) => total(s, M.benefitCost))).mean;
    const programme = summarise(rows.map((s) => total(s, M.programmeCost))).mean;
    const row: CostRow = { cell: c.index, levels: c.levels, benefitCost: benefit, programmeCost: programme, totalCost: benefit + programme };
    if (!policy || c.levels[policy.name] === base[policy.name]) return row;
    const ref = cells.find((x) => Object.entries(c.levels).every(([k, v]) => x.levels[k] === (k === policy.name ? base[policy.name] : v)))!;
    const refRows = series[ref.index];
    const saving = summarise(rows.map((s, r) => total(refRows[r], M.benefitCost) + total(refRows[r], M.programmeCost) - total(s, M.benefitCost) - total(s, M.programmeCost)));
    row.netSaving = { mean: saving.mean, lo: saving.ci95[0], hi: saving.ci95[1] };
    const end = (s: Float64Array) => s[(months - 1) * METRIC_COUNT + M.caseloadEnd];
    row.fewerRecipientsAtEnd = summarise(rows.map((s, r) => end(refRows[r]) - end(s))).mean;
    row.ruleOfThumbPerYear = row.fewerRecipientsAtEnd * RULE_OF_THUMB_PER_YEAR;
    let last = 0;
    for (let t = Math.max(0, months - 12); t < months; t++) for (let r = 0; r < R; r++) last += (refRows[r][t * METRIC_COUNT + M.benefitCost] - rows[r][t * METRIC_COUNT + M.benefitCost]) / R;
    row.simulatedLastYear = last * (12 / Math.min(12, months));
    row.paybackMonth = payback(rows, refRows, months, (t) => {
      let d = 0;
      for (let r = 0; r < R; r++) d += (rows[r][t * METRIC_COUNT + M.programmeCost] - refRows[r][t * METRIC_COUNT + M.programmeCost]) / R;
      return d;
    });
    if (e.investment) {
      const inv = e.investment;
      row.paybackMonthDeclared = payback(rows, refRows, months, (t) => (inv.perYear[Math.floor(t / 12)] ?? inv.thenPerYear) / 12);
    }
    return row;
  });
}

/** First month whose cumulative mean benefit saving covers the cumulative investment; null if none within the horizon. */
function payback(rows: readonly Float64Array[], refRows: readonly Float64Array[], months: number, investment: (t: number) => number): number | null {
  const R = rows.length;
  let saved = 0, spent = 0;
  for (let t = 0; t < months; t++) {
    for (let r = 0; r < R; r++) saved += (refRows[r][t * METRIC_COUNT + M.benefitCost] - rows[r][t * METRIC_COUNT + M.benefitCost]) / R;
    spent += investment(t);
    if (spent > 0 && saved >= spent) return t;
  }
  return null;
}
