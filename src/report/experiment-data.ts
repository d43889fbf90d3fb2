/**
 * Reads a finished experiment folder for charts and reports: manifest.json (with the experiment
 * as run), verdict.txt, and the tables its design writes — cells, effects, decomposition, costs
 * and series for factorials; trial and self-selection for trials; samples and sobol for sampling
 * designs. A folder is an experiment run when its manifest has an `experiment` entry.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { baselines } from '../experiment/analyse.ts';
import { OUTCOME_LABEL } from '../experiment/outcomes.ts';
import { SENSITIVITY_HEADING } from '../experiment/sensitivity.ts';
import type { Experiment } from '../experiment/schema.ts';
import { InputError } from '../model/load.ts';
import { experimentWords } from './experiment-words.ts';
import type { Lang } from './lang.ts';
import { reportMsg } from './messages.ts';
import { optionalNumber, readTable, requiredNumber, type CsvRow } from './csv.ts';
import { checkExperimentFolder, readManifest, type ExperimentManifest } from './experiment-manifest.ts';

export { isExperimentFolder, type ExperimentManifest } from './experiment-manifest.ts';

/** How an outcome is shown: its name, unit, and the scale from the run's unit (EUR -> EUR million). */
export interface OutcomeInfo {
  id: string;
  /** "caseload change" */
  name: string;
  /** "people", "%", "EUR million", "index" */
  unit: string;
  /** The unit in the report's language ("personen", "miljoen euro"). */
  unitText: string;
  /** Multiplies the values as written (1e-6 for EUR). */
  scale: number;
  decimals: number;
  /** d3 format for axes and tooltips. */
  format: string;
}

/** "Caseload change (people)" */
export const outcomeTitle = (o: OutcomeInfo) => `${o.name[0].toUpperCase()}${o.name.slice(1)} (${o.unitText})`;

/** How outcome `id` is shown, in `lang` (the outcome's name and unit in words). */
export function outcomeInfo(id: string, lang: Lang = 'en'): OutcomeInfo {
  const label = experimentWords(lang).outcome[id] ?? OUTCOME_LABEL[id as keyof typeof OUTCOME_LABEL] ?? id;
  const m = /^(.*) \(([^)]*)\)$/.exec(label);
  const [name, raw] = m ? [m[1], m[2]] : [label, 'index'];
  const unit = raw === 'EUR' ? 'EUR million' : raw;
  const unitText = experimentWords(lang).unit[unit] ?? unit;
  if (unit === 'EUR million') return { id, name, unit, unitText, scale: 1e-6, decimals: 2, format: ',.2f' };
  if (unit === '%') return { id, name, unit, unitText, scale: 1, decimals: 1, format: ',.1f' };
  if (unit === 'index') return { id, name, unit, unitText, scale: 1, decimals: 3, format: ',.3f' };
  return { id, name, unit, unitText, scale: 1, decimals: 0, format: ',.1f' };
}

export interface FactorInfo {
  name: string;
  kind: 'policies' | 'economy' | 'model';
  /** Level names in the order of the experiment file. */
  levels: string[];
  /** The level effects are measured against. */
  baseline: string;
}

