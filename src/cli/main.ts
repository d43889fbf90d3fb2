/**
 * The `run` command as a function: flags → model or experiment → run folder, returning the exit
 * code and printing through `io`, so tests can drive it in-process. `src/run.ts` wires it to the
 * process (signals, exit).
 *
 * Exit codes: 0 done; 1 a replicate or the file system failed; 2 bad input (flags, model or
 * experiment file, output folder); 130 interrupted.
 */
import { parseRunArgs, HELP } from './args.ts';
import { createProgress } from './progress.ts';
import { describeError } from './exit.ts';
import { BatchInterrupted, ReplicateError, defaultWorkers } from '../batch/run-batch.ts';
import { msg } from '../messages.ts';
import { importDefault } from '../model/load.ts';
import { headlineTable } from '../output/table.ts';
import { resumeKey, runPipeline } from '../pipeline.ts';
import { shardMsg } from '../batch/messages.ts';
import { isExperiment } from '../experiment/load.ts';
import { runExperiment } from '../experiment/pipeline.ts';
import { writeReport } from '../report/index.ts';
import { words } from '../report/words.ts';

export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True once the user asked to stop (a signal). */
  isCancelled?: () => boolean;
  /** Why the run was asked to stop (a signal, or the launching process that ended), for the message. */
  stopReason?: () => string;
  /** Called with what the command is doing, for a message if it never finishes. */
  onStage?: (stage: string) => void;
}

/** Charts and report.html beside the data; a failure here is a warning, the data files stand. */
async function charts(dir: string, skip: boolean, io: CommandIo): Promise<void> {
  if (skip) return;
  try {
    await writeReport(dir);
  } catch (e) {
    io.stderr(`warning: the charts and report could not be written: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}\n`);
  }
}

async function run(argv: string[], io: CommandIo, setWorkDir: (dir: string) => void): Promise<number> {
  const args = parseRunArgs(argv);
  if (args.help) {
    io.stdout(HELP + '\n');
    return 0;
  }
  const isCancelled = io.isCancelled ?? (() => false);
  const progress = createProgress(args.modelFile, { quiet: args.quiet });
  try {
    const file = args.modelFile || (args.resume ? resumeKey(args.resume).model.path : '');
    io.onStage?.(`loading ${file}`);
    const data = await importDefault(file);
    io.onStage?.(`running ${args.modelFile}`);
    if (isExperiment(data)) {
      const r = await runExperiment({
        shard: args.shard, resume: args.resume,
        file: args.modelFile, runs: args.runs, seed: args.seed, months: args.months, workers: args.workers ?? defaultWorkers(), out: args.out, format: args.format, lang: args.lang,
        noEnsemble: args.noEnsemble, sensitivity: !args.noSensitivity,
        onProgress: (d, t) => progress.update(d, t), isCancelled, onFolder: setWorkDir,
      }, data);
      progress.finish();
      if (r.shard) {
        io.stdout(msg.wrote(r.dir) + '\n');
        return 0;
      }
      if (!args.quiet) {
        io.stdout(`\n${r.experiment.name}: ${r.experiment.replicates} replicates per cell, seed ${r.experiment.seed}, ${r.seconds.toFixed(1)} s\n\n`);
        io.stdout(r.report.join('\n') + '\n\n');
      }
      await charts(r.dir, args.noCharts, io);
      io.stdout(msg.wrote(r.dir) + '\n');
      return 0;
    }
    const result = await runPipeline({ ...args, onProgress: (d, t) => progress.update(d, t), isCancelled, onFolder: setWorkDir });
    progress.finish();
    if (result.shard) {
      io.stdout(msg.wrote(result.dir) + '\n');
      return 0;
    }
    if (result.resumedResults > 0 && !args.quiet) io.stdout(shardMsg.resumed(result.dir, result.resumedResults, result.runs * Object.keys(result.summary.scenarios).length) + '\n');
    if (!args.quiet) {
      const line = words(args.lang).tableRunLine(result.model.name, result.runs, Object.keys(result.summary.scenarios).length, result.months, result.model.startMonth, result.seed, result.workers, result.seconds.toFixed(1));
      io.stdout(`\n${line}\n\n${headlineTable(result.summary, args.lang)}\n\n`);
    }
    await charts(result.dir, args.noCharts, io);
    io.stdout(msg.wrote(result.dir) + '\n');
    return 0;
  } finally {
    progress.finish();
  }
}

/** Runs the command; every failure becomes one `error:` line and its exit code. */
export async function runMain(argv: string[], io: CommandIo): Promise<number> {
  let workDir = '';
  try {
    return await run(argv, io, (dir) => (workDir = dir));
  } catch (e) {
    if (e instanceof BatchInterrupted) {
      const why = io.stopReason?.();
      io.stderr(msg.interrupted(workDir) + (why ? `\n${msg.stoppedBy(why)}` : '') + (workDir ? `\n${shardMsg.resumeHint(workDir)}` : '') + '\n');
      return 130;
    }
    if (e instanceof ReplicateError) {
      io.stderr(`error: ${msg.replicateFailed(e.scenario, e.replicate, e.seed, e.reason)}\n`);
      return 1;
    }
    const { code, text } = describeError(e);
    io.stderr(`error: ${text}${workDir ? `\n${msg.leftIncomplete(workDir)}` : ''}\n`);
    return code;
  }
}
