/**
 * `tsx src/report.ts <run folder> [--lang nl|en]`: re-renders the charts (charts/*.vl.json, .svg, .png) and
 * report.html of a finished run folder, in the language asked for (default: the one the run recorded).
 *
 * Exit codes: 0 done; 2 bad input (no folder, or not a complete run); 1 anything else.
 */
import { join } from 'node:path';
import { InputError } from './model/load.ts';
import { isLang, type Lang } from './report/lang.ts';
import { runCommand } from './cli/exit.ts';
import { writeReport } from './report/index.ts';
import { reportMsg } from './report/messages.ts';

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(reportMsg.reportUsage + '\n');
    return 0;
  }
  let lang: Lang | undefined;
  const at = argv.indexOf('--lang');
  if (at >= 0) {
    const value = argv[at + 1];
    if (!isLang(value)) throw new InputError(`${reportMsg.badLang(value ?? '')}\n${reportMsg.reportUsage}`);
    lang = value;
    argv = argv.filter((_, i) => i !== at && i !== at + 1);
  }
  const flag = argv.find((a) => a.startsWith('-'));
  if (flag) throw new InputError(`${reportMsg.unknownFlag(flag)}\n${reportMsg.reportUsage}`);
  if (argv.length === 0) throw new InputError(`${reportMsg.noFolder}\n${reportMsg.reportUsage}`);
  if (argv.length > 1) throw new InputError(`${reportMsg.tooManyFolders(argv)}\n${reportMsg.reportUsage}`);
  const files = await writeReport(argv[0], lang);
  const charts = files.filter((f) => f.endsWith('.png')).length;
  process.stdout.write(reportMsg.wroteReport(join(argv[0], 'report.html'), charts) + '\n');
  return 0;
}

runCommand(() => main(process.argv.slice(2)), () => 'reading the run folders');
