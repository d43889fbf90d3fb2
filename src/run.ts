/**
 * `tsx src/run.ts <model file> [--runs N] [--seed S] [--months M] [--workers W] [--out DIR] [--quiet]`
 *
 * Exit codes: 0 done; 1 a replicate failed; 2 bad input (flags or model file); 130 interrupted.
 */
import { parseRunArgs, HELP } from './cli/args.ts';
import { createProgress } from './cli/progress.ts';
import { BatchInterrupted, ReplicateError } from './batch/run-batch.ts';
import { msg } from './messages.ts';
import { InputError } from './model/load.ts';
import { headlineTable } from './output/table.ts';
import { runPipeline } from './pipeline.ts';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultWorkers } from './batch/run-batch.ts';
import { isExperiment } from './experiment/load.ts';
import { runExperiment } from './experiment/pipeline.ts';
import { writeReport } from './report/index.ts';
import { words } from './report/words.ts';

/** The file's default export, if it can be imported (a model file's own problems are reported by the loader). */
async function peek(file: string): Promise<unknown> {
  try {
    return (await import(pathToFileURL(resolve(file)).href)).default;
  } catch {
    return undefined;
  }
}

/** Charts and report.html beside the data; a failure here is a warning, the data files stand. */
async function charts(dir: string, skip: boolean): Promise<void> {
  if (skip) return;
  try {
    await writeReport(dir);
  } catch (e) {
    process.stderr.write(`warning: the charts and report could not be written: ${e instanceof Error ? e.message : String(e)}\n`);
  }
}

async function main(argv: string[]): Promise<number> {
  const args = parseRunArgs(argv);
  if (args.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  let cancelled = false;
  let workDir = '';
  const onSignal = () => {
    if (cancelled) process.exit(130); // second Ctrl-C: leave at once
    cancelled = true;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const progress = createProgress(args.modelFile, { quiet: args.quiet });
  try {
    const data = await peek(args.modelFile);
    if (isExperiment(data)) {
      const r = await runExperiment({
        file: args.modelFile, runs: args.runs, seed: args.seed, months: args.months, workers: args.workers ?? defaultWorkers(), out: args.out, lang: args.lang,
        onProgress: (d, t) => progress.update(d, t), isCancelled: () => cancelled, onFolder: (dir) => (workDir = dir),
      }, data);
      progress.finish();
      if (!args.quiet) {
        process.stdout.write(`\n${r.experiment.name}: ${r.experiment.replicates} replicates per cell, seed ${r.experiment.seed}, ${r.seconds.toFixed(1)} s\n\n`);
        process.stdout.write(r.report.join('\n') + '\n\n');
      }
      await charts(r.dir, args.noCharts);
      process.stdout.write(msg.wrote(r.dir) + '\n');
      return 0;
    }
    const result = await runPipeline({
      ...args,
      onProgress: (d, t) => progress.update(d, t),
      isCancelled: () => cancelled,
      onFolder: (dir) => (workDir = dir),
    });
    progress.finish();
    if (!args.quiet) {
      const line = words(args.lang).tableRunLine(result.model.name, result.runs, Object.keys(result.summary.scenarios).length, result.months, result.model.startMonth, result.seed, result.workers, result.seconds.toFixed(1));
      process.stdout.write(`\n${line}\n\n${headlineTable(result.summary, args.lang)}\n\n`);
    }
    await charts(result.dir, args.noCharts);
    process.stdout.write(msg.wrote(result.dir) + '\n');
    return 0;
  } catch (e) {
    progress.finish();
    if (e instanceof BatchInterrupted) {
      process.stderr.write(msg.interrupted(workDir) + '\n');
      return 130;
    }
    throw e;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof InputError) {
      process.stderr.write(`error: ${e.message}\n`);
      process.exit(2);
    }
    if (e instanceof ReplicateError) {
      process.stderr.write(`error: ${msg.replicateFailed(e.scenario, e.replicate, e.seed, e.reason)}\n`);
      process.exit(1);
    }
    process.stderr.write(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
