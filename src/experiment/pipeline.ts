/**
 * Running an experiment file: load it and its models, build the cells (factor combinations,
 * sampled parameter points, or trial variants), simulate every cell x replicate on the worker pool
 * with common random numbers, analyse, and write the run folder (atomically, manifest last):
 *
 *   cells.csv          each cell's outcomes: mean, standard error, 5th and 95th percentile
 *   effects.csv        every level against its factor's baseline, paired by replicate
 *   decomposition.csv  shares of the variation: each factor, interactions, chance, with bootstrap CIs
 *   costs.csv          benefit and programme cost, net saving, the EUR 14,000 rule of thumb, payback
 *   series.csv         mean monthly metrics per cell (tidy long format), with a 90% band for the caseload
 *   replicates.csv     every replicate's outcomes
 *   samples.csv / sobol.csv / trial.csv   for sampling (lhs, sobol, grid) and trial designs; a
 *                      sampling design's replicates.csv has one row per point x replicate
 *   verdict.txt        the sentences printed at the end
 */
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { shardMsg } from '../batch/messages.ts';
import { shardReplicates, type Shard } from '../batch/shard.ts';
import { agreed, resumeKey } from '../pipeline.ts';
import { dropCheckpoint, ShardWritten, simulateCellsCheckpointed, type CellCheckpoint } from './checkpointed.ts';
import { METRICS, METRIC_COUNT } from '../engine/metrics.ts';
import { InputError, setPath, type LoadedModel } from '../model/load.ts';
import type { Model } from '../model/schema.ts';
import { gitCommit, gitFileStatus, pkg, recordedPath } from '../output/manifest.ts';
import { csvToParquet, wantsParquet, type TableFormat } from '../output/parquet.ts';
import { RunFolder } from '../output/run-folder.ts';
import { analyseFactorial, baselines, type FactorialAnalysis } from './analyse.ts';
import { factorialCells, type Cell } from './cells.ts';
import { loadExperiment, type LoadedExperiment } from './load.ts';
import { measureOutcome, OUTCOME_LABEL } from './outcomes.ts';
import { gridModel, gridPoints } from './grid.ts';
import { latinHypercube, saltelliDesign, sobolIndices, splitSaltelli, type ContinuousFactor } from './sampling.ts';
import type { Experiment, Parameter } from './schema.ts';
import { runTrial, trialVerdict } from './trial.ts';
import { displacementVerdict, runDisplacement } from './displacement.ts';
import { checkExperiment } from './check.ts';
import { ensembleCellModels, ensembleDecompositions, experimentEnsemble, type EnsembleDecomposition } from './ensemble.ts';
import { tQuantile975 } from '../output/stats.ts';
import { csvText } from '../output/csv.ts';
import { monthLabel } from '../pipeline.ts';
import { runSensitivity, sensitivityCsv, sensitivityLines, sensitivityPlan } from './sensitivity.ts';

export interface ExperimentOptions {
  file: string;
  runs?: number;
  seed?: number;
  months?: number;
  workers: number;
  out?: string;
  /** The language of the report (recorded in the manifest; factorial reports only). */
  lang?: string;
  onProgress?: (done: number, total: number) => void;
  isCancelled?: () => boolean;
  onFolder?: (dir: string) => void;
  /** `parquet` or `both`: every table also as `.parquet` (the CSV stays: the report reads it). */
  format?: TableFormat;
  /** Run only this shard's replicates of every cell and write a shard folder. */
  shard?: Shard;
  /** An unfinished experiment folder (`.incomplete`) to continue; `file` may then be ''. */
  resume?: string;
  /** Merge: analyse the results of these finished shard folders (checked, in index order). */
  fromShards?: string[];
  /** The fitted point only, not the calibration's ensemble of parameter sets (factorial designs). */
  noEnsemble?: boolean;
  /** false: skip the structural sensitivity the experiment file asks for (`--no-sensitivity`). */
  sensitivity?: boolean;
}

