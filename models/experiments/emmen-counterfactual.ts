/**
 * Emmen 2015-2017 with and without its plan, under its own job market (Drenthe's unemployment and the
 * vacancy rate the calibration fitted) and under the national vacancy rate. Seed 000: "while the national caseload grew 10%, Emmen's stayed flat" - how much
 * of that is the plan? The investment (EUR 2M over two years, then EUR 0.9M a year) is set against
 * the simulated saving for the payback period.
 */
import { defineExperiment } from '../../src/experiment/schema.ts';

export default defineExperiment({
  name: 'emmen-counterfactual',
  description: 'Emmen 2015-2017: the plan or none, under its own job market (its fitted vacancy rate) or the national vacancy rate.',
  question: 'How much of "flat while the country grew 10%" is the plan, and does it pay for itself?',
  design: {
    kind: 'factorial',
    base: 'emmen',
    factors: [
      {
        kind: 'policies', name: 'plan',
        levels: [
          { name: 'none', policies: [] },
          { name: 'plan-2015', from: 'emmen' },
        ],
      },
      {
        kind: 'economy', name: 'economy',
        levels: [
          { name: 'emmen-regional', growth: 'historical' }, // Emmen's own market: Drenthe's unemployment and its fitted vacancy rate (models/fitted.json)
          { name: 'national', growth: 'historical', regionalFactor: 1 }, // the national vacancy rate
        ],
      },
    ],
  },
  outcomes: ['caseload-change-pct', 'exits-to-work', 'benefit-cost', 'total-cost'],
  months: 36,
  replicates: 100,
  seed: 20150107,
  investment: { perYear: [1_000_000, 1_000_000], thenPerYear: 900_000 }, // seed 000: EUR 2M over two years, then 0.9M a year
});
