/**
 * Command-line flags of `src/run.ts`, parsed with node's `util.parseArgs` (strict) and checked
 * up front: a wrong flag or value names itself and points to --help.
 */
import { parseArgs } from 'node:util';
import { InputError } from '../model/load.ts';
import { msg } from '../messages.ts';
import { isLang, langFromEnv, type Lang } from '../report/lang.ts';
import { MAX_WORKERS } from '../batch/run-batch.ts';
import { parseShard, type Shard } from '../batch/shard.ts';
import { TABLE_FORMATS, type TableFormat } from '../output/parquet.ts';

export interface RunArgs {
  modelFile: string;
  runs?: number;
  seed?: number;
  months?: number;
  workers?: number;
  out?: string;
  quiet: boolean;
  /** Skip the charts and report.html. */
  noCharts: boolean;
  /** Skip an experiment's structural sensitivity (`--no-sensitivity`). */
  noSensitivity: boolean;
  /** The language of report.html, the charts and the terminal table (`--lang`, else the locale's). */
  lang: Lang;
  help: boolean;
  /** Run one shard of the batch (`--shard i/n`, `auto`, `auto/n`). */
  shard?: Shard;
  /** Continue an unfinished run folder. */
  resume?: string;
  /** Tables as csv (default), parquet or both. */
  format?: TableFormat;
  /** Run the fitted point only, not the calibration's ensemble of parameter sets. */
  noEnsemble: boolean;
}

export const HELP = `${msg.usage}

Runs a Monte Carlo batch of a model: every scenario of the model file x N replicates, on worker
threads, and writes runs/<model>/<run id>/ (manifest.json, series.csv, replicates.csv, summary.json).

Options:
  --runs N      replicates per scenario (default: the model's run.replicates)
  --seed S      master seed, an integer 0..2147483648 (default: the model's run.seed)
  --months M    months to simulate (default: the model's horizonMonths)
  --workers W   worker threads, at most ${MAX_WORKERS} and never more than replicates; 0 runs in the main
                thread (default: all cores)
  --out DIR     the run folder to write (default: runs/<model>/<date>-<time>-seed<S>)
  --quiet       no progress and no table
  --no-charts   do not write charts/ and report.html (the data files only)
  --no-ensemble run the calibration's fitted point only; by default replicates are spread over
                the parameter sets in models/ensemble.json (replicate r runs set r mod K), so
                intervals carry what we do not know about the parameters as well as chance
  --no-sensitivity
                an experiment: skip the structural sensitivity its file asks for (faster)
  --shard i/n   run shard i of n (counting from 0) and write a shard folder for src/merge.ts;
                'auto' reads SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT, 'auto/n' reads
                SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX with n shards
  --resume DIR  continue the unfinished run in DIR (a folder ending in .incomplete); the model
                file, replicates, seed and months are the run's own
  --format F    csv (default), parquet or both: replicates.parquet and series.parquet beside or
                instead of replicates.csv (series.csv is always written); for an experiment, every
                table as .parquet too
  --lang L      nl or en: the language of report.html, the charts and this table
                (default: from the locale, LC_ALL / LC_MESSAGES / LANG; recorded in manifest.json)
  --help        this text

The same model file and seed give byte-identical series.csv, replicates.csv and summary.json
whatever --workers is.`;