export interface CellRow { levels: Record<string, string>; outcome: string; mean: number; se: number; p05: number; p95: number }
export interface EffectRow { outcome: string; factor: string; level: string; baseline: string; at: Record<string, string>; mean: number; se: number; lo: number; hi: number; seUnpaired: number }
export interface DecompositionRow { outcome: string; component: string; kind: string; share: number; lo: number; hi: number; ss: number; df: number }
export interface CostRow {
  levels: Record<string, string>;
  benefit: number;
  programme: number;
  total: number;
  /** Against the baseline policy in the same other levels; absent for the baseline itself. */
  netSaving?: { mean: number; lo: number; hi: number };
  fewerAtEnd?: number;
  ruleOfThumbPerYear?: number;
  simulatedLastYear?: number;
  /** Month (from 0) the benefit saving covers the extra programme cost; null: never; undefined: not applicable. */
  payback?: number | null;
  paybackDeclared?: number | null;
}
/** One metric of one cell per month: the mean (and the 90% band where series.csv has it). */
export interface CellSeries { mean: number[]; p05: number[]; p95: number[] }
export interface TrialRow {
  design: string; arm: string; nArm: number; nControl: number; outflowArm: number; outflowControl: number;
  estimate: number; halfWidth: number; trueEffect: number; trueSe: number; coverage: number; power: number;
}
export interface SelfSelection { lottery: number; choice: number; difference: number; se: number }
export interface SobolRow { outcome: string; parameter: string; first: number; firstLo: number; firstHi: number; total: number; totalLo: number; totalHi: number }
export interface SamplePoint { parameters: Record<string, number>; outcomes: Record<string, number> }
/** One row of sensitivity.csv: an alternative's share or effect of the headline outcome. */
export interface SensitivityRow {
  alternative: string; label: string; changes: string; replicates: number; outcome: string; kind: 'share' | 'effect'; factor: string; measure: string; against: string;
  value: number; lo: number; hi: number; verdict: string; why: string; rule: string; reason: string;
}

export interface ExperimentRun {
  dir: string;
  manifest: ExperimentManifest;
  experiment: Experiment;
  design: Experiment['design']['kind'];
  outcomes: OutcomeInfo[];
  /** Factors of a factorial (empty for other designs). */
  factors: FactorInfo[];
  /** verdict.txt, line by line. */
  verdict: string[];
  months: number;
  /** First month of the series ("YYYY-MM"), for factorials. */
  startMonth?: string;
  cells: CellRow[];
  effects: EffectRow[];
  decomposition: DecompositionRow[];
  costs: CostRow[];
  /** `series(levels, metric)`, undefined when series.csv has no such rows. */
  series: (levels: Record<string, string>, metric: string) => CellSeries | undefined;
  trial: TrialRow[];
  selfSelection?: SelfSelection;
  sobol: SobolRow[];
  samples: SamplePoint[];
  /** sensitivity.csv, when the experiment asked for structural sensitivity (else empty). */
  sensitivity: SensitivityRow[];
  /** The report's language: Dutch only for factorial designs (trial and sampling reports are English). */
  lang: Lang;
}

/** The key of a cell: its levels in factor order. */
export const cellKey = (factors: readonly FactorInfo[], levels: Record<string, string>) => factors.map((f) => levels[f.name]).join('\u0000');

/** "small, boom": a cell in words. */
export const cellLabel = (factors: readonly FactorInfo[], levels: Record<string, string>) => factors.map((f) => levels[f.name]).join(', ');

function factorsOf(e: Experiment): FactorInfo[] {
  if (e.design.kind !== 'factorial') return [];
  const base = baselines(e);
  return e.design.factors.map((f) => ({ name: f.name, kind: f.kind, levels: f.levels.map((l) => l.name), baseline: base[f.name] }));
}

const levelsOf = (factors: FactorInfo[], row: CsvRow) => Object.fromEntries(factors.map((f) => [f.name, row[f.name]]));

