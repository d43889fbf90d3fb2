/**
 * `tsx src/report.ts <run folder>`: re-renders the charts (charts/*.vl.json, .svg, .png) and
 * report.html of a finished run folder.
 *
 * Exit codes: 0 done; 2 bad input (no folder, or not a complete run); 1 anything else.
 */
import { join } from 'node:path';
import { InputError } from './model/load.ts';
import { runCommand } from './cli/exit.ts';
import { writeReport } from './report/index.ts';
import { reportMsg } from './report/messages.ts';

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(reportMsg.reportUsage + '\n');
    return 0;
  }
  const flag = argv.find((a) => a.startsWith('-'));
  if (flag) throw new InputError(`${reportMsg.unknownFlag(flag)}\n${reportMsg.reportUsage}`);
  if (argv.length === 0) throw new InputError(`${reportMsg.noFolder}\n${reportMsg.reportUsage}`);
  if (argv.length > 1) throw new InputError(`${reportMsg.tooManyFolders(argv)}\n${reportMsg.reportUsage}`);
  const files = await writeReport(argv[0]);
  const charts = files.filter((f) => f.endsWith('.png')).length;
  process.stdout.write(reportMsg.wroteReport(join(argv[0], 'report.html'), charts) + '\n');
  return 0;
}

runCommand(() => main(process.argv.slice(2)), () => 'reading the run folders');
