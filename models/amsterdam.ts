/**
 * Amsterdam 2015-2019: strong on outflow with a soft approach, "Meedoen werkt" (seed 002): a
 * friendly letter, eight teams, EUR 8M a year, "15,000 in motion in two years". Caseload about
 * equal to Rotterdam's, higher education and shorter durations (seed 002).
 *
 * [seed NNN] marks a seed figure, [choice] a defensible choice where the seeds give none, "free"
 * a local fact the joint calibration fits.
 */
import { defineModel } from '../src/model/define.ts';
import { BENEFIT_PER_MONTH, nationalApplicants, nationalStock, PENSION_AGE } from './profiles.ts';

export default defineModel({
  name: 'amsterdam',
  description: 'Amsterdam 2015-2019: the soft approach "Meedoen werkt" for the long-term group, no strict intake.',
  sources: [
    { figure: 'caseload about equal to Rotterdam\'s; higher education, shorter durations', source: 'seed 002' },
    { figure: '15,000 "in motion" in two years; EUR 8M a year; eight teams; a friendly letter', source: 'seed 002' },
    { figure: 'caseload size 38,000', source: '[choice] CBS bijstand statistics for Amsterdam around 2015-2017 (not in the seeds)' },
    { figure: 'Amsterdam unemployment 7.7% (2015) vs 6.9% national', source: 'data/nl-economy.csv' },
  ],
  startMonth: '2015-01',
  horizonMonths: 60,
  population: {
    size: 38_000, // [seed 002] about equal to Rotterdam; [choice] the number
    traits: {
      ...nationalStock,
      // [seed 002] shorter durations than Rotterdam; [choice] the shares
      yearsOnBenefit: [
        { from: 0, to: 1, share: 0.26 },
        { from: 1, to: 2, share: 0.17 },
        { from: 2, to: 5, share: 0.25 },
        { from: 5, to: 10, share: 0.17 },
        { from: 10, to: 25, share: 0.15 },
      ],
      education: { low: 0.5, medium: 0.33, high: 0.17 }, // [seed 002] higher education; [choice] the shares
    },
  },
  inflow: {
    applicantsPerMonth: 750, // free
    demandElasticity: 0.6, // [choice]
    traits: { ...nationalApplicants, education: { low: 0.42, medium: 0.38, high: 0.2 } },
  },
  exits: {
    schoolOrRemovedPerYear: 0.04, // [choice] no strict regime
    nonInfluenceablePerYear: 0.11, // [choice] a mobile city
    pensionAge: PENSION_AGE,
  },
  economy: {
    growth: 'historical',
    vacanciesPerMonth: 500, // free
    regionalFactor: 1, // [choice] Amsterdam unemployment 7.7% vs 6.9% national in 2015, but a strong job market
  },
  policies: [
    {
      type: 'soft-outreach',
      label: 'Meedoen werkt',
      target: { minYearsOnBenefit: 2 }, // [choice] the long-term group
      places: 3_750, // [choice] 15,000 in two years (seed 002) at six months each
      durationMonths: 6, // [choice]
      priority: 'longest-on-benefit',
      costPerParticipantMonth: 0,
      fixedCostPerMonth: 8_000_000 / 12, // [seed 002] EUR 8M a year
    },
  ],
  scenarios: [
    { name: 'no-policy', description: 'The same population and economy without Meedoen werkt.', policies: [] },
  ],
  costs: { benefitPerRecipientMonth: BENEFIT_PER_MONTH },
  run: { replicates: 100, seed: 20150104 },
  targets: [
    {
      name: 'in-motion',
      figure: '15,000 "in motion" in two years',
      source: 'seed 002',
      value: 15_000, tolerance: 1_500,
      measure: { kind: 'entrants', programme: 'Meedoen werkt', fromMonth: 0, untilMonth: 24 },
    },
    {
      name: 'caseload-like-rotterdam',
      figure: 'Amsterdam and Rotterdam caseloads about equal (both about 38,000, 2015-2016)',
      source: 'seed 002; [choice] the size from CBS',
      value: 38_000, tolerance: 2_500,
      measure: { kind: 'mean', metric: 'caseloadEnd', fromMonth: 0, untilMonth: 24 },
    },
  ],
  free: [
    { path: 'inflow.applicantsPerMonth', min: 300, max: 1500 },
    { path: 'economy.vacanciesPerMonth', min: 50, max: 2500 },
  ],
});