const OPTIONS = {
  runs: { type: 'string' },
  seed: { type: 'string' },
  months: { type: 'string' },
  workers: { type: 'string' },
  out: { type: 'string' },
  lang: { type: 'string' },
  quiet: { type: 'boolean', default: false },
  'no-charts': { type: 'boolean', default: false },
  'no-ensemble': { type: 'boolean', default: false },
  'no-sensitivity': { type: 'boolean', default: false },
  shard: { type: 'string' },
  resume: { type: 'string' },
  format: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const RANGES: Record<string, [number, number]> = {
  runs: [1, 1_000_000],
  seed: [0, 2 ** 31],
  months: [1, 600],
  workers: [0, MAX_WORKERS],
};

/** What each valued flag expects, for messages. */
const EXPECTED: Record<string, string> = {
  ...Object.fromEntries(Object.entries(RANGES).map(([k, [lo, hi]]) => [k, `an integer from ${lo} to ${hi}`])),
  out: 'a folder path',
  format: 'csv, parquet or both',
  lang: 'nl or en',
};

function integer(flag: keyof typeof RANGES & string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const [min, max] = RANGES[flag];
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new InputError(`${msg.badFlagValue(flag, EXPECTED[flag], raw)} ${msg.seeHelp}`);
  }
  return Number(raw);
}

export function parseRunArgs(argv: string[]): RunArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
  } catch (e) {
    const err = e as { code?: string; message: string };
    const flag = /'([^']+)'/.exec(err.message)?.[1] ?? err.message;
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new InputError(`${msg.unknownFlag(flag)} ${msg.seeHelp}`);
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const name = flag.replace(/^-+/, '').split(/[ =]/)[0];
      if (/does not take an argument/.test(err.message)) throw new InputError(`${msg.takesNoValue(name)} ${msg.seeHelp}`);
      // parseArgs refuses a value that starts with '-' (e.g. --workers -1): report the value
      const at = argv.indexOf(`--${name}`);
      const next = at >= 0 ? argv[at + 1] : undefined;
      if (next !== undefined && next.startsWith('-') && name in EXPECTED) throw new InputError(`${msg.badFlagValue(name, EXPECTED[name], next)} ${msg.seeHelp}`);
      throw new InputError(`${msg.missingValue(name)} ${msg.seeHelp}`);
    }
    throw new InputError(`${err.message} ${msg.seeHelp}`);
  }
  const { values, positionals, tokens } = parsed;
  // a valued flag given twice is a mistake (which one was meant?), not "the last one wins"
  const seen = new Set<string>();
  for (const t of tokens ?? []) {
    if (t.kind !== 'option' || OPTIONS[t.name as keyof typeof OPTIONS]?.type !== 'string') continue;
    if (seen.has(t.name)) throw new InputError(`${msg.repeatedFlag(t.name)} ${msg.seeHelp}`);
    seen.add(t.name);
  }
  if (values.help) return { modelFile: '', quiet: false, noCharts: false, noEnsemble: false, noSensitivity: false, lang: 'en', help: true };
  if (positionals.length === 0 && values.resume === undefined) throw new InputError(`${msg.noModel} ${msg.seeHelp}`);
  if (positionals.length > 1) throw new InputError(`${msg.tooManyArgs(positionals)} ${msg.seeHelp}`);
  if (values.out !== undefined && values.out.trim() === '') throw new InputError(`${msg.badFlagValue('out', EXPECTED.out, '')} ${msg.seeHelp}`);
  if (values.format !== undefined && !TABLE_FORMATS.includes(values.format as TableFormat)) throw new InputError(`${msg.badFlagValue('format', EXPECTED.format, values.format)} ${msg.seeHelp}`);
  if (values.lang !== undefined && !isLang(values.lang)) throw new InputError(`${msg.badFlagValue('lang', EXPECTED.lang, values.lang)} ${msg.seeHelp}`);
  return {
    modelFile: positionals[0] ?? '',
    runs: integer('runs', values.runs),
    seed: integer('seed', values.seed),
    months: integer('months', values.months),
    workers: integer('workers', values.workers),
    out: values.out,
    quiet: values.quiet,
    noCharts: values['no-charts'],
    noEnsemble: values['no-ensemble'],
    noSensitivity: values['no-sensitivity'],
    lang: (values.lang as Lang | undefined) ?? langFromEnv(),
    help: false,
    shard: values.shard === undefined ? undefined : parseShard(values.shard),
    resume: values.resume,
    format: values.format as TableFormat | undefined,
  };
}
