/**
 * `npm run bench [-- --model models/rotterdam.ts --replicates 200 --threads 1,2]`
 *
 * Reports, for one scenario of the model (as written, "as-is"):
 *  1. agent-months per second on one thread, in-process, after a warm-up replicate;
 *  2. a Monte Carlo batch through the worker pool for each thread count: wall time, agent-months
 *     per second, speed-up over one worker, and peak resident memory sampled during the batch
 *     (at 25%, 50%, 75% and 100% of the batch too, to show that memory stays flat).
 * An agent-month is one recipient on benefit for one month (the caseload summed over months).
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { runBatch } from '../src/batch/run-batch.ts';
import { M, METRIC_COUNT } from '../src/engine/metrics.ts';
import { AS_IS } from '../src/engine/sim.ts';
import { simulateReplicate } from '../src/engine/simulate.ts';
import { InputError, loadModel } from '../src/model/load.ts';
import { exitWithError } from '../src/cli/exit.ts';
import { MAX_WORKERS } from '../src/batch/run-batch.ts';

const USAGE = `usage: npm run bench [-- --model FILE --replicates N --threads T1,T2 --months M]

Agent-months per second on one thread and through the worker pool, speed-up and peak memory.
  --model FILE       the model (default models/rotterdam.ts)
  --replicates N     replicates in each pooled batch (default 100)
  --threads T1,T2    worker counts to try, 1..${MAX_WORKERS} (default 1 and all cores)
  --months M         months (default: the model's horizon)
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
      replicates: { type: 'string', default: '100' },
      threads: { type: 'string', default: [1, Math.min(availableParallelism(), MAX_WORKERS)].filter((v, i, a) => a.indexOf(v) === i).join(',') },
      months: { type: 'string' },
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

let loaded, months: number, replicates: number, threadCounts: number[];
try {
  ({ model: loaded } = await loadModel(values.model!));
  months = values.months ? int('months', values.months, 1, 600) : loaded.horizonMonths;
  replicates = int('replicates', values.replicates!, 1, 1_000_000);
  threadCounts = values.threads!.split(',').map((t) => int('threads', t, 1, MAX_WORKERS));
} catch (e) {
  exitWithError(e);
}
const model = { ...loaded, scenarios: [] };
const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;
const caseloadMonths = (series: Float64Array) => {
  let s = 0;
  for (let t = 0; t < months; t++) s += series[t * METRIC_COUNT + M.caseload];
  return s;
};

console.log(`uitstroom benchmark: ${model.name}, ${model.population.size.toLocaleString('en-GB')} recipients, ${months} months, node ${process.version}, ${availableParallelism()} cores`);

// 1. one thread, in-process
for (let r = 0; r < 2; r++) simulateReplicate(model, AS_IS, 1000 + r, model.run.seed, months); // warm-up
let am = 0;
const t0 = performance.now();
const singleReps = 10;
for (let r = 0; r < singleReps; r++) am += simulateReplicate(model, AS_IS, r, model.run.seed, months).agentMonths;
const single = am / ((performance.now() - t0) / 1000);
console.log(`\n1. one thread, in-process: ${(single / 1e6).toFixed(2)} million agent-months/s (${singleReps} replicates, ${(am / 1e6).toFixed(1)} M agent-months)`);

// 2. the worker pool
console.log(`\n2. worker pool, ${replicates} replicates:`);
console.log('   threads   wall s   M agent-months/s   speed-up   peak RSS   RSS at 25/50/75/100%');
let base = 0;
for (const threads of threadCounts) {
  let peak = process.memoryUsage().rss;
  const marks: number[] = [];
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  let total = 0;
  const start = performance.now();
  await runBatch({
    model, runs: replicates, masterSeed: model.run.seed, months, workers: threads,
    onResult: (_s, _r, series) => (total += caseloadMonths(series)),
    onProgress: (done, all) => {
      if ([0.25, 0.5, 0.75, 1].some((q) => done === Math.round(q * all))) marks.push(process.memoryUsage().rss);
    },
  });
  clearInterval(timer);
  const wall = (performance.now() - start) / 1000;
  const rate = total / wall;
  if (!base) base = rate;
  console.log(
    `   ${String(threads).padStart(7)}   ${wall.toFixed(1).padStart(6)}   ${(rate / 1e6).toFixed(2).padStart(16)}   ${(rate / base).toFixed(2).padStart(8)}x   ${mb(peak).padStart(8)}   ${marks.map(mb).join(' / ')}`,
  );
}
