/**
 * `npm run bench [-- --model models/rotterdam.ts --replicates 50 --rounds 2 --json]`
 *
 * Reports in one run, for the model (default Rotterdam):
 *  1. agent-months per second on one thread, in-process and with the engine as the workers run it
 *     (the same esbuild bundle, so that the TypeScript loader does not colour the figure: under
 *     it the same engine measured up to a third slower, and varied more), for the model as written ("as-is") and
 *     without any policy ("no-policy"), alternated replicate by replicate so that a shared
 *     machine's noise hits both; medians, by wall time and by the thread's own CPU time; and their
 *     ratio (what the policies cost);
 *  2. the machine's own two-thread ceiling: a fixed CPU-bound kernel (hashing over a few MB, like
 *     the engine's columns) in 1 and in 2 worker threads at once, speed-up = 2 x T1 / T2; and the
 *     engine's own: no-policy replicates in 1 and in 2 bare worker threads (no pool), which also
 *     meets the machine's limits on memory traffic that the hashing kernel does not;
 *  3. the worker pool on the model's scenarios at 1 and 2 threads: agent-months per second,
 *     speed-up over one in-process thread (the same replicate mix) and 2 threads over 1 as a share
 *     of the ceiling and of the engine's own. Ceilings and pool alternate round by round (medians);
 *  4. peak resident memory (RSS) of the process, workers included, and the load average at start.
 * An agent-month is one recipient on benefit for one month (the caseload summed over months).
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { MAX_WORKERS, runBatch, tasksOf } from '../src/batch/run-batch.ts';
import { M, METRIC_COUNT } from '../src/engine/metrics.ts';
import { workerBundle } from '../src/batch/bundle.ts';
import type { ReplicateOutput, ReplicateTask } from '../src/batch/task.ts';
import { InputError, loadModel } from '../src/model/load.ts';
import type { Model } from '../src/model/schema.ts';
import { exitWithError } from '../src/cli/exit.ts';

const USAGE = `usage: npm run bench [-- --model FILE --replicates N --rounds R --months M --json]

Agent-months per second on one thread (as-is and no-policy), the machine's two-thread ceiling,
the worker pool at 1 and 2 threads against it, and peak memory.
  --model FILE       the model (default models/rotterdam.ts)
  --replicates N     replicates per scenario in each pooled batch (default 50: about the size of
                     real batches, the quick start's is 100 x 2; at 20 x 2 the workers' start,
                     about 0.5 s, weighs on the speed-up)
  --rounds R         rounds of ceiling and pool measurements, alternated (default 2)
  --single N         replicates of each scenario on one thread (default 8, after 2 to warm up)
  --months M         months (default: the model's horizon)
  --json             print the figures as JSON instead of text
  --help             this text`;

const int = (flag: string, raw: string, lo: number, hi: number): number => {
  if (!/^\d+$/.test(raw) || Number(raw) < lo || Number(raw) > hi) throw new InputError(`option --${flag}: expected an integer from ${lo} to ${hi}, found '${raw}'.`);
  return Number(raw);
};

let values;
try {
  ({ values } = parseArgs({
    options: {
      model: { type: 'string', default: 'models/rotterdam.ts' },
      replicates: { type: 'string', default: '50' },
      rounds: { type: 'string', default: '2' },
      single: { type: 'string', default: '8' },
      months: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (e) {
  exitWithError(new InputError(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`));
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

let loaded: Model, months: number, replicates: number, rounds: number, singles: number;
try {
  ({ model: loaded } = await loadModel(values.model!));
  months = values.months ? int('months', values.months, 1, 600) : loaded.horizonMonths;
  replicates = int('replicates', values.replicates!, 1, 1_000_000);
  rounds = int('rounds', values.rounds!, 1, 100);
  singles = int('single', values.single!, 1, 1000);
} catch (e) {
  exitWithError(e);
}
const json = values.json!;
const say = (line: string) => { if (!json) console.log(line); };
const load = loadavg();
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
};
const round = (x: number, digits = 3) => Number(x.toFixed(digits));
const fmt = (x: number) => (x / 1e6).toFixed(2);

/** CPU time of the calling thread in seconds (Linux; NaN elsewhere). */
function threadCpuSeconds(): number {
  try {
    return Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e9;
  } catch {
    return NaN;
  }
}

