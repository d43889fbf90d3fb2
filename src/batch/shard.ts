/**
 * Shards: a deterministic share of a batch's replicates, so one run can be spread over the tasks
 * of a cluster array job and merged afterwards (`src/merge.ts`).
 *
 * `--shard i/n` takes shard `i` of `n`, counting from 0 (as `SLURM_ARRAY_TASK_ID` does with
 * `--array=0-(n-1)`, and Kubernetes' `JOB_COMPLETION_INDEX`). `--shard auto` reads the index and
 * count from Slurm (`SLURM_ARRAY_TASK_ID` minus `SLURM_ARRAY_TASK_MIN`, `SLURM_ARRAY_TASK_COUNT`);
 * `--shard auto/n` reads the index from Slurm or from `JOB_COMPLETION_INDEX` and takes the count
 * `n`, so one job script serves every task.
 *
 * Shard `i` of `n` runs replicates `floor(i R / n)` up to (not including) `floor((i + 1) R / n)`,
 * every scenario of each: contiguous blocks, so the merged task order is the shards' in turn.
 */
import { InputError } from '../model/load.ts';
import { shardMsg } from './messages.ts';

export interface Shard {
  index: number;
  count: number;
}

const isCount = (s: string | undefined): s is string => s !== undefined && /^\d+$/.test(s) && Number(s) >= 1;

/** Parses `i/n`, `auto` or `auto/n`; `env` is the environment to read for `auto`. */
export function parseShard(spec: string, env: NodeJS.ProcessEnv = process.env): Shard {
  const [head, tail, ...rest] = spec.split('/');
  if (rest.length > 0) throw new InputError(shardMsg.badSpec(spec));
  if (head === 'auto') {
    const slurmId = env.SLURM_ARRAY_TASK_ID;
    const k8sId = env.JOB_COMPLETION_INDEX;
    const rawIndex = slurmId ?? k8sId;
    if (rawIndex === undefined || !/^\d+$/.test(rawIndex)) throw new InputError(shardMsg.noEnvIndex);
    const min = slurmId !== undefined && env.SLURM_ARRAY_TASK_MIN !== undefined ? Number(env.SLURM_ARRAY_TASK_MIN) : 0;
    const rawCount = tail ?? (slurmId !== undefined ? env.SLURM_ARRAY_TASK_COUNT : undefined);
    if (!isCount(rawCount)) throw new InputError(shardMsg.noEnvCount);
    return checked(Number(rawIndex) - min, Number(rawCount), spec);
  }
  if (!/^\d+$/.test(head) || !isCount(tail)) throw new InputError(shardMsg.badSpec(spec));
  return checked(Number(head), Number(tail), spec);
}

function checked(index: number, count: number, spec: string): Shard {
  if (!(index >= 0 && index < count)) throw new InputError(shardMsg.indexOutOfRange(spec, index, count));
  return { index, count };
}

/** The replicates [from, to) of a shard of a batch of `runs` replicates. */
export function shardReplicates(shard: Shard, runs: number): [from: number, to: number] {
  if (shard.count > runs) throw new InputError(shardMsg.tooManyShards(shard.count, runs));
  return [Math.floor((shard.index * runs) / shard.count), Math.floor(((shard.index + 1) * runs) / shard.count)];
}
