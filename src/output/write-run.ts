/**
 * The data files of a finished run, written the same way by a one-machine run (`pipeline.ts`) and
 * by a merge of shards (`merge.ts`), so the two are byte-identical: the rows of `replicates.csv`,
 * then `series.csv` and `summary.json` from the aggregator.
 */
import { METRIC_COUNT, METRICS } from '../engine/metrics.ts';
import type { Model, Scenario } from '../model/schema.ts';
import type { Aggregator } from './aggregate.ts';
import type { RunFolder } from './run-folder.ts';
import { openParquet, wantsCsv, wantsParquet, type ColumnSpec, type ParquetTable, type TableFormat } from './parquet.ts';
import { fmt } from './stats.ts';
import { buildSummary, type SummaryFile } from './summary.ts';

export const REPLICATES_HEADER = `model,scenario,policies,growth,master_seed,replicate,month,date,${METRICS.join(',')}\n`;

/** Per scenario, the leading columns of its replicate rows: model, scenario, policies, growth, master_seed. */
export function describeScenarios(model: Model, scenarios: Scenario[], seed: number): string[] {
  return scenarios.map((s) => {
    const policies = (s.policies ?? model.policies).map((p) => p.type).join('+') || 'none';
    const growth = s.growth ?? model.economy.growth;
    return `${model.name},${s.name},${policies},${typeof growth === 'string' ? growth : 'custom-path'},${seed}`;
  });
}

/** The `replicates.csv` rows of one replicate of one scenario. */
export function replicateRows(describe: string, dates: string[], replicate: number, series: Float64Array): string {
  let text = '';
  for (let t = 0; t < dates.length; t++) {
    text += `${describe},${replicate},${t},${dates[t]}`;
    for (let m = 0; m < METRIC_COUNT; m++) text += ',' + fmt(series[t * METRIC_COUNT + m]);
    text += '\n';
  }
  return text;
}

/** The columns of `replicates.parquet`: those of `replicates.csv`, typed. */
export const REPLICATE_COLUMNS: ColumnSpec[] = [
  ...['model', 'scenario', 'policies', 'growth'].map((name) => ({ name, type: 'STRING' as const })),
  ...['master_seed', 'replicate', 'month'].map((name) => ({ name, type: 'INT32' as const })),
  { name: 'date', type: 'STRING' },
  ...METRICS.map((name) => ({ name, type: 'DOUBLE' as const })),
];

/** The table of one replicate per row and month, as CSV and/or Parquet (`--format`). */
export function openReplicates(folder: RunFolder, format: TableFormat | undefined) {
  const csv = wantsCsv(format) ? folder.stream('replicates.csv') : undefined;
  csv?.write(REPLICATES_HEADER);
  const parquet: ParquetTable | undefined = wantsParquet(format) ? openParquet(folder, 'replicates.parquet', REPLICATE_COLUMNS) : undefined;
  return {
    add(describe: string, dates: string[], replicate: number, series: Float64Array): void {
      csv?.write(replicateRows(describe, dates, replicate, series));
      if (!parquet) return;
      const [model, scenario, policies, growth, seed] = describe.split(',');
      for (let t = 0; t < dates.length; t++) {
        parquet.add([model, scenario, policies, growth, Number(seed), replicate, t, dates[t], ...series.subarray(t * METRIC_COUNT, (t + 1) * METRIC_COUNT)]);
      }
    },
    close(): void {
      csv?.close();
      parquet?.close();
    },
  };
}

const SERIES_COLUMNS: ColumnSpec[] = [
  { name: 'scenario', type: 'STRING' }, { name: 'month', type: 'INT32' }, { name: 'date', type: 'STRING' }, { name: 'metric', type: 'STRING' },
  ...['mean', 'sd', 'p05', 'p50', 'p95'].map((name) => ({ name, type: 'DOUBLE' as const })),
];

/**
 * Writes `series.csv` (always: the charts read it), `series.parquet` if asked, and `summary.json`
 * from a full aggregator; returns the summary.
 */
export function writeAggregates(folder: RunFolder, agg: Aggregator, dates: string[], format?: TableFormat, ensemble?: { file: string; sha256: string }): SummaryFile {
  const seriesCsv = folder.stream('series.csv');
  const parquet = wantsParquet(format) ? openParquet(folder, 'series.parquet', SERIES_COLUMNS) : undefined;
  seriesCsv.write('scenario,month,date,metric,mean,sd,p05,p50,p95\n');
  for (const row of agg.seriesRows()) {
    seriesCsv.write(`${row.scenario},${row.month},${dates[row.month]},${row.metric},${fmt(row.mean)},${fmt(row.sd)},${fmt(row.p05)},${fmt(row.p50)},${fmt(row.p95)}\n`);
    parquet?.add([row.scenario, row.month, dates[row.month], row.metric, row.mean, row.sd, row.p05, row.p50, row.p95]);
  }
  seriesCsv.close();
  parquet?.close();
  const summary = buildSummary(agg, ensemble);
  folder.write('summary.json', JSON.stringify(summary, null, 2) + '\n');
  return summary;
}
