/**
 * `npx tsx src/merge.ts <shard folder>... [--out DIR] [--format csv|parquet|both] [--quiet]`
 *
 * Merges the shard folders of one run (`run.ts --shard i/n`) into the run folder a one-machine
 * run with the same model file and seed writes, byte for byte (`series.csv`, `replicates.csv`,
 * `summary.json`; the manifest records the shards):
 *
 *   1. read     every folder's shard.json; an unfinished shard (no shard.json) stops the merge
 *   2. check    one run: same model sha256, calibration, seed, replicates, months, scenarios and
 *               shard count; every shard once, none missing; each log complete and in task order
 *   3. stream   the shards' results in task order to replicates.csv and the aggregator
 *   4. write    series.csv, summary.json, then manifest.json; the folder gets its final name
 *
 * Shards of an experiment file are merged by reading their results and running the experiment's
 * analysis on them (`mergeExperimentShards`).
 *
 * Exit codes: 0 merged; 2 the folders do not make one run (nothing is written).
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { completeRecords, keyDifferences, readLog, RESULTS_FILE } from './batch/checkpoint.ts';
import { shardMsg } from './batch/messages.ts';
import { msg } from './messages.ts';
import { InputError } from './model/load.ts';
import { Aggregator } from './output/aggregate.ts';
import { RunFolder } from './output/run-folder.ts';
import type { SummaryFile } from './output/summary.ts';
import { TABLE_FORMATS, type TableFormat } from './output/parquet.ts';
import { openReplicates, writeAggregates } from './output/write-run.ts';
import { SHARD_FILE, type ShardFile } from './pipeline.ts';
import { runExperiment, type ExperimentResult } from './experiment/pipeline.ts';

export interface MergeResult {
  dir: string;
  summary: SummaryFile;
  shards: number;
}

/** 1-2. The shards in index order, checked to make one run. */
export function readShards(dirs: string[]): { dir: string; file: ShardFile }[] {
  if (dirs.length === 0) throw new InputError(shardMsg.mergeNoShards);
  const shards = dirs.map((dir) => {
    const path = join(dir, SHARD_FILE);
    if (!existsSync(path)) throw new InputError(shardMsg.mergeNotShard(dir));
    return { dir, file: JSON.parse(readFileSync(path, 'utf8')) as ShardFile };
  });
  const first = shards[0];
  for (const s of shards.slice(1)) {
    const differences = keyDifferences(first.file.key, s.file.key);
    if (s.file.key.shard!.count !== first.file.key.shard!.count) differences.push(`shard count: ${first.file.key.shard!.count} vs ${s.file.key.shard!.count}`);
    if (differences.length) throw new InputError(shardMsg.mergeMismatch(first.dir, s.dir, differences));
  }
  const count = first.file.key.shard!.count;
  const byIndex = new Map<number, string>();
  for (const s of shards) {
    const index = s.file.key.shard!.index;
    const seen = byIndex.get(index);
    if (seen !== undefined) throw new InputError(shardMsg.mergeDoubled(index, [seen, s.dir]));
    byIndex.set(index, s.dir);
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !byIndex.has(i));
  if (missing.length) throw new InputError(shardMsg.mergeMissing(count, missing));
  const sorted = [...shards].sort((a, b) => a.file.key.shard!.index - b.file.key.shard!.index);
  for (const s of sorted) {
    const { from, to } = s.file.key.shard!;
    const expected = (to - from) * s.file.key.scenarios.length;
    const found = completeRecords(join(s.dir, RESULTS_FILE), s.file.key.months);
    if (found !== expected) throw new InputError(shardMsg.mergeShort(s.dir, expected, found));
  }
  return sorted;
}

/** Merges shard folders into a run folder (`out`, or beside the first shard, named as a one-machine run). */
export function mergeShards(dirs: string[], out?: string, format?: TableFormat): MergeResult {
  const shards = readShards(dirs);
  const { key, dates, describe, manifest } = shards[0].file;
  const scenarioCount = key.scenarios.length;
  const finalDir = out ?? key.finalDir.replace(/-shard\d+of\d+$/, '');
  const folder = new RunFolder(finalDir);
  // 3. stream in task order
  const agg = new Aggregator(key.scenarios, key.runs, key.months, key.ensemble?.sets ?? 1);
  const table = openReplicates(folder, format);
  for (const s of shards) {
    let k = 0;
    for (const rec of readLog(join(s.dir, RESULTS_FILE), key.months)) {
      const r = s.file.key.shard!.from + Math.floor(k / scenarioCount);
      if (rec.replicate !== r || rec.scenarioIndex !== k % scenarioCount) throw new InputError(shardMsg.mergeOrder(s.dir, k));
      agg.add(rec.scenarioIndex, rec.replicate, rec.series);
      table.add(describe[rec.scenarioIndex], dates, rec.replicate, rec.series);
      k++;
    }
  }
  table.close();
  // 4. write
  const summary = writeAggregates(folder, agg, dates, format, key.ensemble ?? undefined);
  const startedAt = shards.map((s) => s.file.manifest.startedAt).sort()[0];
  const dir = folder.complete({
    ...manifest,
    workers: shards.reduce((n, s) => n + s.file.manifest.workers, 0),
    startedAt,
    finishedAt: new Date().toISOString(),
    files: [...folder.files(), 'manifest.json'],
    shards: shards.map((s) => ({ index: s.file.key.shard!.index, replicates: [s.file.key.shard!.from, s.file.key.shard!.to], folder: s.dir, git: s.file.manifest.git, node: s.file.manifest.node, startedAt: s.file.manifest.startedAt, finishedAt: s.file.manifest.finishedAt })),
  });
  return { dir, summary, shards: shards.length };
}

/**
 * Merges the shard folders of one experiment: the results are read from the shards (checked
 * against the experiment file as it is now) and analysed as a one-machine run analyses them.
 */
export async function mergeExperimentShards(dirs: string[], out?: string, format?: TableFormat): Promise<ExperimentResult> {
  const shards = readShards(dirs);
  const { key } = shards[0].file;
  return runExperiment({
    file: key.model.path, runs: key.runs, seed: key.masterSeed, months: key.months, workers: 0, format,
    out: out ?? key.finalDir.replace(/-shard\d+of\d+$/, ''),
    fromShards: shards.map((s) => s.dir),
  });
}

const isExperimentShard = (dir: string) =>
  existsSync(join(dir, SHARD_FILE)) && (JSON.parse(readFileSync(join(dir, SHARD_FILE), 'utf8')) as { kind?: string }).kind === 'experiment';

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { out: { type: 'string' }, format: { type: 'string' }, quiet: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } }, allowPositionals: true, strict: true });
  if (values.help) {
    process.stdout.write(shardMsg.mergeNoShards + '\n');
    return 0;
  }
  if (values.format !== undefined && !TABLE_FORMATS.includes(values.format as TableFormat)) throw new InputError(`option --format: expected csv, parquet or both, found '${values.format}'.`);
  const format = values.format as TableFormat | undefined;
  if (positionals.length > 0 && isExperimentShard(positionals[0])) {
    const r = await mergeExperimentShards(positionals, values.out, format);
    if (!values.quiet) process.stdout.write(`merged ${positionals.length} shards\n\n${r.report.join('\n')}\n\n`);
    process.stdout.write(msg.wrote(r.dir) + '\n');
    return 0;
  }
  const r = mergeShards(positionals, values.out, format);
  if (!values.quiet) process.stdout.write(`merged ${r.shards} shards\n`);
  process.stdout.write(msg.wrote(r.dir) + '\n');
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(e instanceof InputError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1);
    },
  );
}
