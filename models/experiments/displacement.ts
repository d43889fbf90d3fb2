/**
 * Does helping some take jobs from others? Guidance for a random half of Rotterdam's recipients
 * under 45 with a year or more on benefit, in a weak, the observed and a tight job market (the
 * town's vacancies halved, as observed, doubled). The same people and the same lottery run with
 * and without the guidance; the untreated half's loss over the treated half's gain is what a trial
 * comparing the two halves cannot see.
 */
import { defineExperiment } from '../../src/experiment/schema.ts';

export default defineExperiment({
  name: 'displacement',
  description: 'Guidance for a random half of a group in a weak, an average and a tight market: who pays for the treated half\'s jobs?',
  question: 'When guidance helps the treated half into work, how much of that is taken from the untreated half, other recipients and jobseekers outside bijstand, and does it depend on the market?',
  design: {
    kind: 'displacement',
    base: 'rotterdam',
    group: { maxAge: 45, minYearsOnBenefit: 1 },
    caseManagers: 150, // [choice] enough for the whole treated half at 50 each
    caseloadPerManager: 50,
    startMonth: 12, // 2016-01
    followMonths: 12,
    markets: [
      { name: 'weak', vacancyFactor: 0.5 },
      { name: 'average', vacancyFactor: 1 },
      { name: 'tight', vacancyFactor: 2 },
    ],
  },
  outcomes: ['exits-to-work'],
  replicates: 40,
  seed: 20160101,
});
