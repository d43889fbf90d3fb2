/**
 * `tsx src/run.ts <model or experiment file> [--runs N] [--seed S] [--months M] [--workers W] [--out DIR] [--lang nl|en] [--quiet]`
 *
 * Exit codes: 0 done; 1 a replicate or the file system failed; 2 bad input (flags, model or
 * experiment file, output folder); 130 interrupted. The command itself is `src/cli/main.ts`.
 */
import { runMain } from './cli/main.ts';
import { runCommand } from './cli/exit.ts';
import { watchForStop } from './cli/signals.ts';
import { msg } from './messages.ts';

let stage = 'starting';
const stop = watchForStop(() => {
  process.stderr.write(msg.leftAtOnce + '\n');
  process.exit(130);
});
runCommand(
  () =>
    runMain(process.argv.slice(2), {
      stdout: (t) => process.stdout.write(t),
      stderr: (t) => process.stderr.write(t),
      isCancelled: stop.stopped,
      stopReason: stop.reason,
      onStage: (s) => (stage = s),
    }),
  () => stage,
);
