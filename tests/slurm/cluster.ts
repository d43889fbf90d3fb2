/**
 * A one-node Slurm cluster on localhost for tests. When root and Slurm is missing, installs
 * Debian's `slurm-wlm` and `munge`; then starts `munged`, `slurmctld` and `slurmd` with their own
 * key, sockets, ports, state and spool under a temporary folder (nothing in /etc is used or
 * changed), and stops them by their pid files.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const isRoot = () => process.getuid?.() === 0;
const DAEMONS = ['slurmctld', 'slurmd', 'munged', 'sbatch', 'squeue'];

/** Why the cluster cannot run here, or null when it can (installing Slurm first if root and missing). */
export function ensureSlurm(): string | null {
  if (DAEMONS.every(has)) return null;
  if (!isRoot()) return `Slurm test skipped: not root and slurm-wlm/munge are not installed (missing: ${DAEMONS.filter((d) => !has(d)).join(', ')}).`;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'slurm-wlm', 'munge'], { env, stdio: 'pipe' });
  if (install().status !== 0) {
    execFileSync('apt-get', ['update', '-qq'], { env, stdio: 'pipe' });
    const second = install();
    if (second.status !== 0) throw new Error(`apt-get install slurm-wlm munge failed:\n${second.stderr.toString()}`);
  }
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

export interface Cluster {
  dir: string;
  /** The environment for sbatch, squeue, scancel: SLURM_CONF set. */
  env: NodeJS.ProcessEnv;
  /** Output of squeue for these jobs (empty when they have left the queue). */
  queued: (jobs: string[]) => string;
  logs: () => string;
  stop: () => Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pidOf = (file: string) => (existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : NaN);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

export async function startCluster(): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), 'uitstroom-slurm-'));
  const p = (name: string) => join(dir, name);
  for (const d of ['munge', 'state', 'spool']) mkdirSync(p(d), { mode: 0o700 });
  chmodSync(dir, 0o755);
  // munge: a key of 1 KiB of random bytes, mode 400, and its own socket
  writeFileSync(p('munge/munge.key'), randomBytes(1024), { mode: 0o400 });
  const socket = p('munge/munge.socket');
  execFileSync('munged', ['--force', `--key-file=${p('munge/munge.key')}`, `--socket=${socket}`, `--pid-file=${p('munge/munged.pid')}`,
    `--log-file=${p('munge/munged.log')}`, `--seed-file=${p('munge/munged.seed')}`], { stdio: 'pipe' });
  const host = hostname().split('.')[0];
  const node = execFileSync('slurmd', ['-C'], { encoding: 'utf8' }).split('\n').find((l) => l.startsWith('NodeName='))!
    .replace(/^NodeName=\S+/, `NodeName=${host}`);
  const [ctldPort, slurmdPort] = [await freePort(), await freePort()];
  const conf = p('slurm.conf');
  writeFileSync(conf, [
    'ClusterName=uitstroomtest',
    `SlurmctldHost=${host}(127.0.0.1)`, // no name lookup needed on a fresh machine
    'SlurmUser=root',
    'SlurmdUser=root',
    'AuthType=auth/munge',
    'CredType=cred/munge',
    `AuthInfo=socket=${socket}`,
    `SlurmctldPort=${ctldPort}`,
    `SlurmdPort=${slurmdPort}`,
    `StateSaveLocation=${p('state')}`,
    `SlurmdSpoolDir=${p('spool')}`,
    `SlurmctldPidFile=${p('slurmctld.pid')}`,
    `SlurmdPidFile=${p('slurmd.pid')}`,
    `SlurmctldLogFile=${p('slurmctld.log')}`,
    `SlurmdLogFile=${p('slurmd.log')}`,
    'ProctrackType=proctrack/linuxproc',
    'TaskPlugin=task/none',
    'SelectType=select/cons_tres',
    'SelectTypeParameters=CR_Core',
    'SchedulerType=sched/backfill',
    'JobAcctGatherType=jobacct_gather/none',
    'AccountingStorageType=accounting_storage/none',
    'JobCompType=jobcomp/none',
    'MpiDefault=none',
    'ReturnToService=2',
    'SlurmdTimeout=300',
    `${node} NodeAddr=127.0.0.1 State=UNKNOWN`,
    `PartitionName=test Nodes=${host} Default=YES MaxTime=INFINITE State=UP`,
    '',
  ].join('\n'));
  const env = { ...process.env, SLURM_CONF: conf };
  execFileSync('slurmctld', ['-c'], { env, stdio: 'pipe' });
  execFileSync('slurmd', [], { env, stdio: 'pipe' });
  const logs = () =>
    ['slurmctld.log', 'slurmd.log', 'munge/munged.log'].filter((f) => existsSync(p(f))).map((f) => `--- ${f}\n${readFileSync(p(f), 'utf8').slice(-3000)}`).join('\n');
  // wait until the node is idle
  for (let i = 0; ; i++) {
    const r = spawnSync('sinfo', ['-h', '-o', '%T'], { env, encoding: 'utf8' });
    if (r.status === 0 && /^idle/m.test(r.stdout)) break;
    if (i > 120) throw new Error(`the Slurm node did not come up (sinfo: ${r.stdout}${r.stderr})\n${logs()}`);
    await sleep(500);
  }
  const stop = async () => {
    const pids = ['slurmd.pid', 'slurmctld.pid', 'munge/munged.pid'].map((f) => pidOf(p(f))).filter((pid) => Number.isInteger(pid) && pid > 0);
    for (const pid of pids) {
      if (alive(pid)) process.kill(pid, 'SIGTERM');
    }
    for (let i = 0; i < 100 && pids.some(alive); i++) await sleep(100);
    for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  const queued = (jobs: string[]) => spawnSync('squeue', ['-h', '-j', jobs.join(',')], { env, encoding: 'utf8' }).stdout.trim();
  return { dir, env, queued, logs, stop };
}
