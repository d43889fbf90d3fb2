/**
 * The results log of a run in progress: `results.bin` in the `.incomplete` folder holds each
 * finished replicate's monthly series, exactly (float64), appended in task order. Because results
 * arrive in task order, the log is always a prefix of the task sequence, so a resumed run replays
 * the log and carries on from the first task it lacks; a shard keeps its log as its output, and
 * `merge.ts` reads the logs of all shards.
 *
 * A record is `[scenarioIndex: int32, replicate: int32, months x METRIC_COUNT float64]`, little
 * endian. A run killed mid-write leaves a partial last record; readers ignore it and a resumed
 * run cuts it off.
 *
 * `checkpoint.json` beside it is the key of the run-to-be (model hash, seed, replicates, months,
 * scenarios, shard): a resume or a merge checks it before trusting a single record.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { METRIC_COUNT } from '../engine/metrics.ts';

export const RESULTS_FILE = 'results.bin';
export const CHECKPOINT_FILE = 'checkpoint.json';

/** What must be equal for two pieces of work to belong to one run. */
export interface RunKey {
  tool: string;
  /** `file` as given on the command line, `path` resolved (a resume may start elsewhere). */
  model: { name: string; file: string; path: string; sha256: string };
  calibrationSha256: string | null;
  masterSeed: number;
  runs: number;
  months: number;
  scenarios: string[];
  /** `null` for a whole run; otherwise this shard's index, the count and its replicates [from, to). */
  shard: { index: number; count: number; from: number; to: number } | null;
  /** The folder the finished run gets (without `.incomplete`). */
  finalDir: string;
  /** The tables' format (does not change a result, so a merge may choose another). */
  format?: 'csv' | 'parquet' | 'both';
  /** The calibration's ensemble the replicates were spread over (absent: the fitted point). */
  ensemble?: { file: string; sha256: string; sets: number } | null;
}

/** Bytes of one record for runs of `months` months. */
export const recordBytes = (months: number) => 8 + 8 * months * METRIC_COUNT;

export interface ResultRecord {
  scenarioIndex: number;
  replicate: number;
  series: Float64Array;
}

/** Appends records with one write each (a SIGKILL loses at most the record being written). */
export class ResultsLog {
  private readonly fd: number;
  private readonly buffer: Buffer;

  constructor(readonly file: string, readonly months: number) {
    this.fd = openSync(file, 'a');
    this.buffer = Buffer.alloc(recordBytes(months));
  }

  append(scenarioIndex: number, replicate: number, series: Float64Array): void {
    this.buffer.writeInt32LE(scenarioIndex, 0);
    this.buffer.writeInt32LE(replicate, 4);
    Buffer.from(series.buffer, series.byteOffset, series.byteLength).copy(this.buffer, 8);
    writeSync(this.fd, this.buffer);
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** Number of complete records in a log (0 when there is none). */
export function completeRecords(file: string, months: number): number {
  return existsSync(file) ? Math.floor(statSync(file).size / recordBytes(months)) : 0;
}

/** Cuts a partial last record off, so appending continues on a record boundary. */
export function trimLog(file: string, months: number): number {
  const n = completeRecords(file, months);
  if (existsSync(file) && statSync(file).size !== n * recordBytes(months)) truncateSync(file, n * recordBytes(months));
  return n;
}

/** The complete records of a log, in file order; one record in memory at a time. */
export function* readLog(file: string, months: number): Generator<ResultRecord> {
  const size = recordBytes(months);
  const n = completeRecords(file, months);
  if (n === 0) return;
  const fd = openSync(file, 'r');
  const buffer = Buffer.alloc(size);
  try {
    for (let k = 0; k < n; k++) {
      readFullySync(fd, buffer, k * size);
      const series = new Float64Array(months * METRIC_COUNT);
      Buffer.from(series.buffer).set(buffer.subarray(8));
      yield { scenarioIndex: buffer.readInt32LE(0), replicate: buffer.readInt32LE(4), series };
    }
  } finally {
    closeSync(fd);
  }
}

function readFullySync(fd: number, buffer: Buffer, position: number): void {
  let got = 0;
  while (got < buffer.length) {
    const n = readSync(fd, buffer, got, buffer.length - got, position + got);
    if (n === 0) throw new Error('results log ended early');
    got += n;
  }
}

/** Reads `checkpoint.json` of a folder, or `undefined` if it has none. */
export function readKey(dir: string, file = CHECKPOINT_FILE): RunKey | undefined {
  const path = join(dir, file);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as RunKey) : undefined;
}

/**
 * The fields where two keys differ (ignoring the shard and the final folder), as
 * `field: a vs b` lines; empty when they belong to one run.
 */
export function keyDifferences(a: RunKey, b: RunKey): string[] {
  const fields: [string, unknown, unknown][] = [
    ['model sha256', a.model.sha256, b.model.sha256],
    ['calibration sha256', a.calibrationSha256, b.calibrationSha256],
    ['ensemble', a.ensemble ? `${a.ensemble.sha256} (${a.ensemble.sets} sets)` : 'none', b.ensemble ? `${b.ensemble.sha256} (${b.ensemble.sets} sets)` : 'none'],
    ['master seed', a.masterSeed, b.masterSeed],
    ['replicates', a.runs, b.runs],
    ['months', a.months, b.months],
    ['scenarios', a.scenarios.join(','), b.scenarios.join(',')],
    ['tool', a.tool, b.tool],
  ];
  return fields.filter(([, x, y]) => x !== y).map(([f, x, y]) => `${f}: ${String(x)} vs ${String(y)}`);
}
