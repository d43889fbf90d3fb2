/**
 * Reads a finished run folder for charts and reports: manifest.json, summary.json, series.csv
 * (means and percentiles per month) and replicates.csv (every replicate's monthly values, for the
 * bands series.csv does not carry: the middle 50% and anything cumulative). A folder without
 * manifest.json is not a finished run and is refused.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../model/load.ts';
import type { SummaryFile } from '../output/summary.ts';
import { isLang, type Lang } from './lang.ts';
import { reportMsg } from './messages.ts';
import { checkJson, runManifestSchema, summarySchema } from './manifest-schema.ts';

/** The fields of manifest.json the report uses. */
export interface RunManifest {
  tool: { name: string; version: string };
  node: string;
  git: { commit: string; dirty: boolean } | null;
  model: { name: string; file: string; sha256: string };
  calibration: { file: string; sha256: string } | null;
  masterSeed: number;
  runs: number;
  months: number;
  workers: number;
  scenarios: string[];
  economy: Record<string, string>;
  startedAt: string;
  finishedAt: string;
  parameters: { model: { startMonth: string; description?: string } };
  reproduce: string;
  /** The language the run was asked for (`--lang`); absent in runs made before it existed. */
  lang?: Lang;
}

/** One metric's statistics across replicates, one entry per month. */
export interface SeriesStats {
  mean: number[];
  sd: number[];
  p05: number[];
  p50: number[];
  p95: number[];
}

export interface RunData {
  dir: string;
  manifest: RunManifest;
  summary: SummaryFile;
  scenarios: string[];
  months: number;
  startMonth: string;
  /** The language of the report: the one asked for, else the manifest's, else English. */
  lang: Lang;
  /** `series(scenario, metric)`: the rows of series.csv. */
  series: (scenario: string, metric: string) => SeriesStats;
  /** `replicates(scenario, metric)[replicate][month]`: the rows of replicates.csv. */
  replicates: (scenario: string, metric: string) => number[][];
}

export const REQUIRED_FILES = ['manifest.json', 'summary.json', 'series.csv', 'replicates.csv'] as const;

/** Throws an InputError unless `dir` is a finished run folder. */
export function checkRunFolder(dir: string): void {
  if (!existsSync(dir)) throw new InputError(reportMsg.folderMissing(dir));
  if (!statSync(dir).isDirectory()) throw new InputError(reportMsg.notAFolder(dir));
  if (!existsSync(join(dir, 'manifest.json'))) throw new InputError(reportMsg.incomplete(dir));
  for (const f of REQUIRED_FILES) if (!existsSync(join(dir, f))) throw new InputError(reportMsg.fileMissing(dir, f));
}

function readJson<T>(file: string): T {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (e) {
    throw new InputError(reportMsg.badJson(file, (e as Error).message));
  }
}

/** Parses a plain CSV (no quoted fields, as the run writes it) into a header and rows. */
function readCsv(file: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  const header = lines[0].split(',');
  const rows = lines.slice(1).map((line, i) => {
    const cells = line.split(',');
    if (cells.length !== header.length) {
      throw new InputError(reportMsg.badCsv(file, i + 2, `expected ${header.length} fields, found ${cells.length}`));
    }
    return cells;
  });
  return { header, rows };
}

const col = (header: string[], name: string, file: string) => {
  const k = header.indexOf(name);
  if (k < 0) throw new InputError(reportMsg.badCsv(file, 1, `no column '${name}'`));
  return k;
};

function readSeries(file: string, months: number): Map<string, SeriesStats> {
  const { header, rows } = readCsv(file);
  const [s, t, m] = ['scenario', 'month', 'metric'].map((n) => col(header, n, file));
  const stats = ['mean', 'sd', 'p05', 'p50', 'p95'] as const;
  const at = stats.map((n) => col(header, n, file));
  const out = new Map<string, SeriesStats>();
  for (const [line, r] of rows.entries()) {
    const key = `${r[s]}\u0000${r[m]}`;
    let entry = out.get(key);
    if (!entry) {
      entry = { mean: [], sd: [], p05: [], p50: [], p95: [] };
      for (const n of stats) entry[n] = new Array<number>(months).fill(NaN);
      out.set(key, entry);
    }
    const month = Number(r[t]);
    if (!Number.isInteger(month) || month < 0 || month >= months) throw new InputError(reportMsg.badCsv(file, line + 2, `month '${r[t]}' outside 0..${months - 1} (the manifest's months)`));
    stats.forEach((n, i) => (entry[n][month] = Number(r[at[i]])));
  }
  return out;
}

function readReplicates(file: string, months: number, runs: number): Map<string, number[][]> {
  const { header, rows } = readCsv(file);
  const [s, rep, t] = ['scenario', 'replicate', 'month'].map((n) => col(header, n, file));
  const first = col(header, 'date', file) + 1;
  const metrics = header.slice(first);
  const out = new Map<string, number[][]>();
  for (const [line, r] of rows.entries()) {
    const replicate = Number(r[rep]);
    const month = Number(r[t]);
    if (!Number.isInteger(month) || month < 0 || month >= months) throw new InputError(reportMsg.badCsv(file, line + 2, `month '${r[t]}' outside 0..${months - 1} (the manifest's months)`));
    if (!Number.isInteger(replicate) || replicate < 0 || replicate >= runs) throw new InputError(reportMsg.badCsv(file, line + 2, `replicate '${r[rep]}' outside 0..${runs - 1} (the manifest's runs)`));
    metrics.forEach((metric, i) => {
      const key = `${r[s]}\u0000${metric}`;
      let byReplicate = out.get(key);
      if (!byReplicate) out.set(key, (byReplicate = []));
      const series = (byReplicate[replicate] ??= new Array<number>(months).fill(NaN));
      series[month] = Number(r[first + i]);
    });
  }
  return out;
}

/** Loads a finished run folder (checked first); `lang` overrides the language the manifest records. */
export function loadRun(dir: string, lang?: Lang): RunData {
  checkRunFolder(dir);
  const manifestFile = join(dir, 'manifest.json');
  const summaryFile = join(dir, 'summary.json');
  const manifest = checkJson(runManifestSchema, readJson<unknown>(manifestFile), manifestFile) as unknown as RunManifest;
  const summary = checkJson(summarySchema, readJson<unknown>(summaryFile), summaryFile) as unknown as SummaryFile;
  const months = manifest.months;
  if (summary.months !== months || summary.runs !== manifest.runs) {
    throw new InputError(`${summaryFile}: at months/runs: expected the manifest's ${months} months and ${manifest.runs} runs, found ${summary.months} and ${summary.runs}`);
  }
  for (const s of manifest.scenarios) if (!summary.scenarios[s]) throw new InputError(`${summaryFile}: at scenarios: no entry for the manifest's scenario '${s}'`);
  const seriesFile = join(dir, 'series.csv');
  const replicatesFile = join(dir, 'replicates.csv');
  const series = readSeries(seriesFile, months);
  const replicates = readReplicates(replicatesFile, months, manifest.runs);
  const lookup = <T>(map: Map<string, T>, file: string) => (scenario: string, metric: string): T => {
    const v = map.get(`${scenario}\u0000${metric}`);
    if (!v) throw new InputError(reportMsg.noSeries(file, scenario, metric));
    return v;
  };
  return {
    dir,
    manifest,
    summary,
    scenarios: manifest.scenarios,
    months,
    startMonth: manifest.parameters.model.startMonth,
    lang: lang ?? (isLang(manifest.lang) ? manifest.lang : 'en'),
    series: lookup(series, seriesFile),
    replicates: lookup(replicates, replicatesFile),
  };
}
