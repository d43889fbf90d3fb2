/**
 * Den Haag 2018-2020 (seed 001): the budget of September 2018 asks for at least 500 extra people
 * into jobs each year on top of a goal of about 4,000, with the pilot "Ondernemend uit de bijstand"
 * (entrepreneurial out of bijstand) extended, help with paying off debts, and bringing recipients
 * into contact with employers. A reader under seed 004 counts "more than 20,000" recipients.
 *
 * The 4,000 a year is the city's own goal, used here as the level of exits to work before the
 * extra effort [choice]; the 500 extra is an ambition, not a result, so it is not a target.
 * [seed NNN] marks a seed figure, [choice] a defensible choice, "free" a local fact the joint
 * calibration fits.
 */
import { defineModel } from '../src/model/define.ts';
import { BENEFIT_PER_MONTH, nationalApplicants, nationalStock, PENSION_AGE } from './profiles.ts';

export default defineModel({
  name: 'den-haag',
  description: 'Den Haag 2018-2020: entrepreneurship pilot, debt help and employer contact on top of about 4,000 exits to work a year.',
  sources: [
    { figure: 'at least 500 extra into jobs a year on top of a goal of about 4,000; entrepreneurship pilot, debt help, employer contact', source: 'seed 001' },
    { figure: '"more than 20,000" recipients', source: 'a reader under seed 004' },
    { figure: 'caseload size 23,000', source: '[choice] CBS, Den Haag around 2018 (not in the seeds)' },
  ],
  startMonth: '2018-09',
  horizonMonths: 24,
  population: { size: 23_000, traits: nationalStock }, // [choice]
  inflow: { applicantsPerMonth: 450, demandElasticity: 0.6, traits: nationalApplicants }, // free; [choice]
  exits: { schoolOrRemovedPerYear: 0.04, nonInfluenceablePerYear: 0.1, pensionAge: PENSION_AGE }, // [choice]
  economy: { growth: 'historical', vacanciesPerMonth: 300, regionalFactor: 1 }, // free; [choice]
  policies: [
    {
      type: 'entrepreneurship', label: 'Ondernemend uit de bijstand', places: 150, durationMonths: 12, // [choice] a pilot being extended
      coachingPerParticipantMonth: 300, startupGrant: 3_000, // [choice]
    },
    { type: 'debt-help', label: 'debt help', places: 1_000, durationMonths: 12, costPerParticipantMonth: 100 }, // [choice]
    {
      type: 'employer-accounts', label: 'employer contact', places: 400, durationMonths: 6, priority: 'most-employable', // [choice]
      accountManagers: 15, costPerManagerYear: 75_000, dedicatedVacanciesPerMonth: 20, // [choice]
    },
  ],
  scenarios: [{ name: 'no-extra', description: 'The same city and economy without the three measures.', policies: [] }],
  costs: { benefitPerRecipientMonth: BENEFIT_PER_MONTH },
  run: { replicates: 100, seed: 20180902 },
  targets: [
    {
      name: 'exits-to-work', figure: 'about 4,000 into jobs a year (the goal before the extra 500)', source: 'seed 001', value: 4_000, tolerance: 500,
      measure: { kind: 'total', metric: 'exitsWork', fromMonth: 0, untilMonth: 12 },
    },
    {
      name: 'caseload', figure: '"more than 20,000" recipients', source: 'a reader under seed 004; [choice] 23,000', value: 23_000, tolerance: 2_500,
      measure: { kind: 'mean', metric: 'caseloadEnd', fromMonth: 0, untilMonth: 12 },
    },
  ],
  free: [
    { path: 'inflow.applicantsPerMonth', min: 150, max: 900 },
    { path: 'economy.vacanciesPerMonth', min: 100, max: 900 },
  ],
});