say(`uitstroom benchmark: ${loaded.name}, ${loaded.population.size.toLocaleString('en-GB')} recipients, ${months} months, node ${process.version}, ${availableParallelism()} cores`);
say(`load average at start (1/5/15 min): ${load.map((x) => x.toFixed(2)).join(' / ')}`);

// 1. one thread, in-process: as-is and no-policy alternated, run by the workers' bundle
const engine = (await import(workerBundle())) as { runTask: (task: ReplicateTask) => ReplicateOutput };
const variants = { asIs: { ...loaded, scenarios: [] }, noPolicy: { ...loaded, policies: [], scenarios: [] } };
type Variant = keyof typeof variants;
// each variant's first task, with its economy built once here (as a batch does), for any replicate
const firstTask = Object.fromEntries((['asIs', 'noPolicy'] as const).map((v) => [v, tasksOf(variants[v], 1, variants[v].run.seed, months).next().value as ReplicateTask])) as Record<Variant, ReplicateTask>;
const singleRun = (v: Variant, replicate: number) => {
  const cpu0 = threadCpuSeconds();
  const t0 = performance.now();
  const am = engine.runTask({ ...firstTask[v], replicate }).agentMonths;
  return { am, wall: (performance.now() - t0) / 1000, cpu: threadCpuSeconds() - cpu0 };
};
for (let r = 0; r < 2; r++) for (const v of ['asIs', 'noPolicy'] as const) singleRun(v, 1000 + r); // warm-up
const runs: Record<Variant, { am: number; wall: number; cpu: number }[]> = { asIs: [], noPolicy: [] };
for (let r = 0; r < singles; r++) for (const v of (r % 2 ? ['noPolicy', 'asIs'] : ['asIs', 'noPolicy']) as Variant[]) runs[v].push(singleRun(v, r));
const single = Object.fromEntries((['noPolicy', 'asIs'] as const).map((v) => [v, {
  agentMonthsPerSecond: median(runs[v].map((x) => x.am / x.wall)),
  agentMonthsPerCpuSecond: median(runs[v].map((x) => x.am / x.cpu)),
  secondsPerReplicate: median(runs[v].map((x) => x.wall)),
  agentMonthsPerReplicate: median(runs[v].map((x) => x.am)),
}])) as Record<Variant, { agentMonthsPerSecond: number; agentMonthsPerCpuSecond: number; secondsPerReplicate: number; agentMonthsPerReplicate: number }>;
const ratio = single.asIs.agentMonthsPerSecond / single.noPolicy.agentMonthsPerSecond;
const ratioCpu = single.asIs.agentMonthsPerCpuSecond / single.noPolicy.agentMonthsPerCpuSecond;
say(`\n1. one thread, in-process, the workers' bundle (median of ${singles} replicates each, alternated; M agent-months/s)`);
say('   scenario     wall-clock   own CPU time   s/replicate');
for (const [name, v] of [['no-policy', single.noPolicy], ['as-is', single.asIs]] as const) {
  say(`   ${name.padEnd(10)}   ${fmt(v.agentMonthsPerSecond).padStart(10)}   ${fmt(v.agentMonthsPerCpuSecond).padStart(12)}   ${v.secondsPerReplicate.toFixed(3).padStart(11)}`);
}
say(`   as-is / no-policy: ${ratio.toFixed(2)} (wall), ${ratioCpu.toFixed(2)} (CPU time)`);

