/**
 * Every message the tool prints to users, in one place, so wording is consistent and tests can
 * assert it.
 */
export const msg = {
  usage: 'usage: tsx src/run.ts <model file> [--runs N] [--seed S] [--months M] [--workers W] [--out DIR] [--quiet] [--help]',
  seeHelp: 'Run with --help to see the options.',
  unknownFlag: (flag: string) => `unknown option '${flag}'.`,
  badFlagValue: (flag: string, expected: string, found: string) => `option --${flag}: expected ${expected}, found '${found}'.`,
  repeatedFlag: (flag: string) => `option --${flag} is given more than once; give it once.`,
  missingValue: (flag: string) => `option --${flag} needs a value.`,
  takesNoValue: (flag: string) => `option --${flag} takes no value.`,
  outExists: (dir: string) => `${dir} exists already; choose another --out (a run never overwrites another).`,
  staleIncomplete: (dir: string) => `${dir} is left from an unfinished run (its process has ended); remove it or choose another --out.`,
  liveIncomplete: (dir: string, pid: number) => `${dir} is being written by a running process (pid ${pid}); choose another --out.`,
  outUnusable: (flag: string, dir: string, e: unknown) => {
    const code = (e as NodeJS.ErrnoException)?.code;
    const hint = code === 'EEXIST' || code === 'ENOTDIR' ? ' (a part of the path is a file, not a folder)' : code === 'EROFS' ? ' (a read-only file system)' : '';
    return `${flag} ${dir}: the folder cannot be created there${hint}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
  },
  noModel: 'no model file given.',
  tooManyArgs: (args: string[]) => `expected one model file, found ${args.length}: ${args.join(' ')}.`,
  modelNotFound: (file: string) => `${file}: no such file.`,
  modelNotAFile: (file: string) => `${file}: not a file (a folder?); expected a model or experiment file.`,
  modelImportFailed: (file: string, why: string) => `${file}: could not load the model file: ${why}`,
  modelNoDefault: (file: string) => `${file}: the file must default-export defineModel({...}).`,
  modelInvalid: (file: string, count: number, kind = 'model file') => `${file}: ${count} problem${count === 1 ? '' : 's'} in the ${kind}:`,
  modelIssue: (path: string, message: string) => `  at ${path || '(top level)'}: ${message}`,
  modelSemantic: (file: string, path: string, message: string) => `${file}: at ${path}: ${message}`,
  replicateFailed: (scenario: string, replicate: number, seed: number, why: string) =>
    `replicate ${replicate} of scenario '${scenario}' (master seed ${seed}) failed: ${why}\nThe batch was stopped; the run folder is left marked incomplete.`,
  interrupted: (dir: string) => `interrupted: the unfinished run is in ${dir} (no manifest.json: it is not a complete run).`,
  leftIncomplete: (dir: string) => `The unfinished run is in ${dir} (no manifest.json: it is not a complete run).`,
  stoppedBy: (why: string) => `(stopped by ${why})`,
  leftAtOnce: 'interrupted again: leaving at once; the unfinished run folder keeps its .incomplete suffix.',
  wrote: (dir: string) => `wrote ${dir}`,
} as const;