function readFactorial(dir: string, factors: FactorInfo[]) {
  const file = (n: string) => join(dir, n);
  const num = (f: string) => (row: CsvRow, c: string) => requiredNumber(row, c, file(f));
  const c = num('cells.csv');
  const cells = readTable(file('cells.csv')).rows.map((r): CellRow => ({
    levels: levelsOf(factors, r), outcome: r.outcome, mean: c(r, 'mean'), se: c(r, 'se'), p05: c(r, 'p05'), p95: c(r, 'p95'),
  }));
  const e = num('effects.csv');
  const effects = readTable(file('effects.csv')).rows.map((r): EffectRow => ({
    outcome: r.outcome, factor: r.factor, level: r.level, baseline: r.baseline,
    at: Object.fromEntries(factors.filter((f) => f.name !== r.factor).map((f) => [f.name, r[`at_${f.name}`]])),
    mean: e(r, 'mean_difference'), se: e(r, 'se'), lo: e(r, 'ci95_lo'), hi: e(r, 'ci95_hi'), seUnpaired: e(r, 'se_if_unpaired'),
  }));
  const d = num('decomposition.csv');
  const decomposition = readTable(file('decomposition.csv')).rows.map((r): DecompositionRow => ({
    outcome: r.outcome, component: r.component, kind: r.kind, share: d(r, 'share'), lo: d(r, 'ci95_lo'), hi: d(r, 'ci95_hi'), ss: d(r, 'sum_of_squares'), df: d(r, 'df'),
  }));
  const k = num('costs.csv');
  const costs = readTable(file('costs.csv')).rows.map((r): CostRow => {
    const saving = optionalNumber(r.net_saving);
    const month = (v: string) => (saving === undefined ? undefined : v === '' ? null : Number(v));
    return {
      levels: levelsOf(factors, r), benefit: k(r, 'benefit_cost'), programme: k(r, 'programme_cost'), total: k(r, 'total_cost'),
      netSaving: saving === undefined ? undefined : { mean: saving, lo: k(r, 'net_saving_lo'), hi: k(r, 'net_saving_hi') },
      fewerAtEnd: optionalNumber(r.fewer_recipients_at_end), ruleOfThumbPerYear: optionalNumber(r.rule_of_thumb_per_year),
      simulatedLastYear: optionalNumber(r.simulated_saving_last_year), payback: month(r.payback_month), paybackDeclared: month(r.payback_month_declared_investment),
    };
  });
  const series = new Map<string, CellSeries>();
  const dates: string[] = [];
  for (const r of readTable(file('series.csv')).rows) {
    const t = Number(r.month);
    dates[t] ??= r.date;
    const key = `${cellKey(factors, levelsOf(factors, r))}\u0000${r.metric}`;
    let s = series.get(key);
    if (!s) series.set(key, (s = { mean: [], p05: [], p95: [] }));
    s.mean[t] = Number(r.mean);
    s.p05[t] = r.p05 === '' ? NaN : Number(r.p05);
    s.p95[t] = r.p95 === '' ? NaN : Number(r.p95);
  }
  return { cells, effects, decomposition, costs, series, startMonth: dates[0] };
}

function readTrial(dir: string) {
  const f = join(dir, 'trial.csv');
  const n = (r: CsvRow, c: string) => requiredNumber(r, c, f);
  const trial = readTable(f).rows.map((r): TrialRow => ({
    design: r.design, arm: r.arm, nArm: n(r, 'n_arm'), nControl: n(r, 'n_control'), outflowArm: n(r, 'outflow_arm'), outflowControl: n(r, 'outflow_control'),
    estimate: n(r, 'estimate'), halfWidth: n(r, 'ci95_half_width'), trueEffect: n(r, 'true_effect'), trueSe: n(r, 'true_effect_se_paired'),
    coverage: n(r, 'coverage'), power: n(r, 'power'),
  }));
  const s = join(dir, 'self-selection.csv');
  const row = existsSync(s) ? readTable(s).rows[0] : undefined;
  const selfSelection = row && {
    lottery: requiredNumber(row, 'outflow_lottery', s), choice: requiredNumber(row, 'outflow_choice', s),
    difference: requiredNumber(row, 'difference', s), se: requiredNumber(row, 'se_paired', s),
  };
  return { trial, selfSelection };
}

