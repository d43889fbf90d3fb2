/**
 * summary.json: per scenario, every headline figure with its mean, the 95% confidence interval of
 * the mean and the 95% range across replicates; and paired contrasts of each other scenario
 * against the first ("as-is"), using common random numbers.
 */
import type { Aggregator } from './aggregate.ts';
import { HEADLINES } from './headline.ts';
import type { Summary } from './stats.ts';
import type { Uncertainty } from './uncertainty.ts';

const round = (x: number) => Number(x.toPrecision(8));
const pick = (s: Summary) => ({
  mean: round(s.mean),
  ci95: s.ci95.map(round),
  range95: s.range95.map(round),
  sd: round(s.sd),
});
const pickU = (u: Uncertainty) => ({
  sets: u.sets,
  perSet: u.perSet,
  interval95: u.interval95.map(round),
  parameterShare: round(u.parameterShare),
  chanceShare: round(u.chanceShare),
  meanCi95: u.meanCi95.map(round),
  sameSign: round(u.sameSign),
});
export type UncertaintyField = ReturnType<typeof pickU>;

export interface SummaryFile {
  runs: number;
  months: number;
  /** Only over an ensemble of parameter sets: `uncertainty` beside each figure (src/output/uncertainty.ts). */
  scenarios: Record<string, Record<string, ReturnType<typeof pick> & { label: string; unit: string; uncertainty?: UncertaintyField }>>;
  contrasts: {
    scenario: string;
    against: string;
    metric: string;
    label: string;
    unit: string;
    difference: ReturnType<typeof pick>;
    pairedSe: number;
    independentSe: number;
    uncertainty?: UncertaintyField;
  }[];
  /** Over an ensemble: the parameter sets and the file they came from. */
  ensemble?: { sets: number; file: string; sha256: string };
  notes: string[];
}

export function buildSummary(agg: Aggregator, ensemble?: { file: string; sha256: string }): SummaryFile {
  const spread = agg.sets > 1;
  const all = agg.headlineSummaries();
  const scenarios = Object.fromEntries(
    Object.entries(all).map(([name, byKey]) => [
      name,
      Object.fromEntries(HEADLINES.map((h, k) => [h.key, {
        label: h.label, unit: h.unit, ...pick(byKey[h.key]),
        ...(spread ? { uncertainty: pickU(agg.uncertainty(agg.scenarios.indexOf(name), k)) } : {}),
      }])),
    ]),
  );
  const contrasts: SummaryFile['contrasts'] = [];
  for (let s = 1; s < agg.scenarios.length; s++) {
    HEADLINES.forEach((h, k) => {
      const c = agg.contrast(0, s, k);
      contrasts.push({
        scenario: agg.scenarios[s], against: agg.scenarios[0], metric: h.key, label: h.label, unit: h.unit,
        difference: pick(c), pairedSe: round(c.se), independentSe: round(c.independentSe),
        ...(spread ? { uncertainty: pickU(agg.contrastUncertainty(0, s, k)) } : {}),
      });
    });
  }
  return {
    runs: agg.runs,
    months: agg.months,
    ...(spread && ensemble ? { ensemble: { sets: agg.sets, ...ensemble } } : {}),
    scenarios,
    contrasts,
    notes: [
      ...(spread
        ? [
          `uncertainty (${agg.sets} parameter sets from the calibration's ensemble, replicate r runs set r mod ${agg.sets}): interval95 is where 95% of single runs fall across the ensemble, so it holds chance between runs and our uncertainty about how people respond; parameterShare and chanceShare split its variance (law of total variance); meanCi95 is the Monte Carlo error of the ensemble mean; sameSign is the share of parameter sets whose mean has the overall sign.`,
        ]
        : []),
      'mean: mean over replicates; ci95: 95% confidence interval of that mean; range95: 2.5th-97.5th percentile of replicates.',
      'contrasts: scenario minus the first scenario, per replicate; pairs share their people and luck (common random numbers), so pairedSe is the standard error that applies; independentSe shows what unpaired samples would give.',
      'caseload change: caseload at the end of the last month minus caseload at the start of the first.',
    ],
  };
}
