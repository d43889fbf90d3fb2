/**
 * `npx tsx src/slurm.ts <model file> --shards N [--runs N] [--seed S] [--months M] [--partition P]
 *  [--time HH:MM:SS] [--cpus C] [--mem SIZE] [--dir DIR] [--out DIR] [--no-charts] [--submit]`
 *
 * Writes the job scripts that run a batch as a Slurm array, one shard per array task, and merge
 * the shards when all have succeeded:
 *
 *   DIR/array.sbatch  `--array=0-(N-1)`; each task runs `run.ts --shard auto` into DIR/shard-<i>
 *                     (a task that is run again after a failure resumes its unfinished shard)
 *   DIR/merge.sbatch  `src/merge.ts DIR/shard-0 ... --out OUT`, then the charts (unless --no-charts)
 *   DIR/submit.sh     submits the array, then the merge with `--dependency=afterok:<array>`
 *   DIR/logs/         the jobs' output
 *
 * With `--submit` it also runs `submit.sh`. The same seed gives the files a one-machine run gives.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { shardMsg } from './batch/messages.ts';
import { InputError } from './model/load.ts';

export interface SlurmOptions {
  modelFile: string;
  shards: number;
  runs?: number;
  seed?: number;
  months?: number;
  partition?: string;
  time?: string;
  /** CPUs per array task; also the worker threads of each shard (default 1). */
  cpus?: number;
  mem?: string;
  /** Where the scripts, logs and shard folders go. */
  dir: string;
  /** The merged run folder (default DIR/run). */
  out?: string;
  noCharts?: boolean;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Single-quoted for bash. */
const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The three scripts' text, by file name. */
export function slurmScripts(o: SlurmOptions): Record<string, string> {
  const dir = resolve(o.dir);
  const out = resolve(o.out ?? join(dir, 'run'));
  const cpus = o.cpus ?? 1;
  const name = `uitstroom-${basename(o.modelFile).replace(/\.ts$/, '')}`;
  // The node that submitted is the node that knows where node and the project are; jobs get its PATH too.
  const node = q(process.execPath);
  const model = q(relative(ROOT, resolve(o.modelFile)));
  const runFlags = [
    ...(o.runs !== undefined ? ['--runs', String(o.runs)] : []),
    ...(o.seed !== undefined ? ['--seed', String(o.seed)] : []),
    ...(o.months !== undefined ? ['--months', String(o.months)] : []),
  ].join(' ');
  const common = [
    ...(o.partition ? [`#SBATCH --partition=${o.partition}`] : []),
    ...(o.time ? [`#SBATCH --time=${o.time}`] : []),
    ...(o.mem ? [`#SBATCH --mem=${o.mem}`] : []),
  ];
  const array = [
    '#!/bin/bash',
    `#SBATCH --job-name=${name}`,
    `#SBATCH --array=0-${o.shards - 1}`,
    `#SBATCH --cpus-per-task=${cpus}`,
    `#SBATCH --output=${join(dir, 'logs', 'shard-%a.out')}`,
    ...common,
    'set -euo pipefail',
    `cd ${q(ROOT)}`,
    `shard=${q(dir)}/shard-$SLURM_ARRAY_TASK_ID`,
    'if [ -d "$shard.incomplete" ]; then',
    `  exec ${node} --import tsx src/run.ts --resume "$shard.incomplete" --workers ${cpus} --quiet`,
    'fi',
    `exec ${node} --import tsx src/run.ts ${[model, runFlags].filter(Boolean).join(' ')} --workers ${cpus} --quiet --no-charts --shard auto --out "$shard"`,
    '',
  ].join('\n');
  const shardDirs = Array.from({ length: o.shards }, (_, i) => `${q(dir)}/shard-${i}`).join(' ');
  const merge = [
    '#!/bin/bash',
    `#SBATCH --job-name=${name}-merge`,
    '#SBATCH --cpus-per-task=1',
    '#SBATCH --kill-on-invalid-dep=yes',
    `#SBATCH --output=${join(dir, 'logs', 'merge.out')}`,
    ...common,
    'set -euo pipefail',
    `cd ${q(ROOT)}`,
    `${node} --import tsx src/merge.ts ${shardDirs} --out ${q(out)}`,
    ...(o.noCharts ? [] : [`${node} --import tsx src/report.ts ${q(out)} || echo 'warning: the charts could not be written; the data files stand' >&2`]),
    '',
  ].join('\n');
  const submit = [
    '#!/bin/bash',
    '# Submits the shards as an array job and the merge to run once all of them have succeeded.',
    'set -euo pipefail',
    'cd "$(dirname "$0")"',
    'array=$(sbatch --parsable array.sbatch)',
    'array=${array%%;*}',
    'merge=$(sbatch --parsable --dependency=afterok:$array merge.sbatch)',
    'merge=${merge%%;*}',
    'echo "array job $array, merge job $merge"',
    '',
  ].join('\n');
  return { 'array.sbatch': array, 'merge.sbatch': merge, 'submit.sh': submit };
}

/** Writes the scripts into `o.dir` (and its logs/ folder); returns the path of submit.sh. */
export function writeSlurmScripts(o: SlurmOptions): string {
  mkdirSync(join(o.dir, 'logs'), { recursive: true });
  for (const [file, text] of Object.entries(slurmScripts(o))) {
    writeFileSync(join(o.dir, file), text);
    chmodSync(join(o.dir, file), 0o755);
  }
  return join(o.dir, 'submit.sh');
}

const positive = (flag: string, raw: string | undefined): number | undefined => {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new InputError(`option --${flag}: expected a positive integer, found '${raw}'.`);
  return Number(raw);
};

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true, strict: true,
    options: {
      shards: { type: 'string' }, runs: { type: 'string' }, seed: { type: 'string' }, months: { type: 'string' },
      partition: { type: 'string' }, time: { type: 'string' }, cpus: { type: 'string' }, mem: { type: 'string' },
      dir: { type: 'string' }, out: { type: 'string' }, 'no-charts': { type: 'boolean', default: false },
      submit: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(shardMsg.slurmUsage + '\n');
    return 0;
  }
  const shards = positive('shards', values.shards);
  if (positionals.length !== 1 || shards === undefined) throw new InputError(shardMsg.slurmUsage);
  const modelFile = positionals[0];
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0)) throw new InputError(`option --seed: expected an integer from 0, found '${values.seed}'.`);
  const runs = positive('runs', values.runs);
  if (runs !== undefined && shards > runs) throw new InputError(shardMsg.tooManyShards(shards, runs));
  const dir = values.dir ?? join('runs', basename(modelFile).replace(/\.ts$/, ''), `slurm-${new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}`);
  const submit = writeSlurmScripts({
    modelFile, shards, runs, seed, months: positive('months', values.months), partition: values.partition, time: values.time,
    cpus: positive('cpus', values.cpus), mem: values.mem, dir, out: values.out, noCharts: values['no-charts'],
  });
  process.stdout.write(`wrote ${join(dir, 'array.sbatch')}, ${join(dir, 'merge.sbatch')} and ${submit}\n`);
  if (values.submit) process.stdout.write(execFileSync('bash', [submit], { encoding: 'utf8' }));
  else process.stdout.write(`submit with: bash ${submit}\n`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    process.exit(main(process.argv.slice(2)));
  } catch (e) {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(e instanceof InputError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1);
  }
}