// 2 and 3. the machine's ceiling and the pool, alternated round by round
const KERNEL = `
const { parentPort } = require('node:worker_threads');
const N = 1 << 19;
const keys = new Uint32Array(N), acc = new Float32Array(N);
for (let i = 0; i < N; i++) keys[i] = Math.imul(i + 1, 0x9e3779b9) >>> 0;
function pass(p) {
  let s = 0;
  for (let i = 0; i < N; i++) {
    let x = keys[i] ^ Math.imul(p + 1, 0xc2b2ae35);
    x ^= x >>> 16; x = Math.imul(x, 0x7feb352d); x ^= x >>> 15; x = Math.imul(x, 0x846ca68b); x ^= x >>> 16;
    const u = (x >>> 0) / 4294967296;
    if (u < 0.3) acc[i] += u; else keys[i] = x >>> 0;
    s += acc[i];
  }
  return s;
}
parentPort.on('message', (passes) => {
  const t0 = performance.now();
  let s = 0;
  for (let p = 0; p < passes; p++) s += pass(p);
  parentPort.postMessage({ seconds: (performance.now() - t0) / 1000, check: s });
});`;
const kernels = [new Worker(KERNEL, { eval: true }), new Worker(KERNEL, { eval: true })];
// the engine itself in bare worker threads (no pool, no batch): each runs the no-policy replicates
// it is sent, one after another, from the workers' bundle; its two-thread speed-up is the
// machine's ceiling for this engine, memory traffic included
const ENGINE = `
const { parentPort, workerData } = require('node:worker_threads');
const ready = import(workerData.bundle);
parentPort.on('message', async ({ task, replicates }) => {
  const { runTask } = await ready;
  const t0 = performance.now();
  let am = 0;
  for (const r of replicates) am += runTask({ ...task, replicate: r }).agentMonths;
  parentPort.postMessage({ seconds: (performance.now() - t0) / 1000, am });
});`;
const engines = [0, 1].map(() => new Worker(ENGINE, { eval: true, workerData: { bundle: workerBundle() } }));
const engineRun = (w: Worker, replicates: number[]) =>
  new Promise<{ seconds: number; am: number }>((done) => w.once('message', done).postMessage({ task: firstTask.noPolicy, replicates }));
/** Agent-months per second of `n` bare engine threads at once, each running `per` replicates. */
const enginesTogether = async (n: number, per: number, from: number) => {
  const t0 = performance.now();
  const done = await Promise.all(engines.slice(0, n).map((w, k) => engineRun(w, Array.from({ length: per }, (_, j) => from + k * per + j))));
  return done.reduce((a, d) => a + d.am, 0) / ((performance.now() - t0) / 1000);
};
await enginesTogether(2, 2, 2000); // warm-up: both threads compile their loops
const kernel = (w: Worker, passes: number) => new Promise<number>((done) => w.once('message', (m: { seconds: number }) => done(m.seconds)).postMessage(passes));
const together = async (n: number, passes: number) => {
  const t0 = performance.now();
  await Promise.all(kernels.slice(0, n).map((w) => kernel(w, passes)));
  return (performance.now() - t0) / 1000;
};
await together(2, 16); // warm-up
// passes for about 1.5 s on one thread, so that the ceiling sees the machine's noise over a time
// like the pool's batches do
const t16 = await together(1, 16);
const passes = Math.max(16, Math.round((16 * 1.5) / t16));

