/**
 * The run pipeline, top to bottom; each stage takes the previous one's output:
 *
 *   1. load      import the model file and validate it (zod)
 *   2. resolve   runs, seed and months from flags or the model; scenarios; economies checked
 *   3. open      a run folder that is marked incomplete until the manifest lands
 *   4. simulate  scenarios x replicates on worker threads, streamed to replicates.csv in order
 *   5. aggregate series.csv (mean, sd, percentiles per month) and summary.json (headlines, contrasts)
 *   6. finish    manifest.json last, then the folder gets its final name
 */
import { join } from 'node:path';
import { runBatch, defaultWorkers } from './batch/run-batch.ts';
import { METRICS, METRIC_COUNT } from './engine/metrics.ts';
import { scenariosOf } from './engine/sim.ts';
import { buildEconomy } from './economy/path.ts';
import { resolveBehaviour } from './model/behaviour.ts';
import { InputError, loadModel } from './model/load.ts';
import type { Model } from './model/schema.ts';
import { Aggregator } from './output/aggregate.ts';
import { buildManifest } from './output/manifest.ts';
import { RunFolder } from './output/run-folder.ts';
import { fmt } from './output/stats.ts';
import { buildSummary, type SummaryFile } from './output/summary.ts';

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
  // 1. load
  const { model, hash, fitted } = await loadModel(o.modelFile);
  // 2. resolve
  const runs = o.runs ?? model.run.replicates;
  const seed = o.seed ?? model.run.seed;
  const months = o.months ?? model.horizonMonths;
  const workers = o.workers ?? defaultWorkers();
  const scenarios = scenariosOf(model);
  const behaviour = resolveBehaviour(model.behaviour);
  const economyNotes: Record<string, string> = {};
  for (const s of scenarios) {
    try {
      economyNotes[s.name] = buildEconomy(model, s.growth ?? model.economy.growth, months, behaviour).note;
    } catch (e) {
      throw new InputError(`${o.modelFile}: at ${s.growth ? `scenarios (${s.name}).growth` : 'economy.growth'}: ${(e as Error).message}`);
    }
  }
  const names = scenarios.map((s) => s.name);
  if (new Set(names).size !== names.length) throw new InputError(`${o.modelFile}: at scenarios: expected unique names, found ${names.join(', ')}`);
  // 3. open
  const folder = new RunFolder(o.out ?? join('runs', model.name, `${stamp(startedAt)}-seed${seed}`), { unique: o.out === undefined, flag: o.out === undefined ? 'the run folder' : '--out' });
  o.onFolder?.(folder.workDir);
  const describe = scenarios.map((s) => {
    const policies = (s.policies ?? model.policies).map((p) => p.type).join('+') || 'none';
    const growth = s.growth ?? model.economy.growth;
    return `${model.name},${s.name},${policies},${typeof growth === 'string' ? growth : 'custom-path'},${seed}`;
  });
  // 4. simulate
  const agg = new Aggregator(names, runs, months);
  const replicatesCsv = folder.stream('replicates.csv');
  replicatesCsv.write(`model,scenario,policies,growth,master_seed,replicate,month,date,${METRICS.join(',')}\n`);
  const dates = Array.from({ length: months }, (_, t) => monthLabel(model.startMonth, t));
  await runBatch({
    model, runs, masterSeed: seed, months, workers,
    onProgress: o.onProgress,
    isCancelled: o.isCancelled,
    onResult: (s, r, series) => {
      agg.add(s, r, series);
      let text = '';
      for (let t = 0; t < months; t++) {
        text += `${describe[s]},${r},${t},${dates[t]}`;
        for (let m = 0; m < METRIC_COUNT; m++) text += ',' + fmt(series[t * METRIC_COUNT + m]);
        text += '\n';
      }
      replicatesCsv.write(text);
    },
  });
  replicatesCsv.close();
  // 5. aggregate
  const seriesCsv = folder.stream('series.csv');
  seriesCsv.write('scenario,month,date,metric,mean,sd,p05,p50,p95\n');
  for (const row of agg.seriesRows()) {
    seriesCsv.write(`${row.scenario},${row.month},${dates[row.month]},${row.metric},${fmt(row.mean)},${fmt(row.sd)},${fmt(row.p05)},${fmt(row.p50)},${fmt(row.p95)}\n`);
  }
  seriesCsv.close();
  const summary = buildSummary(agg);
  folder.write('summary.json', JSON.stringify(summary, null, 2) + '\n');
  // 6. finish
  const dir = folder.complete(
    buildManifest({
      model, modelFile: o.modelFile, modelHash: hash, fitted, behaviour, scenarios: names, masterSeed: seed, runs, months, workers,
      economyNotes, startedAt, files: [...folder.files(), 'manifest.json'], lang: o.lang,
    }),
  );
  return { dir, summary, model, runs, seed, months, workers, seconds: (Date.now() - startedAt.getTime()) / 1000 };
}
