/**
 * The data files of a finished run, written the same way by a one-machine run (`pipeline.ts`) and
 * by a merge of shards (`merge.ts`), so the two are byte-identical: the rows of `replicates.csv`,
 * then `series.csv` and `summary.json` from the aggregator.
 */
import { METRIC_COUNT, METRICS } from '../engine/metrics.ts';
import type { Model, Scenario } from '../model/schema.ts';
import type { Aggregator } from './aggregate.ts';
import type { RunFolder } from './run-folder.ts';
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

/** Writes `series.csv` and `summary.json` from a full aggregator; returns the summary. */
export function writeAggregates(folder: RunFolder, agg: Aggregator, dates: string[]): SummaryFile {
  const seriesCsv = folder.stream('series.csv');
  seriesCsv.write('scenario,month,date,metric,mean,sd,p05,p50,p95\n');
  for (const row of agg.seriesRows()) {
    seriesCsv.write(`${row.scenario},${row.month},${dates[row.month]},${row.metric},${fmt(row.mean)},${fmt(row.sd)},${fmt(row.p05)},${fmt(row.p50)},${fmt(row.p95)}\n`);
  }
  seriesCsv.close();
  const summary = buildSummary(agg);
  folder.write('summary.json', JSON.stringify(summary, null, 2) + '\n');
  return summary;
}