const pooled = { ...loaded, scenarios: [{ name: 'no-policy', policies: [], commonRandomNumbers: true }] } as Model;
const caseloadMonths = (series: Float64Array) => {
  let s = 0;
  for (let t = 0; t < months; t++) s += series[t * METRIC_COUNT + M.caseload];
  return s;
};
const poolRun = async (threads: number) => {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  let total = 0;
  const start = performance.now();
  await runBatch({
    model: pooled, runs: replicates, masterSeed: pooled.run.seed, months, workers: threads,
    onResult: (_s, _r, series) => (total += caseloadMonths(series)),
  });
  clearInterval(timer);
  const wall = (performance.now() - start) / 1000;
  return { rate: total / wall, wall, peak };
};
const threadCounts = [1, Math.min(2, MAX_WORKERS)];
const ceiling1: number[] = [], ceiling2: number[] = [];
const pool: Record<number, { rate: number; wall: number; peak: number }[]> = { 1: [], 2: [] };
const engine1: number[] = [], engine2: number[] = [];
const enginePer = Math.max(2, Math.round(singles / 2));
for (let r = 0; r < rounds; r++) {
  ceiling1.push(await together(1, passes));
  ceiling2.push(await together(2, passes));
  engine1.push(await enginesTogether(1, 2 * enginePer, 3000 + 100 * r));
  engine2.push(await enginesTogether(2, enginePer, 3000 + 100 * r));
  for (const n of r % 2 ? [...threadCounts].reverse() : threadCounts) pool[n].push(await poolRun(n));
}
await Promise.all([...kernels, ...engines].map((w) => w.terminate()));
const ceiling = (2 * median(ceiling1)) / median(ceiling2);
const engineCeiling = median(engine2) / median(engine1);
// in-process reference for the pool's mix (one replicate of each scenario per replicate index)
const inProcess = (single.asIs.agentMonthsPerReplicate + single.noPolicy.agentMonthsPerReplicate) / (single.asIs.secondsPerReplicate + single.noPolicy.secondsPerReplicate);
const poolRate = (n: number) => median(pool[n].map((x) => x.rate));
const speedup2 = poolRate(2) / poolRate(1);
say(`\n2. the machine's two-thread ceiling: a CPU-bound kernel (${passes} hashing passes over 4 MB), median of ${rounds}`);
say(`   1 worker ${median(ceiling1).toFixed(2)} s, 2 workers at once ${median(ceiling2).toFixed(2)} s: ceiling ${ceiling.toFixed(2)}x`);
say(`   the engine itself, no-policy, in bare worker threads (${2 * enginePer} replicates in 1, ${enginePer} each in 2): ${fmt(median(engine1))} and ${fmt(median(engine2))} M agent-months/s, ${engineCeiling.toFixed(2)}x`);
say(`\n3. worker pool, ${replicates} replicates x ${pooled.scenarios.length + 1} scenarios (as-is, no-policy), median of ${rounds} (M agent-months/s)`);
say('   threads   wall s   M agent-months/s   vs in-process   peak RSS');
for (const n of threadCounts) {
  say(`   ${String(n).padStart(7)}   ${median(pool[n].map((x) => x.wall)).toFixed(1).padStart(6)}   ${fmt(poolRate(n)).padStart(16)}   ${(poolRate(n) / inProcess).toFixed(2).padStart(12)}x   ${(Math.max(...pool[n].map((x) => x.peak)) / 2 ** 20).toFixed(0).padStart(5)} MB`);
}
say(`   in-process, one thread, the same mix: ${fmt(inProcess)}`);
say(`   2 threads over 1: ${speedup2.toFixed(2)}x = ${((100 * speedup2) / ceiling).toFixed(0)}% of the ceiling (${ceiling.toFixed(2)}x), ${((100 * speedup2) / engineCeiling).toFixed(0)}% of the engine's own in bare threads (${engineCeiling.toFixed(2)}x)`);
const peakRss = process.resourceUsage().maxRSS * 1024;
say(`\n4. peak RSS of the process (workers included): ${(peakRss / 2 ** 20).toFixed(0)} MB; load average at end: ${loadavg().map((x) => x.toFixed(2)).join(' / ')}`);

if (json) {
  console.log(JSON.stringify({
    model: loaded.name, recipients: loaded.population.size, months, node: process.version, cores: availableParallelism(),
    loadAverageAtStart: load.map((x) => round(x, 2)), loadAverageAtEnd: loadavg().map((x) => round(x, 2)),
    singleThread: {
      replicates: singles,
      noPolicy: { agentMonthsPerSecond: Math.round(single.noPolicy.agentMonthsPerSecond), agentMonthsPerCpuSecond: Math.round(single.noPolicy.agentMonthsPerCpuSecond) },
      asIs: { agentMonthsPerSecond: Math.round(single.asIs.agentMonthsPerSecond), agentMonthsPerCpuSecond: Math.round(single.asIs.agentMonthsPerCpuSecond) },
      asIsOverNoPolicy: round(ratio), asIsOverNoPolicyCpu: round(ratioCpu),
    },
    ceiling: { rounds, passes, oneWorkerSeconds: round(median(ceiling1)), twoWorkersSeconds: round(median(ceiling2)), speedup: round(ceiling) },
    engineCeiling: {
      rounds, replicatesPerThread: enginePer, speedup: round(engineCeiling),
      oneThreadAgentMonthsPerSecond: Math.round(median(engine1)), twoThreadsAgentMonthsPerSecond: Math.round(median(engine2)),
    },
    pool: {
      replicates, scenarios: 2, rounds,
      inProcessAgentMonthsPerSecond: Math.round(inProcess),
      threads: Object.fromEntries(threadCounts.map((n) => [n, {
        agentMonthsPerSecond: Math.round(poolRate(n)), wallSeconds: round(median(pool[n].map((x) => x.wall))),
        speedupOverInProcess: round(poolRate(n) / inProcess), peakRssBytes: Math.max(...pool[n].map((x) => x.peak)),
      }])),
      speedup2over1: round(speedup2), shareOfCeiling: round(speedup2 / ceiling), shareOfEngineCeiling: round(speedup2 / engineCeiling),
    },
    peakRssBytes: peakRss,
  }, null, 2));
}
