/**
 * Swap: each municipality's policies run in another's population and economy. What would
 * Amsterdam's approach do in Emmen, or Emmen's in Rotterdam? Policy sets move per capita (places,
 * staff and budgets scaled to the town's caseload).
 */
import { defineExperiment } from '../../src/experiment/schema.ts';

export default defineExperiment({
  name: 'swap',
  description: "Emmen's, Rotterdam's and Amsterdam's policy sets (and none) in each of the three towns, with the town's own population and economy.",
  question: 'Does an approach that worked in one town work in another, or is it the town?',
  design: {
    kind: 'factorial',
    base: 'emmen',
    factors: [
      {
        kind: 'model', name: 'town',
        levels: [
          { name: 'emmen', from: 'emmen' },
          { name: 'rotterdam', from: 'rotterdam' },
          { name: 'amsterdam', from: 'amsterdam' },
        ],
      },
      {
        kind: 'policies', name: 'policy',
        levels: [
          { name: 'none', policies: [] },
          { name: 'emmen', from: 'emmen' },
          { name: 'rotterdam', from: 'rotterdam' },
          { name: 'amsterdam', from: 'amsterdam' },
        ],
      },
    ],
  },
  outcomes: ['caseload-change-pct', 'exits-to-work-per-100'], // relative measures: the towns differ tenfold in size
  months: 24,
  replicates: 20,
  seed: 20150106,
});
