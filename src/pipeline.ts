/**
 * The run pipeline, top to bottom; each stage takes the previous one's output:
 *
 *   1. load      import the model file and validate it (zod)
 *   2. resolve   runs, seed and months from flags or the model; scenarios; economies checked
 *   3. open      a run folder that is marked incomplete until the manifest lands, with the run's
 *                key (checkpoint.json); or, with --resume, the unfinished folder, its key checked
 *   4. simulate  scenarios x replicates on worker threads (a shard: its share of the replicates),
 *                logged exactly to results.bin and streamed to replicates.csv in order; a resumed
 *                run first replays the results it has, then runs the rest
 *   5. aggregate series.csv (mean, sd, percentiles per month) and summary.json (headlines, contrasts)
 *   6. finish    manifest.json last, then the folder gets its final name; a shard instead keeps
 *                results.bin and writes shard.json, for src/merge.ts
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve as resolvePath } from 'node:path';
import { CHECKPOINT_FILE, keyDifferences, readKey, readLog, RESULTS_FILE, ResultsLog, trimLog, type RunKey } from './batch/checkpoint.ts';
import { shardMsg } from './batch/messages.ts';
import { runBatch, defaultWorkers } from './batch/run-batch.ts';
import { shardReplicates, type Shard } from './batch/shard.ts';
import { scenariosOf } from './engine/sim.ts';
import { buildEconomy } from './economy/path.ts';
import { resolveBehaviour } from './model/behaviour.ts';
import { InputError, loadModel } from './model/load.ts';
import { loadEnsemble, setsForRuns } from './calibration/ensemble.ts';
import type { Model } from './model/schema.ts';
import { Aggregator } from './output/aggregate.ts';
import { buildManifest, pkg } from './output/manifest.ts';
import { RunFolder } from './output/run-folder.ts';
import type { SummaryFile } from './output/summary.ts';
import type { TableFormat } from './output/parquet.ts';
import { describeScenarios, openReplicates, writeAggregates } from './output/write-run.ts';

export interface PipelineOptions {
  modelFile: string;
  runs?: number;
  seed?: number;
  months?: number;
  workers?: number;
  out?: string;
  /** The language recorded in the manifest for the report (default English). */
  lang?: string;
  onProgress?: (done: number, total: number) => void;
  isCancelled?: () => boolean;
  /** Called once the run folder exists (so an interrupt handler can name it). */
  onFolder?: (workDir: string) => void;
  /** Run only this shard's replicates and write a shard folder (see `src/batch/shard.ts`). */
  shard?: Shard;
  /** An unfinished run folder (`<run>.incomplete`) to continue; the model file may then be ''. */
  resume?: string;
  /** `replicates` (and `series`) as CSV (default), Parquet or both. */
  format?: TableFormat;
  /** Run the fitted point only, not the ensemble of parameter sets beside the model file. */
  noEnsemble?: boolean;
}

export interface PipelineResult {
  dir: string;
  summary: SummaryFile;
  model: Model;
  runs: number;
  seed: number;
  months: number;
  workers: number;
  seconds: number;
  /** Set for a shard: its index, count and replicates. A shard has no summary (an empty one). */
  shard?: RunKey['shard'];
  /** Results kept from before a resume. */
  resumedResults: number;
}

/** What a shard folder's `shard.json` holds: enough for `merge.ts` to write the run without the model file. */
export interface ShardFile {
  key: RunKey;
  describe: string[];
  dates: string[];
  manifest: ReturnType<typeof buildManifest>;
}

export const SHARD_FILE = 'shard.json';

/** The key of an unfinished folder given to --resume, or an input error. */
export function resumeKey(dir: string): RunKey {
  const key = dir.replace(/\/+$/, '').endsWith('.incomplete') ? readKey(dir) : undefined;
  if (!key) throw new InputError(shardMsg.resumeNotIncomplete(dir));
  return key;
}

/** A flag given with --resume must agree with the run it continues. */
export function agreed(dir: string, what: string, given: number | undefined, was: number): number {
  if (given !== undefined && given !== was) throw new InputError(shardMsg.resumeConflict(dir, what, was, given));
  return was;
}

