/**
 * Policy or economy? Rotterdam's and Amsterdam's policy sets, and no extra policy, each run in the
 * same population (Rotterdam's) under four economies: a recession, a flat economy, the recovery as
 * it happened in 2015-2019 (CBS growth, data/nl-economy.csv) and a boom. Seed 002: both cities claim
 * success; readers say the recovering economy did it.
 */
import { defineExperiment } from '../../src/experiment/schema.ts';

export default defineExperiment({
  name: 'policy-vs-economy',
  description: "Rotterdam's and Amsterdam's approaches and no extra policy x recession, flat, the 2015-2019 recovery and a boom, in Rotterdam's population.",
  question: 'How much of the change in the caseload is the policy, how much the economy, how much chance?',
  design: {
    kind: 'factorial',
    base: 'rotterdam',
    factors: [
      {
        kind: 'policies', name: 'policy',
        levels: [
          { name: 'none', policies: [] },
          { name: 'rotterdam', from: 'rotterdam' },
          { name: 'amsterdam', from: 'amsterdam' },
        ],
      },
      {
        kind: 'economy', name: 'economy',
        levels: [
          { name: 'recession', growth: 'recession' },
          { name: 'flat', growth: 'flat' },
          { name: 'recovery-2015-2019', growth: 'historical' },
          { name: 'boom', growth: 'boom' },
        ],
      },
    ],
  },
  outcomes: ['caseload-change', 'exits-to-work', 'share-5y-plus-end', 'total-cost'],
  months: 48,
  // 40 = the 20 parameter sets of Rotterdam's ensemble (models/ensemble.json) x 2 runs each: every set
  // gets its own decomposition (which needs two runs a cell), the verdict its range over the sets
  replicates: 40,
  seed: 20150101,
  // the headline re-run under each structural alternative (src/experiment/alternatives.ts), 10 replicates per cell
  sensitivity: { replicates: 10 },
});
