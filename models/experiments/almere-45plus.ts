/**
 * Almere 45+ with and without an improving economy (seed 004): the approach, or none, under the
 * 2015-2017 recovery and under a flat economy. How much of the gain is the economy, and how does
 * the remaining group get harder (mean employability and the share 5+ years on benefit at the end)?
 */
import { defineExperiment } from '../../src/experiment/schema.ts';

export default defineExperiment({
  name: 'almere-45plus',
  description: 'Almere: the 45+ approach or none x the 2015-2017 recovery or a flat economy.',
  question: 'Is the 45+ success the approach or the improving economy, and who is left?',
  design: {
    kind: 'factorial',
    base: 'almere',
    factors: [
      {
        kind: 'policies', name: 'approach',
        levels: [
          { name: 'none', policies: [] },
          { name: '45plus', from: 'almere', perCapita: false },
        ],
      },
      {
        kind: 'economy', name: 'economy',
        levels: [
          { name: 'flat', growth: 'flat' },
          { name: 'recovery-2015-2017', growth: 'historical' },
        ],
      },
    ],
  },
  outcomes: ['exits-to-work', 'caseload-change', 'share-45-plus-end', 'employability-end'],
  months: 36,
  replicates: 100,
  seed: 20150108,
});
