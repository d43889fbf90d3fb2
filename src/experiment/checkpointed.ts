/**
 * An experiment's cells x replicates with a results log (`src/batch/checkpoint.ts`), so an
 * experiment can be resumed (`--resume`), split into shards (`--shard i/n`: a share of the
 * replicates of every cell) and merged (`merge.ts`, which runs the analysis on the shards'
 * results). Records carry the cell index where a run's carry the scenario index.
 *
 * The order of results is replicate-major (`simulate.ts`), so a shard's contiguous block of
 * replicates is a contiguous block of the whole order, and a log is always a prefix of its order.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKPOINT_FILE, keyDifferences, readLog, RESULTS_FILE, ResultsLog, trimLog, type RunKey } from '../batch/checkpoint.ts';
import { shardMsg } from '../batch/messages.ts';
import type { RunFolder } from '../output/run-folder.ts';
import { InputError } from '../model/load.ts';
import { simulateCells, type SimulateCellsOptions } from './simulate.ts';

/** The run's key without the cell names (known once the cells are built). */
export type CellKey = Omit<RunKey, 'scenarios'>;

export interface CellCheckpoint {
  folder: RunFolder;
  key: CellKey;
  /** The key of the folder being resumed, if any. */
  resumed?: RunKey;
  /** Merge: read every result from these finished shard folders (in index order) instead of simulating. */
  fromShards?: string[];
}

/** Thrown once a shard's results and shard.json are written: the experiment stops there. */
export class ShardWritten extends Error {
  constructor(readonly dir: string) {
    super(`shard written to ${dir}`);
    this.name = 'ShardWritten';
  }
}

export const SHARD_FILE = 'shard.json';

/** Runs (or replays, or reads from shards) every cell x replicate, handing results on in order. */
export async function simulateCellsCheckpointed(cp: CellCheckpoint, o: SimulateCellsOptions): Promise<void> {
  const key: RunKey = { ...cp.key, scenarios: o.cells.map((c) => c.name) };
  const cells = o.cells.length;
  const check = (file: string, from: number, k: number, rec: { scenarioIndex: number; replicate: number }) => {
    if (rec.replicate !== from + Math.floor(k / cells) || rec.scenarioIndex !== k % cells) throw new InputError(shardMsg.mergeOrder(file, k));
  };
  if (cp.fromShards) {
    for (const dir of cp.fromShards) {
      const shardKey = readShardKey(dir);
      const differences = keyDifferences(shardKey, key);
      if (differences.length) throw new InputError(shardMsg.mergeMismatch(dir, key.model.file, differences));
      const from = shardKey.shard!.from;
      let k = 0;
      for (const rec of readLog(join(dir, RESULTS_FILE), key.months)) {
        check(dir, from, k++, rec);
        o.onResult(rec.scenarioIndex, rec.replicate, rec.series);
      }
    }
    return;
  }
  const workDir = cp.folder.workDir;
  const logFile = join(workDir, RESULTS_FILE);
  let kept = 0;
  if (cp.resumed) {
    const differences = keyDifferences(cp.resumed, key);
    if (differences.length) throw new InputError(shardMsg.mergeMismatch(workDir, key.model.file, differences));
    kept = trimLog(logFile, key.months);
  } else {
    writeFileSync(join(workDir, CHECKPOINT_FILE), JSON.stringify(key, null, 2) + '\n');
  }
  const [from, to] = key.shard ? [key.shard.from, key.shard.to] : [0, o.replicates];
  let k = 0;
  for (const rec of readLog(logFile, key.months)) {
    check(logFile, from, k++, rec);
    o.onResult(rec.scenarioIndex, rec.replicate, rec.series);
  }
  const log = new ResultsLog(logFile, key.months);
  try {
    await simulateCells({
      ...o,
      replicateRange: [from, to],
      skipJobs: kept,
      onResult: (c, r, s) => {
        log.append(c, r, s);
        o.onResult(c, r, s);
      },
    });
  } finally {
    log.close();
  }
  if (key.shard) {
    rmSync(join(workDir, CHECKPOINT_FILE));
    cp.folder.write(SHARD_FILE, JSON.stringify({ kind: 'experiment', key }, null, 2) + '\n');
    throw new ShardWritten(cp.folder.finish());
  }
}

/** Before the finished experiment gets its manifest: the log and key were only for a resume. */
export function dropCheckpoint(folder: RunFolder): void {
  rmSync(join(folder.workDir, RESULTS_FILE), { force: true });
  rmSync(join(folder.workDir, CHECKPOINT_FILE), { force: true });
}

function readShardKey(dir: string): RunKey {
  return (JSON.parse(readFileSync(join(dir, SHARD_FILE), 'utf8')) as { key: RunKey }).key;
}
