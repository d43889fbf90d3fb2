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
import { loadModel } from '../src/model/load.ts';

const { values } = parseArgs({
  options: {
    model: { type: 'string', default: 'models/rotterdam.ts' },
    replicates: { type: 'string', default: '100' },
    threads: { type: 'string', default: [1, availableParallelism()].filter((v, i, a) => a.indexOf(v) === i).join(',') },
    months: { type: 'string' },
  },
});

const { model: loaded } = await loadModel(values.model!);
const model = { ...loaded, scenarios: [] };
const months = values.months ? Number(values.months) : model.horizonMonths;
const replicates = Number(values.replicates);
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
for (const threads of values.threads!.split(',').map(Number)) {
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
