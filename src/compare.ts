/**
 * `tsx src/compare.ts <run folder> <run folder> [...] [--out DIR]`: one report comparing finished
 * runs: their caseload fan charts side by side and their headline figures side by side. Writes
 * `DIR/report.html` and `DIR/charts/` (default DIR: runs/compare/<date>-<time>).
 *
 * Exit codes: 0 done; 2 bad input (too few folders, a folder missing or incomplete); 1 anything else.
 */
import { join } from 'node:path';
import { InputError } from './model/load.ts';
import { runCommand } from './cli/exit.ts';
import { checkOutFolder } from './output/out-folder.ts';
import { writeComparison } from './report/index.ts';
import { checkRunFolder } from './report/data.ts';
import { reportMsg } from './report/messages.ts';

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

function parseArgs(argv: string[]): { dirs: string[]; out: string; help: boolean } {
  const dirs: string[] = [];
  let out = join('runs', 'compare', stamp(new Date()));
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') help = true;
    else if (a === '--out' || a.startsWith('--out=')) {
      const v = a === '--out' ? argv[++i] : a.slice('--out='.length);
      if (!v || v.startsWith('--')) throw new InputError(`${reportMsg.missingValue('out')}\n${reportMsg.compareUsage}`);
      out = v;
    } else if (a.startsWith('-')) throw new InputError(`${reportMsg.unknownFlag(a)}\n${reportMsg.compareUsage}`);
    else dirs.push(a);
  }
  return { dirs, out, help };
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.help) {
    process.stdout.write(reportMsg.compareUsage + '\n');
    return 0;
  }
  if (args.dirs.length < 2) throw new InputError(`${reportMsg.compareTooFew(args.dirs.length)}\n${reportMsg.compareUsage}`);
  for (const d of args.dirs) checkRunFolder(d);
  checkOutFolder('--out', args.out, { mustBeNew: true });
  const files = await writeComparison(args.dirs, args.out);
  const charts = files.filter((f) => f.endsWith('.png')).length;
  process.stdout.write(reportMsg.wroteReport(join(args.out, 'report.html'), charts) + '\n');
  return 0;
}

runCommand(() => main(process.argv.slice(2)), () => 'reading the run folders');