export interface ExperimentResult {
  dir: string;
  experiment: Experiment;
  /** What to print: the question, a table, the verdicts. */
  report: string[];
  seconds: number;
  /** Set when only a shard was run (no analysis, no report). */
  shard?: boolean;
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
const csv = csvText;

export async function runExperiment(o: ExperimentOptions, data?: unknown): Promise<ExperimentResult> {
  const startedAt = new Date();
  const resumed = o.resume ? resumeKey(o.resume) : undefined;
  const file = o.file || resumed?.model.path || '';
  const loaded = await loadExperiment(file, data);
  const was = (what: string, given: number | undefined, before: number | undefined, dflt: number) =>
    resumed && before !== undefined ? agreed(o.resume!, what, given, before) : (given ?? dflt);
  const e: Experiment = { ...loaded.experiment, sensitivity: o.sensitivity === false ? undefined : loaded.experiment.sensitivity, replicates: was('--runs', o.runs, resumed?.runs, loaded.experiment.replicates), seed: was('--seed', o.seed, resumed?.masterSeed, loaded.experiment.seed) };
  const base = loaded.models.get(e.design.base)!.model;
  const months = was('--months', o.months, resumed?.months, e.months ?? base.horizonMonths);
  checkExperiment(e, base, months, file); // everything that can fail on the user's input happens before the folder exists
  if ((o.shard || resumed || o.fromShards) && (e.design.kind === 'trial' || e.design.kind === 'displacement')) throw new InputError(shardMsg.trialUnsupported);
  const shard = resumed ? resumed.shard : o.shard ? (([from, to]) => ({ ...o.shard!, from, to }))(shardReplicates(o.shard, e.replicates)) : null;
  const finalDir = resumed
    ? o.resume!.replace(/\/+$/, '').slice(0, -'.incomplete'.length)
    : (o.out ?? join('runs', 'experiments', e.name, `${stamp(startedAt)}-seed${e.seed}${shard ? `-shard${shard.index}of${shard.count}` : ''}`));
  const factorial = e.design.kind === 'factorial' ? factorialCells(e, loaded.models, months) : []; // before the folder: its mistakes leave none
  // the calibration's ensemble (factorial designs): replicate r of every cell runs parameter set r mod K
  const ensemble = e.design.kind === 'factorial' ? experimentEnsemble(loaded.models, e.replicates, o.noEnsemble === true) : undefined;
  for (const w of ensemble?.warnings ?? []) console.error(w);
  const ensembleModels = ensemble ? ensembleCellModels(e, loaded.models, months, ensemble) : undefined;
  const fresh = resumed === undefined;
  const folder = new RunFolder(finalDir, { reopen: !fresh, unique: fresh && o.out === undefined, flag: o.out === undefined ? 'the run folder' : '--out' });
  o.onFolder?.(folder.workDir);
  const format = o.format ?? resumed?.format;
  const modelsHash = createHash('sha256').update(JSON.stringify([...loaded.models].map(([n, m]) => [n, m.hash, m.fitted?.hash ?? null, ensemble?.models[n]?.sha256 ?? null, ensemble?.sets ?? 1]))).digest('hex');
  const checkpoint: CellCheckpoint = {
    folder, resumed, fromShards: o.fromShards,
    key: {
      tool: `${pkg.name} ${pkg.version}`, model: { name: e.name, file: resumed?.model.file ?? file, path: resolve(file), sha256: loaded.hash },
      calibrationSha256: modelsHash, masterSeed: e.seed, runs: e.replicates, months, shard, finalDir: folder.finalDir, format,
    },
  };
  try {
    return await analyse();
  } catch (err) {
    if (err instanceof ShardWritten) return { dir: err.dir, experiment: e, report: [], seconds: (Date.now() - startedAt.getTime()) / 1000, shard: true };
    throw err;
  }
  // the stages after the folder: simulate (or replay, or read shards), analyse, write
  async function analyse(): Promise<ExperimentResult> {
    const simulate = (cells: { model: Model; name: string }[]) => simulateAll(o, e, cells, months, checkpoint);
    const report: string[] = [e.question, ''];
    const files: string[] = [];
    const write = (name: string, content: string) => {
      folder.write(name, content);
      files.push(name);
      if (!wantsParquet(format) || !name.endsWith('.csv')) return;
      const parquetName = name.replace(/\.csv$/, '.parquet');
      csvToParquet(folder, parquetName, content);
      files.push(parquetName);
    };

    if (e.design.kind === 'factorial') {
      const cells = factorial;
      const series = await simulate(cells.map((c) => ({ model: c.model, name: cellName(c), ensemble: ensembleModels?.[c.index] })));
      const a = analyseFactorial(e, cells, series, months);
      writeFactorial(write, e, cells, series, a, months, base);
      report.push(...factorialTable(e, cells, a), '');
      if (ensemble && ensemble.sets > 1) {
        const ed = ensembleDecompositions(e, cells, series, months, ensemble.sets);
        writeEnsembleDecomposition(write, ed);
        report.push(...ed.map((d) => d.verdict), '', 'Pooled over all runs (the parameter sets then count as chance):', ...a.decompositions.map((d) => d.verdict));
      } else {
        report.push(...a.decompositions.map((d) => d.verdict));
      }
      for (const c of a.costs) {
        const p = c.paybackMonthDeclared;
        if (p === undefined) continue;
        const when = p === null ? `does not pay it back within ${months} months` : `pays it back in month ${p + 1} (${monthLabel(base.startMonth, p)})`;
        report.push(`${cellName(c)}: against the declared investment, the benefit saving ${when}; rule of thumb EUR ${Math.round(c.ruleOfThumbPerYear ?? 0).toLocaleString('en-GB')} a year, simulated EUR ${Math.round(c.simulatedLastYear ?? 0).toLocaleString('en-GB')} in the last year.`);
      }
      report.push(...(await structuralSensitivity(o, e, cells, series, months, write, ensembleModels)));
    } else if (e.design.kind === 'lhs' || e.design.kind === 'sobol' || e.design.kind === 'grid') {
      report.push(...(await runSampling(o, e, base, months, write, simulate)));
    } else if (e.design.kind === 'displacement') {
      const rows = await runDisplacement({ ...e, months }, loaded.models, o.workers);
      const iv = (x: { mean: number; lo: number; hi: number }) => [x.mean, x.lo, x.hi];
      write('displacement.csv', csv([
        ['market', 'vacancy_factor', 'vacancy_fill', 'n_treated', 'n_untreated', 'gain', 'gain_lo', 'gain_hi', 'loss_untreated', 'loss_untreated_lo', 'loss_untreated_hi',
          'loss_other_recipients', 'loss_other_recipients_lo', 'loss_other_recipients_hi', 'loss_outside', 'loss_outside_lo', 'loss_outside_hi', 'net_hires', 'net_hires_lo', 'net_hires_hi',
          'untreated_loss_over_gain', 'untreated_loss_over_gain_lo', 'untreated_loss_over_gain_hi', 'displaced_share', 'displaced_share_lo', 'displaced_share_hi', 'replicates'],
        ...rows.map((r) => [r.market, r.vacancyFactor, r.fill, r.nTreated, r.nUntreated, ...iv(r.gain), ...iv(r.lossUntreated), ...iv(r.lossOtherRecipients), ...iv(r.lossOutside), ...iv(r.net), ...iv(r.untreatedOverGain), ...iv(r.displacedShare), r.replicates]),
      ]));
      report.push(...displacementVerdict(rows));
    } else {
      const t = await runTrial({ ...e, months }, loaded.models, o.workers);
      write('trial.csv', csv([
        ['design', 'arm', 'n_arm', 'n_control', 'outflow_arm', 'outflow_control', 'estimate', 'ci95_half_width', 'true_effect', 'true_effect_se_paired', 'coverage', 'power'],
        ...t.arms.map((a) => [a.variant, a.arm, a.nArm, a.nControl, a.outflowArm, a.outflowControl, a.estimate, a.halfWidth, a.trueEffect, a.trueSe, a.coverage, a.power]),
      ]));
      if (t.treatedOutflow) {
        const x = t.treatedOutflow;
        write('self-selection.csv', csv([['outflow_lottery', 'outflow_choice', 'difference', 'se_paired'], [x.lottery, x.choice, x.difference, x.se]]));
      }
      report.push(...trialVerdict(t));
    }
    write('verdict.txt', report.join('\n') + '\n');
    const manifest = {
      tool: { name: pkg.name, version: pkg.version },
      node: process.version,
      git: gitCommit(),
      experiment: { name: e.name, file: recordedPath(file), sha256: loaded.hash, git: gitFileStatus(file), design: e.design.kind },
      models: Object.fromEntries([...loaded.models].map(([n, m]) => [n, {
        file: recordedPath(m.file), sha256: m.hash, git: gitFileStatus(m.file),
        calibration: m.fitted ? { ...m.fitted, file: recordedPath(m.fitted.file), git: gitFileStatus(m.fitted.file) } : null,
      }])),
      seed: e.seed,
      replicates: e.replicates,
      ensemble: ensemble ? { sets: ensemble.sets, models: Object.fromEntries(Object.entries(ensemble.models).map(([n, x]) => [n, { ...x, file: recordedPath(x.file) }])) } : null,
      months,
      workers: o.workers,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      files,
      parameters: { experiment: e },
      reproduce: `npx tsx src/run.ts ${checkpoint.key.model.file} --runs ${e.replicates} --seed ${e.seed} --months ${months}${o.lang ? ` --lang ${o.lang}` : ''}${o.noEnsemble ? ' --no-ensemble' : ''}${o.sensitivity === false && loaded.experiment.sensitivity ? ' --no-sensitivity' : ''}`,
      lang: o.lang ?? 'en',
      ...(o.fromShards ? { shards: o.fromShards } : {}),
    };
    dropCheckpoint(folder);
    const dir = folder.complete(manifest);
    return { dir, experiment: e, report, seconds: (Date.now() - startedAt.getTime()) / 1000 };
  }
}

/** decomposition-ensemble.csv: each term's share over the parameter sets; ensemble-effects.csv: each level's effect and its sign across the sets. */
function writeEnsembleDecomposition(write: (n: string, c: string) => void, ed: EnsembleDecomposition[]): void {
  write('decomposition-ensemble.csv', csv([
    ['outcome', 'component', 'kind', 'mean_share', 'sets_p025', 'sets_p975', 'sets', 'runs_per_set'],
    ...ed.flatMap((d) => d.terms.map((t) => [d.outcome, t.key, t.kind, t.mean, t.lo, t.hi, d.sets, d.perSet])),
  ]));
  write('ensemble-effects.csv', csv([
    ['outcome', 'factor', 'level', 'baseline', 'mean_effect', 'sets_p025', 'sets_p975', 'same_sign_share', 'sets'],
    ...ed.flatMap((d) => d.effects.map((x) => [d.outcome, x.factor, x.level, x.baseline, x.mean, x.lo, x.hi, x.sameSign, d.sets])),
  ]));
}

/**
 * The structural-sensitivity hook (issue 10, part 3): when the experiment asks for it, the headline
 * re-run under each structural alternative, written to sensitivity.csv; returns the lines to print.
 */
async function structuralSensitivity(o: ExperimentOptions, e: Experiment, cells: readonly Cell[], series: Float64Array[][], months: number, write: (n: string, c: string) => void, ensemble?: Model[][]): Promise<string[]> {
  const plan = sensitivityPlan(e);
  if (!plan) return [];
  if (plan.replicates < 2) return ['', `Structural sensitivity skipped: it needs at least 2 replicates per cell, the run has ${e.replicates}.`];
  const before = cells.length * e.replicates; // the progress continues the run's own
  const onProgress = o.onProgress && ((d: number, t: number) => o.onProgress!(before + d, before + t));
  const r = await runSensitivity({ e, cells, series, months, workers: o.workers, ...plan, ensemble, onProgress, isCancelled: o.isCancelled });
  write('sensitivity.csv', sensitivityCsv(r));
  return ['', ...sensitivityLines(r)];
}

function cellName(c: Pick<Cell, 'levels'>): string {
  return Object.entries(c.levels).map(([k, v]) => `${k}=${v}`).join(' ');
}

async function simulateAll(o: ExperimentOptions, e: Experiment, cells: { model: Model; name: string }[], months: number, checkpoint: CellCheckpoint): Promise<Float64Array[][]> {
  const series: Float64Array[][] = cells.map(() => new Array<Float64Array>(e.replicates));
  await simulateCellsCheckpointed(checkpoint, { cells, replicates: e.replicates, seed: e.seed, months, workers: o.workers, onResult: (c, r, s) => (series[c][r] = s), onProgress: o.onProgress, isCancelled: o.isCancelled });
  return series;
}

function writeFactorial(write: (n: string, c: string) => void, e: Experiment, cells: readonly Cell[], series: Float64Array[][], a: FactorialAnalysis, months: number, base: Model): void {
  if (e.design.kind !== 'factorial') return;
  const names = e.design.factors.map((f) => f.name);
  const lv = (levels: Record<string, string>) => names.map((n) => levels[n]);
  write('cells.csv', csv([[...names, 'outcome', 'mean', 'se', 'p05', 'p95'], ...a.cells.map((c) => [...lv(c.levels), c.outcome, c.mean, c.se, c.p05, c.p95])]));
  write('effects.csv', csv([
    ['outcome', 'factor', 'level', 'baseline', ...names.map((n) => `at_${n}`), 'mean_difference', 'se', 'ci95_lo', 'ci95_hi', 'se_kind', 'se_if_unpaired'],
    ...a.effects.map((x) => [x.outcome, x.factor, x.level, x.baseline, ...names.map((n) => x.at[n] ?? ''), x.mean, x.se, x.lo, x.hi, 'paired (common random numbers)', x.seUnpaired]),
  ]));
  write('decomposition.csv', csv([
    ['outcome', 'component', 'kind', 'share', 'ci95_lo', 'ci95_hi', 'sum_of_squares', 'df'],
    ...a.decompositions.flatMap((d) => d.decomposition.terms.map((t) => [d.outcome, t.key, t.kind, t.share, t.ci95[0], t.ci95[1], t.ss, t.df])),
  ]));
  write('costs.csv', csv([
    [...names, 'benefit_cost', 'programme_cost', 'total_cost', 'net_saving', 'net_saving_lo', 'net_saving_hi', 'fewer_recipients_at_end', 'rule_of_thumb_per_year', 'simulated_saving_last_year', 'payback_month', 'payback_month_declared_investment'],
    ...a.costs.map((c) => [...lv(c.levels), c.benefitCost, c.programmeCost, c.totalCost, c.netSaving?.mean ?? '', c.netSaving?.lo ?? '', c.netSaving?.hi ?? '', c.fewerRecipientsAtEnd ?? '', c.ruleOfThumbPerYear ?? '', c.simulatedLastYear ?? '', c.paybackMonth ?? '', c.paybackMonthDeclared ?? '']),
  ]));
  const rows: (string | number)[][] = [[...names, 'month', 'date', 'metric', 'mean', 'p05', 'p95']];
  for (const c of cells) {
    for (let t = 0; t < months; t++) {
      for (let k = 0; k < METRIC_COUNT; k++) {
        const band = METRICS[k] === 'caseloadEnd' ? [a.caseloadBand[c.index].p05[t], a.caseloadBand[c.index].p95[t]] : ['', ''];
        rows.push([...lv(c.levels), t, monthLabel(base.startMonth, t), METRICS[k], a.meanSeries[c.index][t * METRIC_COUNT + k], ...band]);
      }
    }
  }
  write('series.csv', csv(rows));
  write('replicates.csv', csv([
    [...names, 'replicate', ...e.outcomes],
    ...cells.flatMap((c) => series[c.index].map((s, r) => [...lv(c.levels), r, ...e.outcomes.map((o) => measureOutcome(o, s, months))])),
  ]));
}

function factorialTable(e: Experiment, cells: readonly Cell[], a: FactorialAnalysis): string[] {
  if (e.design.kind !== 'factorial') return [];
  const names = e.design.factors.map((f) => f.name);
  const head = [...names, ...e.outcomes.map((o) => OUTCOME_LABEL[o])];
  const fmt = (v: number) => (Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en-GB') : v.toFixed(1));
  const body = cells.map((c) => [...names.map((n) => c.levels[n]), ...e.outcomes.map((o) => {
    const x = a.cells.find((y) => y.cell === c.index && y.outcome === o)!;
    return `${fmt(x.mean)} ±${Number.isFinite(x.se) ? fmt(tQuantile975(e.replicates - 1) * x.se) : 'n/a'}`;
  })]);
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (r: string[]) => r.map((v, i) => (i < names.length ? v.padEnd(w[i]) : v.padStart(w[i]))).join('  ');
  const base = baselines(e);
  return [`Cell means with 95% intervals (${e.replicates} replicates each${e.replicates < 2 ? ': one replicate gives no interval' : ''}; baselines: ${Object.entries(base).map(([k, v]) => `${k}=${v}`).join(', ')}):`, '', line(head), line(w.map((x) => '-'.repeat(x))), ...body.map(line)];
}

/** Applies a sampled parameter value to a model: a constant annual growth, or a dotted path. */
function withParameter(m: Model, p: Parameter, value: number, months: number): Model {
  if (p.path === 'growthPct') return { ...m, economy: { ...m.economy, growth: { monthlyPath: new Array<number>(months).fill(value), note: `constant ${value.toFixed(2)}% a year` } } };
  const v = /(^|\.)(places|caseManagers)$/.test(p.path) && p.path.endsWith('places') ? Math.round(value) : value;
  return setPath(m, p.path, v);
}

async function runSampling(o: ExperimentOptions, e: Experiment, base: Model, months: number, write: (n: string, c: string) => void, simulate: (cells: { model: Model; name: string }[]) => Promise<Float64Array[][]>): Promise<string[]> {
  if (e.design.kind !== 'lhs' && e.design.kind !== 'sobol' && e.design.kind !== 'grid') return [];
  const d = e.design;
  const params = d.parameters;
  const bare: Model = { ...base, scenarios: [], targets: [], free: [], horizonMonths: months };
  let points: number[][];
  let cells: { model: Model; name: string }[];
  if (d.kind === 'grid') {
    points = gridPoints(d.parameters);
    cells = points.map((x, k) => ({ model: gridModel(bare, d.parameters, x, months, o.file), name: `point ${k}` }));
  } else {
    const factors: ContinuousFactor[] = d.parameters.map((p) => ({ name: p.name, min: p.min, max: p.max, log: p.log }));
    points = d.kind === 'lhs' ? latinHypercube(d.samples, factors, e.seed) : saltelliDesign(d.samples, factors, e.seed).runs;
    cells = points.map((x, k) => ({ model: d.parameters.reduce((m, p, i) => withParameter(m, p, x[i], months), bare), name: `point ${k}` }));
  }
  for (const c of cells) if (c.model.policies.length === 0 && params.some((p) => p.path.startsWith('policies'))) throw new InputError(`${o.file}: a parameter points into policies, but the base model has none`);
  const series = await simulate(cells);
  const perReplicate = e.outcomes.map((oc) => series.map((reps) => Float64Array.from(reps, (x) => measureOutcome(oc, x, months))));
  const y = perReplicate.map((byPoint) => Float64Array.from(byPoint, (v) => v.reduce((s, x) => s + x, 0) / v.length));
  write('samples.csv', csv([[...params.map((p) => p.name), ...e.outcomes], ...points.map((x, k) => [...x, ...y.map((v) => v[k])])]));
  // Mesa's batch_run shape: one tidy row per point x replicate, the parameter values in columns
  write('replicates.csv', csv([
    ['point', ...params.map((p) => p.name), 'replicate', 'master_seed', ...e.outcomes],
    ...points.flatMap((x, k) => Array.from({ length: e.replicates }, (_, r) => [k, ...x, r, e.seed, ...perReplicate.map((v) => v[k][r])])),
  ]));
  const lines: string[] = [];
  if (d.kind === 'grid') lines.push(...gridVerdict(e, params.map((p) => p.name), points, perReplicate));
  if (e.design.kind === 'sobol') {
    const n = e.design.samples;
    const rows: (string | number)[][] = [['outcome', 'parameter', 'first_order', 'first_lo', 'first_hi', 'total', 'total_lo', 'total_hi']];
    e.outcomes.forEach((oc, k) => {
      if (isConstant(y[k])) {
        // no variance to share out: the indices are undefined (NA), and the verdict says why
        params.forEach((p) => rows.push([oc, p.name, NaN, NaN, NaN, NaN, NaN, NaN]));
        lines.push(constantVerdict(oc, y[k][0]));
        return;
      }
      const { yA, yB, yAB } = splitSaltelli(y[k], n, params.length);
      const s = sobolIndices(yA, yB, yAB, { seed: e.seed });
      s.indices.forEach((ix, i) => rows.push([oc, params[i].name, ix.first, ix.firstCi95[0], ix.firstCi95[1], ix.total, ix.totalCi95[0], ix.totalCi95[1]]));
      const pc = (v: number) => `${Math.round(100 * v)}%`;
      lines.push(`${OUTCOME_LABEL[oc]}: ` + s.indices.map((ix, i) => `${params[i].name} first-order ${pc(ix.first)} (95% CI ${pc(ix.firstCi95[0])} to ${pc(ix.firstCi95[1])}), total ${pc(ix.total)} (${pc(ix.totalCi95[0])} to ${pc(ix.totalCi95[1])})`).join('; ') + '.');
    });
    write('sobol.csv', csv(rows));
  } else {
    e.outcomes.forEach((oc, k) => {
      if (isConstant(y[k])) return void lines.push(constantVerdict(oc, y[k][0]));
      const r = params.map((_, i) => spearman(points.map((x) => x[i]), y[k]));
      lines.push(`${OUTCOME_LABEL[oc]}: rank correlation with ` + params.map((p, i) => `${p.name} ${r[i].toFixed(2)}`).join(', ') + ` over ${points.length} ${d.kind === 'grid' ? 'grid' : 'Latin-hypercube'} points.`);
    });
  }
  return lines;
}

const isConstant = (v: ArrayLike<number>) => Array.prototype.every.call(v, (x: number) => x === v[0]);

/** The verdict for an outcome that every sampled point gives the same: nothing to attribute. */
const constantVerdict = (oc: Experiment['outcomes'][number], value: number) =>
  `${OUTCOME_LABEL[oc]}: the same at every sampled point (${Number(value.toPrecision(6))}), so no parameter explains any of it; the indices are undefined (NA). Widen the ranges or the months.`;

/** Per outcome and point: the mean over replicates with its 95% interval (Student's t; n/a from one replicate). */
function gridVerdict(e: Experiment, names: string[], points: number[][], perReplicate: Float64Array[][]): string[] {
  return e.outcomes.map((oc, k) => `${OUTCOME_LABEL[oc]}: ` + points.map((x, j) => {
    const v = perReplicate[k][j];
    const mean = v.reduce((s, a) => s + a, 0) / v.length;
    const sd = v.length > 1 ? Math.sqrt(v.reduce((s, a) => s + (a - mean) ** 2, 0) / (v.length - 1)) : 0;
    const half = (tQuantile975(v.length - 1) * sd) / Math.sqrt(v.length);
    const f = (a: number) => (Math.abs(a) >= 1000 ? Math.round(a).toLocaleString('en-GB') : a.toFixed(1));
    return `${names.map((n, i) => `${n}=${x[i]}`).join(' ')}: ${f(mean)} (95% CI ${f(mean - half)} to ${f(mean + half)})`;
  }).join('; ') + '.');
}

function ranks(v: ArrayLike<number>): Float64Array {
  const idx = Array.from({ length: v.length }, (_, i) => i).sort((a, b) => v[a] - v[b]);
  const r = new Float64Array(v.length);
  idx.forEach((i, k) => (r[i] = k));
  return r;
}

/** Spearman rank correlation. */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const a = ranks(x), b = ranks(y);
  const n = a.length;
  const ma = (n - 1) / 2;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) { sab += (a[i] - ma) * (b[i] - ma); saa += (a[i] - ma) ** 2; sbb += (b[i] - ma) ** 2; }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}

export type { LoadedExperiment, LoadedModel };