/** "YYYY-MM" of month t after the model's start month. */
export function monthLabel(startMonth: string, t: number): string {
  const [y, m] = startMonth.split('-').map(Number);
  const k = y * 12 + (m - 1) + t;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

export async function runPipeline(o: PipelineOptions): Promise<PipelineResult> {
  const startedAt = new Date();
  const resumed = o.resume ? resumeKey(o.resume) : undefined;
  const modelFile = o.modelFile || resumed?.model.path || '';
  // 1. load
  const { model, hash, fitted } = await loadModel(modelFile);
  const found = resumed ? resumedEnsemble(resumed, modelFile, model, fitted?.hash) : o.noEnsemble ? undefined : loadEnsemble(modelFile, model, fitted?.hash);
  if (found?.warning) console.error(found.warning);
  // 2. resolve
  const runs = resumed ? agreed(o.resume!, '--runs', o.runs, resumed.runs) : (o.runs ?? model.run.replicates);
  const seed = resumed ? agreed(o.resume!, '--seed', o.seed, resumed.masterSeed) : (o.seed ?? model.run.seed);
  const months = resumed ? agreed(o.resume!, '--months', o.months, resumed.months) : (o.months ?? model.horizonMonths);
  const workers = o.workers ?? defaultWorkers();
  const spreadOver = found ? setsForRuns(found.models, runs) : undefined;
  if (found && !spreadOver) console.error(`note: ${runs} replicates are too few to spread over ${found.file} (2 per parameter set, at least 4); running the fitted point`);
  const ensemble = found && spreadOver ? { ...found, models: spreadOver } : undefined;
  const scenarios = scenariosOf(model);
  const behaviour = resolveBehaviour(model.behaviour);
  const economyNotes: Record<string, string> = {};
  for (const s of scenarios) {
    try {
      economyNotes[s.name] = buildEconomy(model, s.growth ?? model.economy.growth, months, behaviour).note;
    } catch (e) {
      throw new InputError(`${modelFile}: at ${s.growth ? `scenarios (${s.name}).growth` : 'economy.growth'}: ${(e as Error).message}`);
    }
  }
  const names = scenarios.map((s) => s.name);
  if (new Set(names).size !== names.length) throw new InputError(`${modelFile}: at scenarios: expected unique names, found ${names.join(', ')}`);
  const shardSpec = resumed ? resumed.shard : o.shard ? { ...o.shard, ...rangeOf(shardReplicates(o.shard, runs)) } : null;
  const [from, to] = shardSpec ? [shardSpec.from, shardSpec.to] : [0, runs];
  const shardSuffix = shardSpec ? `-shard${shardSpec.index}of${shardSpec.count}` : '';
  const finalDir = resumed ? o.resume!.replace(/\/+$/, '').slice(0, -'.incomplete'.length) : (o.out ?? join('runs', model.name, `${stamp(startedAt)}-seed${seed}${shardSuffix}`));
  const key: RunKey = {
    tool: `${pkg.name} ${pkg.version}`,
    model: { name: model.name, file: resumed?.model.file ?? modelFile, path: resolvePath(modelFile), sha256: hash },
    calibrationSha256: fitted?.hash ?? null,
    masterSeed: seed, runs, months, scenarios: names, shard: shardSpec, finalDir,
    format: o.format ?? resumed?.format ?? 'csv',
    ensemble: ensemble ? { file: ensemble.file, sha256: ensemble.hash, sets: ensemble.models.length } : null,
  };
  // 3. open
  let folder: RunFolder;
  if (resumed) {
    if (resumed.model.sha256 !== hash) throw new InputError(shardMsg.resumeModelChanged(o.resume!, modelFile));
    const differences = keyDifferences(resumed, key);
    if (differences.length) throw new InputError(shardMsg.mergeMismatch(o.resume!, modelFile, differences));
    folder = new RunFolder(finalDir, { reopen: true });
  } else {
    folder = new RunFolder(finalDir, { unique: o.out === undefined, flag: o.out === undefined ? 'the run folder' : '--out' });
    key.finalDir = folder.finalDir; // a default name already taken gets -2, -3...
    writeFileSync(join(folder.workDir, CHECKPOINT_FILE), JSON.stringify(key, null, 2) + '\n');
  }
  o.onFolder?.(folder.workDir);
  const describe = describeScenarios(model, scenarios, seed);
  const dates = Array.from({ length: months }, (_, t) => monthLabel(model.startMonth, t));
  // 4. simulate: replay what a resumed run has, then run the rest; a shard only logs its results
  const agg = new Aggregator(names, runs, months, ensemble?.models.length ?? 1);
  const replicatesTable = shardSpec ? undefined : openReplicates(folder, key.format);
  const take = (s: number, r: number, series: Float64Array) => {
    if (!replicatesTable) return;
    agg.add(s, r, series);
    replicatesTable.add(describe[s], dates, r, series);
  };
  const logFile = join(folder.workDir, RESULTS_FILE);
  const kept = resumed ? trimLog(logFile, months) : 0;
  let expected = 0;
  for (const rec of readLog(logFile, months)) {
    const r = from + Math.floor(expected / names.length);
    if (rec.replicate !== r || rec.scenarioIndex !== expected % names.length) throw new Error(shardMsg.mergeOrder(logFile, expected));
    take(rec.scenarioIndex, rec.replicate, rec.series);
    expected++;
  }
  const log = new ResultsLog(logFile, months);
  try {
    await runBatch({
      model, runs, masterSeed: seed, months, workers,
      ensemble: ensemble?.models,
      replicates: [from, to],
      skipTasks: kept,
      onProgress: o.onProgress,
      isCancelled: o.isCancelled,
      onResult: (s, r, series) => {
        log.append(s, r, series);
        take(s, r, series);
      },
    });
  } finally {
    log.close();
  }
  const manifestOf = (files: string[]) =>
    buildManifest({
      model, modelFile: key.model.file, modelHash: hash, fitted, behaviour, scenarios: names, masterSeed: seed, runs, months, workers,
      economyNotes, startedAt, files, lang: o.lang, ensemble: key.ensemble,
    });
  const result = { model, runs, seed, months, workers, resumedResults: kept };
  if (!replicatesTable) {
    // 6. finish a shard: its results log stays, shard.json is its last file
    const shardFile: ShardFile = { key, describe, dates, manifest: manifestOf([]) };
    folder.write(SHARD_FILE, JSON.stringify(shardFile, null, 2) + '\n');
    rmSync(join(folder.workDir, CHECKPOINT_FILE));
    const dir = folder.finish();
    return { ...result, dir, shard: shardSpec, summary: { runs, months, scenarios: {}, contrasts: [], notes: [] }, seconds: (Date.now() - startedAt.getTime()) / 1000 };
  }
  replicatesTable.close();
  // 5. aggregate
  const summary = writeAggregates(folder, agg, dates, key.format, key.ensemble ?? undefined);
  // 6. finish: the results log and key were only for a resume
  rmSync(logFile);
  rmSync(join(folder.workDir, CHECKPOINT_FILE));
  const dir = folder.complete(manifestOf([...folder.files(), 'manifest.json']));
  return { ...result, dir, summary, seconds: (Date.now() - startedAt.getTime()) / 1000 };
}

const rangeOf = ([from, to]: [number, number]) => ({ from, to });

/** A resumed run keeps the ensemble it started with (or none); a changed ensemble file is an input error. */
function resumedEnsemble(key: RunKey, modelFile: string, model: Model, fittedHash: string | undefined) {
  if (!key.ensemble) return undefined;
  const e = loadEnsemble(modelFile, model, fittedHash);
  if (!e || e.hash !== key.ensemble.sha256) throw new InputError(shardMsg.mergeMismatch(modelFile, key.ensemble.file, [`ensemble: ${key.ensemble.sha256} when the run started, ${e ? e.hash : 'none'} now`]));
  return e;
}
