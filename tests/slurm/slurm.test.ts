/**
 * src/slurm.ts: the job scripts it writes, and a real run on a one-node Slurm cluster on
 * localhost (`cluster.ts`): a 4-task array of shards and the merge job behind it
 * (`--dependency=afterok`), whose run folder must equal a one-machine run byte for byte.
 *
 * As root, a missing Slurm is installed from Debian; otherwise the cluster test is skipped with
 * the reason.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline.ts';
import { slurmScripts, writeSlurmScripts } from '../../src/slurm.ts';
import { ensureSlurm, startCluster, type Cluster } from './cluster.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHARDS = 4;
const RUNS = 8;
const MONTHS = 12;
const SEED = 2024;
const DATA_FILES = ['series.csv', 'replicates.csv', 'summary.json'];

describe('slurm.ts scripts', () => {
  const scripts = slurmScripts({ modelFile: 'models/rotterdam.ts', shards: 4, runs: 1000, seed: 7, cpus: 2, partition: 'short', time: '02:00:00', dir: '/scratch/r' });
  it('an array of N tasks, each running its shard from the environment', () => {
    const a = scripts['array.sbatch'];
    expect(a).toMatch(/^#SBATCH --array=0-3$/m);
    expect(a).toMatch(/^#SBATCH --cpus-per-task=2$/m);
    expect(a).toMatch(/^#SBATCH --partition=short$/m);
    expect(a).toMatch(/^#SBATCH --time=02:00:00$/m);
    expect(a).toContain("src/run.ts 'models/rotterdam.ts' --runs 1000 --seed 7 --workers 2 --quiet --no-charts --shard auto --out \"$shard\"");
    expect(a).toContain("shard='/scratch/r'/shard-$SLURM_ARRAY_TASK_ID");
    expect(a).toContain('--resume "$shard.incomplete"');
  });
  it('a merge of every shard, submitted to run after the whole array succeeded', () => {
    expect(scripts['merge.sbatch']).toContain("src/merge.ts '/scratch/r'/shard-0 '/scratch/r'/shard-1 '/scratch/r'/shard-2 '/scratch/r'/shard-3 --out '/scratch/r/run'");
    expect(scripts['submit.sh']).toContain('sbatch --parsable --dependency=afterok:$array merge.sbatch');
  });
});

const skipReason = ensureSlurm();
if (skipReason) console.warn(skipReason);

describe.skipIf(skipReason !== null)('on a one-node Slurm cluster', () => {
  let cluster: Cluster | undefined;
  let base: string;
  let merged: string;
  let submitted = '';

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'uitstroom-slurm-run-'));
    cluster = await startCluster();
    const jobDir = join(base, 'job');
    merged = join(jobDir, 'run');
    const submit = writeSlurmScripts({ modelFile: join(ROOT, 'tests/fixtures/small.ts'), shards: SHARDS, runs: RUNS, months: MONTHS, seed: SEED, dir: jobDir, noCharts: true });
    submitted = execFileSync('bash', [submit], { env: cluster.env, encoding: 'utf8' });
    const jobs = [...submitted.matchAll(/job (\d+)/g)].map((m) => m[1]);
    const deadline = Date.now() + 240_000;
    while (cluster.queued(jobs) !== '' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1000));
    if (!existsSync(merged)) {
      const logs = readdirSync(join(jobDir, 'logs')).map((f) => `--- ${f}\n${readFileSync(join(jobDir, 'logs', f), 'utf8')}`).join('\n');
      throw new Error(`no merged run after the jobs left the queue (${cluster.queued(jobs)})\n${logs}\n${cluster.logs()}`);
    }
    await runPipeline({ modelFile: join(ROOT, 'tests/fixtures/small.ts'), runs: RUNS, months: MONTHS, seed: SEED, workers: 1, out: join(base, 'one') });
  }, 300_000);

  afterAll(async () => {
    await cluster?.stop();
    if (base) rmSync(base, { recursive: true, force: true });
  });

  it('submitted an array job and a merge job', () => {
    expect(submitted).toMatch(/^array job \d+, merge job \d+$/m);
  });

  it('every array task wrote its shard; the merge recorded all of them', () => {
    for (let i = 0; i < SHARDS; i++) expect(readdirSync(join(base, 'job', `shard-${i}`)).sort()).toEqual(['results.bin', 'shard.json']);
    const manifest = JSON.parse(readFileSync(join(merged, 'manifest.json'), 'utf8'));
    expect(manifest.shards.map((s: { replicates: number[] }) => s.replicates)).toEqual([[0, 2], [2, 4], [4, 6], [6, 8]]);
  });

  it.each(DATA_FILES)('%s of the merged run equals the one-machine run byte for byte', (name) => {
    const one = readFileSync(join(base, 'one', name));
    expect(one.length).toBeGreaterThan(100);
    expect(readFileSync(join(merged, name)).equals(one)).toBe(true);
  });
});
