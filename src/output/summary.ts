/**
 * summary.json: per scenario, every headline figure with its mean, the 95% confidence interval of
 * the mean and the 95% range across replicates; and paired contrasts of each other scenario
 * against the first ("as-is"), using common random numbers.
 */
import type { Aggregator } from './aggregate.ts';
import { HEADLINES } from './headline.ts';
import type { Summary } from './stats.ts';

const round = (x: number) => Number(x.toPrecision(8));
const pick = (s: Summary) => ({
  mean: round(s.mean),
  ci95: s.ci95.map(round),
  range95: s.range95.map(round),
  sd: round(s.sd),
});

export interface SummaryFile {
  runs: number;
  months: number;
  scenarios: Record<string, Record<string, ReturnType<typeof pick> & { label: string; unit: string }>>;
  contrasts: {
    scenario: string;
    against: string;
    metric: string;
    label: string;
    unit: string;
    difference: ReturnType<typeof pick>;
    pairedSe: number;
    independentSe: number;
  }[];
  notes: string[];
}

export function buildSummary(agg: Aggregator): SummaryFile {
  const all = agg.headlineSummaries();
  const scenarios = Object.fromEntries(
    Object.entries(all).map(([name, byKey]) => [
      name,
      Object.fromEntries(HEADLINES.map((h) => [h.key, { label: h.label, unit: h.unit, ...pick(byKey[h.key]) }])),
    ]),
  );
  const contrasts: SummaryFile['contrasts'] = [];
  for (let s = 1; s < agg.scenarios.length; s++) {
    HEADLINES.forEach((h, k) => {
      const c = agg.contrast(0, s, k);
      contrasts.push({
        scenario: agg.scenarios[s], against: agg.scenarios[0], metric: h.key, label: h.label, unit: h.unit,
        difference: pick(c), pairedSe: round(c.se), independentSe: round(c.independentSe),
      });
    });
  }
  return {
    runs: agg.runs,
    months: agg.months,
    scenarios,
    contrasts,
    notes: [
      'mean: mean over replicates; ci95: 95% confidence interval of that mean; range95: 2.5th-97.5th percentile of replicates.',
      'contrasts: scenario minus the first scenario, per replicate; pairs share their people and luck (common random numbers), so pairedSe is the standard error that applies; independentSe shows what unpaired samples would give.',
      'caseload change: caseload at the end of the last month minus caseload at the start of the first.',
    ],
  };
}