function readSampling(dir: string, e: Experiment) {
  if (e.design.kind !== 'lhs' && e.design.kind !== 'sobol' && e.design.kind !== 'grid') return { samples: [], sobol: [] };
  const f = join(dir, 'samples.csv');
  const names = e.design.parameters.map((p) => p.name);
  const samples = readTable(f).rows.map((r): SamplePoint => ({
    parameters: Object.fromEntries(names.map((p) => [p, requiredNumber(r, p, f)])),
    outcomes: Object.fromEntries(e.outcomes.map((o) => [o, requiredNumber(r, o, f)])),
  }));
  if (e.design.kind !== 'sobol') return { samples, sobol: [] };
  const s = join(dir, 'sobol.csv');
  const n = (r: CsvRow, c: string) => requiredNumber(r, c, s);
  const sobol = readTable(s).rows.map((r): SobolRow => ({
    outcome: r.outcome, parameter: r.parameter, first: n(r, 'first_order'), firstLo: n(r, 'first_lo'), firstHi: n(r, 'first_hi'),
    total: n(r, 'total'), totalLo: n(r, 'total_lo'), totalHi: n(r, 'total_hi'),
  }));
  return { samples, sobol };
}

function readSensitivity(dir: string): SensitivityRow[] {
  const f = join(dir, 'sensitivity.csv');
  if (!existsSync(f)) return [];
  const n = (r: CsvRow, c: string) => requiredNumber(r, c, f);
  return readTable(f).rows.map((r): SensitivityRow => ({
    alternative: r.alternative, label: r.label, changes: r.changes, replicates: n(r, 'replicates'), outcome: r.outcome, kind: r.kind === 'share' ? 'share' : 'effect',
    factor: r.factor, measure: r.measure, against: r.against, value: n(r, 'value'), lo: n(r, 'ci95_lo'), hi: n(r, 'ci95_hi'), verdict: r.verdict, why: r.why, rule: r.rule, reason: r.reason,
  }));
}

/** Loads a finished experiment folder (checked first); `lang` is the report's language (the manifest's if not given). */
export function loadExperimentRun(dir: string, lang?: Lang): ExperimentRun {
  checkExperimentFolder(dir);
  const manifest = readManifest(dir);
  const experiment = manifest.parameters.experiment;
  const factors = factorsOf(experiment);
  const verdictFile = join(dir, 'verdict.txt');
  if (!existsSync(verdictFile)) throw new InputError(reportMsg.fileMissing(dir, 'verdict.txt'));
  const none = { cells: [], effects: [], decomposition: [], costs: [], series: new Map<string, CellSeries>(), startMonth: undefined };
  const design = experiment.design.kind;
  const f = design === 'factorial' ? readFactorial(dir, factors) : none;
  const t = design === 'trial' ? readTrial(dir) : { trial: [], selfSelection: undefined };
  const s = readSampling(dir, experiment);
  const asked = lang ?? (manifest.lang === 'nl' ? 'nl' : 'en');
  const language: Lang = design === 'factorial' ? asked : 'en';
  return {
    lang: language,
    dir, manifest, experiment, design, factors,
    outcomes: design === 'trial' ? [] : experiment.outcomes.map((o) => outcomeInfo(o, language)),
    verdict: readFileSync(verdictFile, 'utf8').trimEnd().split('\n'),
    months: manifest.months,
    startMonth: f.startMonth,
    cells: f.cells, effects: f.effects, decomposition: f.decomposition, costs: f.costs,
    series: (levels, metric) => f.series.get(`${cellKey(factors, levels)}\u0000${metric}`),
    ...t,
    ...s,
    sensitivity: design === 'factorial' ? readSensitivity(dir) : [],
  };
}

/** The sentences of verdict.txt (the question and the text table left out). */
export function verdictSentences(run: ExperimentRun): string[] {
  const end = run.verdict.findIndex((l) => l.startsWith(SENSITIVITY_HEADING)); // that part has its own section
  return run.verdict.slice(0, end < 0 ? undefined : end).map((l) => l.trim()).filter((l) => l.endsWith('.') && l !== run.experiment.question);
}

/** Every cell of a factorial, in the order of the experiment file (last factor fastest). */
export function allCells(factors: readonly FactorInfo[]): Record<string, string>[] {
  return factors.reduce<Record<string, string>[]>((acc, f) => acc.flatMap((c) => f.levels.map((l) => ({ ...c, [f.name]: l }))), [{}]);
}
