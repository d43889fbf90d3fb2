/**
 * Messages of shards, merging, resuming and cluster scripts. Kept beside `src/messages.ts` (same
 * style, asserted in tests) so that work on the run's own messages and this work do not collide.
 */
export const shardMsg = {
  badSpec: (spec: string) => `option --shard: expected i/n (shard i of n, counting from 0), auto or auto/n, found '${spec}'.`,
  noEnvIndex: 'option --shard auto: no shard index in the environment (SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX).',
  noEnvCount: 'option --shard auto: no shard count (SLURM_ARRAY_TASK_COUNT); give it as --shard auto/n.',
  indexOutOfRange: (spec: string, index: number, count: number) =>
    `option --shard ${spec}: shard index ${index} is outside 0..${count - 1}.`,
  tooManyShards: (count: number, runs: number) => `option --shard: ${count} shards for ${runs} replicates; use at most one shard per replicate.`,
  trialUnsupported: 'the trial design cannot be split into shards or resumed yet; run it whole.',
  experimentUnsupported: (flag: string) => `option --${flag} works with model files; experiment files cannot use it yet.`,
  resumeNotIncomplete: (dir: string) => `--resume ${dir}: not an unfinished run folder (expected a folder ending in .incomplete with a checkpoint.json).`,
  resumeModelChanged: (dir: string, file: string) => `--resume ${dir}: ${file} has changed since the run started (its sha256 differs); a resumed run would mix two models.`,
  resumeConflict: (dir: string, what: string, was: number, now: number) =>
    `--resume ${dir}: the run was started with ${what} ${was}, not ${now}; leave the option out or give the same value.`,
  resumed: (dir: string, done: number, total: number) => `resumed into ${dir}: ${done} of ${total} replicate results were kept from before the interruption.`,
  resumeHint: (dir: string) => `resume it with: npx tsx src/run.ts --resume ${dir}`,
  mergeNoShards: 'usage: npx tsx src/merge.ts <shard folder>... [--out DIR] [--format csv|parquet|both] [--quiet]',
  mergeNotShard: (dir: string) => `${dir}: not a finished shard (no shard.json); an unfinished shard can be resumed with --resume.`,
  mergeMismatch: (a: string, b: string, lines: string[]) => `${b} does not belong to the same run as ${a}:\n  ${lines.join('\n  ')}`,
  mergeMissing: (count: number, missing: number[]) => `shards missing: ${missing.join(', ')} of 0..${count - 1}.`,
  mergeDoubled: (index: number, dirs: string[]) => `shard ${index} given twice: ${dirs.join(' and ')}.`,
  mergeShort: (dir: string, expected: number, found: number) => `${dir}: expected ${expected} replicate results, found ${found}.`,
  mergeOrder: (dir: string, at: number) => `${dir}: record ${at} is not the replicate and scenario expected there.`,
  slurmUsage:
    'usage: npx tsx src/slurm.ts <model file> --shards N [--runs N] [--seed S] [--months M] [--partition P] [--time HH:MM:SS] [--cpus C] [--mem SIZE] [--dir DIR] [--out DIR] [--no-charts] [--submit]',
} as const;
