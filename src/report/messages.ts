/**
 * Every message of the report and compare commands, in one place (as `src/messages.ts` is for the
 * run command), so tests can assert the wording.
 */
export const reportMsg = {
  reportUsage: 'usage: tsx src/report.ts <run folder> [--lang nl|en]',
  badLang: (found: string) => `option --lang: expected nl or en, found '${found}'.`,
  compareUsage: 'usage: tsx src/compare.ts <run folder> <run folder> [...] [--out DIR]',
  noFolder: 'no run folder given.',
  tooManyFolders: (args: string[]) => `expected one run folder, found ${args.length}: ${args.join(' ')}.`,
  compareTooFew: (n: number) => `compare needs at least two run folders, found ${n}.`,
  folderMissing: (dir: string) => `${dir}: no such folder.`,
  notAFolder: (dir: string) => `${dir}: not a folder.`,
  incomplete: (dir: string) =>
    `${dir}: not a complete run (no manifest.json): the run was interrupted or failed, or this is not a run folder.`,
  fileMissing: (dir: string, file: string) => `${dir}: incomplete run folder: ${file} is missing.`,
  badJson: (file: string, why: string) => `${file}: not valid JSON: ${why}`,
  badCsv: (file: string, line: number, why: string) => `${file}: line ${line}: ${why}`,
  noSeries: (file: string, scenario: string, metric: string) => `${file}: no rows for scenario '${scenario}', metric '${metric}'.`,
  missingValue: (flag: string) => `option --${flag} needs a value.`,
  unknownFlag: (flag: string) => `unknown option '${flag}'.`,
  wroteReport: (file: string, charts: number) => `wrote ${file} and ${charts} charts`,
  tableMissing: (file: string) => `${file}: missing: the folder is not a complete experiment run or calibration report.`,
  badField: (file: string, column: string, found: string) => `${file}: column '${column}': expected a number, found '${found}'.`,
  englishOnly: (design: string) => `the report of a ${design} experiment is in English only; --lang applies to run reports and factorial experiments.`,
  noTargets: (file: string) => `${file}: no targets: nothing to chart.`,
} as const;
