/**
 * The Netherlands: a national baseline, the yardstick the seeds measure towns against
 * (seed 000: "while the national caseload grew 10%, Emmen's stayed flat").
 *
 * A 1-in-10 sample: 40,000 simulated recipients stand for about 400,000 (CBS, bijstand around
 * 2015; [choice], not in the seeds). Counts in its output are sample counts (x10 for the country);
 * shares and relative changes are the country's.
 *
 * No extra local policy: the national average practice is the baseline. The growth of 2015-2016
 * came with a high inflow (status holders, the end of other benefits), which the model represents
 * as its applicants per month, a free parameter fitted to the 10% growth.
 */
import { defineModel } from '../src/model/define.ts';
import { BENEFIT_PER_MONTH, nationalApplicants, nationalStock, PENSION_AGE } from './profiles.ts';

export default defineModel({
  name: 'netherlands',
  description: 'National baseline 2015-2017, a 1-in-10 sample: caseload growth under the national economy, no extra policy.',
  sources: [
    { figure: 'national caseload grew 10% while Emmen stayed flat (2015 to mid-2016)', source: 'seed 000 (Emmen, 2017)' },
    { figure: 'about 400,000 recipients, sampled 1 in 10', source: '[choice] CBS bijstand statistics, not in the seeds' },
    { figure: 'GDP growth 2015-2017', source: 'data/nl-economy.csv (CBS)' },
  ],
  startMonth: '2015-01',
  horizonMonths: 30,
  population: { size: 40_000, traits: nationalStock },
  inflow: {
    applicantsPerMonth: 900, // free: fitted to the 10% growth (seed 000)
    demandElasticity: 0.6, // [choice] fewer applicants when jobs are plentiful
    traits: nationalApplicants,
  },
  exits: {
    schoolOrRemovedPerYear: 0.05, // [choice] below Emmen's enforcement-driven 7%/yr (seed 000)
    nonInfluenceablePerYear: 0.12, // [choice] below Emmen's 18%/yr (seed 000)
    pensionAge: PENSION_AGE,
  },
  economy: {
    growth: 'historical',
    vacanciesPerMonth: 420, // free: suitable vacancies per month within reach of the sample
    regionalFactor: 1,
  },
  policies: [],
  costs: { benefitPerRecipientMonth: BENEFIT_PER_MONTH },
  run: { replicates: 100, seed: 20150102 },
  targets: [
    {
      name: 'caseload-growth',
      figure: 'the national caseload grew 10% (2015 to mid-2016)',
      source: 'seed 000',
      value: 0.1,
      tolerance: 0.03,
      measure: { kind: 'caseload-change', fromMonth: 0, untilMonth: 18, relative: true },
    },
  ],
  free: [
    { path: 'inflow.applicantsPerMonth', min: 500, max: 1600, note: 'the seeds give no inflow' },
    { path: 'economy.vacanciesPerMonth', min: 150, max: 900, note: 'suitable vacancies within reach, not in the seeds' },
  ],
});
