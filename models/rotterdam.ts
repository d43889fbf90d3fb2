/**
 * Rotterdam 2015-2019: strict on intake (seed 002, "Rotterdam is strenger op instroom"), the
 * tegenprestatie for the long-term group, sanctions, and from 2019 no job-search duty for older
 * jobseekers (seed 001).
 *
 * Numbers marked [seed NNN] come from the seed articles in ../shared/seeds; [choice] marks a
 * defensible choice where the seeds give none, kept as a parameter; "free" marks local facts the
 * joint calibration fits to the targets (see fitted.json).
 *
 * Not modelled: digital contact for those with good prospects (seed 001), the separate approach
 * for vulnerable youths.
 */
import { defineModel } from '../src/model/define.ts';
import { BENEFIT_PER_MONTH, nationalApplicants, nationalStock, PENSION_AGE } from './profiles.ts';

export default defineModel({
  name: 'rotterdam',
  description: 'Rotterdam 2015-2019: strict intake, tegenprestatie for the long-term group, sanctions, under the national recovery.',
  sources: [
    { figure: 'caseload about equal to Amsterdam\'s', source: 'seed 002 (Binnenlands Bestuur 2017)' },
    { figure: 'caseload size 38,000', source: '[choice] CBS bijstand statistics for Rotterdam around 2015-2017 (not in the seeds)' },
    { figure: 'tegenprestatie group: average age 51, 11 years on benefit, low motivation; 1 hour a week rising to 20', source: 'seed 002' },
    { figure: 'about 150 a year from the tegenprestatie to paid work; 12,000 "off the couch" in four years', source: 'seed 002' },
    { figure: '100 officials in 42 districts; "millions a year"', source: 'seed 002' },
    { figure: 'focus on >5 years on benefit; job-search duty dropped for older jobseekers', source: 'seed 001 (2019)' },
    { figure: 'EUR 14,000 a year per person leaving', source: 'seed 000 (Emmen), used as the all-in cost per recipient-year' },
    { figure: 'Rotterdam unemployment 12.0% (2015) vs 6.9% national', source: 'data/nl-economy.csv' },
  ],
  startMonth: '2015-01',
  horizonMonths: 60,
  population: {
    size: 38_000, // [choice] CBS, see sources; seed 002 only says "about equal to Amsterdam"
    traits: {
      ...nationalStock,
      // [choice] long durations: seed 002 says Amsterdam's are shorter; a large 10+ group (seed 002: 11 years)
      yearsOnBenefit: [
        { from: 0, to: 1, share: 0.2 },
        { from: 1, to: 2, share: 0.14 },
        { from: 2, to: 5, share: 0.24 },
        { from: 5, to: 10, share: 0.2 },
        { from: 10, to: 25, share: 0.22 },
      ],
      education: { low: 0.62, medium: 0.29, high: 0.09 }, // [choice] seed 002: Amsterdam's education is higher
      motivation: { mean: 0.45, sd: 0.2 }, // [choice] seed 002: "low motivation and self-image" in the long-term group
      multiProblemShare: 0.35, // [choice]
    },
  },
  inflow: {
    applicantsPerMonth: 700, // free: the seeds give no inflow
    demandElasticity: 0.6, // [choice] fewer applicants when jobs are plentiful
    traits: nationalApplicants,
  },
  exits: {
    schoolOrRemovedPerYear: 0.05, // [choice] below Emmen's 7%/yr (seed 000: 384 of ~3,600 in 1.5 years)
    nonInfluenceablePerYear: 0.1, // [choice] below Emmen's 18%/yr (seed 000: 976 in 1.5 years), a big city moves less
    pensionAge: PENSION_AGE,
  },
  economy: {
    growth: 'historical', // CBS GDP growth 2015-2019, data/nl-economy.csv
    vacanciesPerMonth: 450, // free: suitable vacancies within reach per month at reference demand
    regionalFactor: 0.85, // [choice] Rotterdam unemployment 12.0% vs 6.9% national in 2015 (data/nl-economy.csv)
  },
  policies: [
    {
      type: 'strict-intake',
      label: 'mandatory intake interview',
      deterredShare: 0.1, // [choice] the seeds give no deterrence rate
      costPerApplicant: 350, // [choice] a day of intake and diagnosis
    },
    {
      type: 'tegenprestatie',
      label: 'tegenprestatie',
      target: { minYearsOnBenefit: 5, minAge: 30 }, // [seed 002] average age 51, 11 years on benefit; [seed 001] >5 years
      places: 2_600, // [choice] 12,000 in four years (seed 002) at a year each, less those who leave early
      durationMonths: 12, // [choice]
      priority: 'longest-on-benefit',
      startHoursPerWeek: 1, // [seed 002]
      goalHoursPerWeek: 20, // [seed 002]
      rampMonths: 6, // [choice]
      costPerParticipantMonth: 50, // [choice] activities and travel
      fixedCostPerMonth: (100 * 75_000) / 12, // [seed 002] 100 officials; [choice] EUR 75,000 each all-in
    },
    {
      type: 'sanctions',
      label: 'sanctions',
      strictness: 0.3, // [choice] Rotterdam is the strict one (seed 002), no rate given
      endShare: 0.1, // [choice]
      cutShare: 1,
      cutMonths: 1,
      costPerSanction: 500, // [choice]
    },
    {
      type: 'exemption',
      label: 'no job-search duty for older jobseekers',
      target: { minAge: 57 }, // [seed 001] "older jobseekers"; [choice] the age
      places: 4_000, // [choice] everyone eligible, roughly
      durationMonths: 24,
      openFromMonth: 48, // [seed 001] from 2019
      costPerParticipantMonth: 0,
    },
  ],
  scenarios: [
    { name: 'no-policy', description: 'The same population and economy with no extra policy.', policies: [] },
  ],
  costs: { benefitPerRecipientMonth: BENEFIT_PER_MONTH },
  run: { replicates: 100, seed: 20150101 },
  targets: [
    {
      name: 'tegenprestatie-to-work',
      figure: 'about 150 a year from the tegenprestatie group to paid work',
      source: 'seed 002',
      value: 150, tolerance: 50,
      measure: { kind: 'programme-exits', programme: 'tegenprestatie', route: 'work', fromMonth: 12, untilMonth: 24 },
    },
    {
      name: 'off-the-couch',
      figure: '12,000 "off the couch" in four years',
      source: 'seed 002',
      value: 12_000, tolerance: 1_500,
      measure: { kind: 'entrants', programme: 'tegenprestatie', fromMonth: 0, untilMonth: 48 },
    },
    {
      name: 'caseload-like-amsterdam',
      figure: 'Rotterdam and Amsterdam caseloads about equal (both about 38,000, 2015-2016)',
      source: 'seed 002; [choice] the size from CBS',
      value: 38_000, tolerance: 2_500,
      measure: { kind: 'mean', metric: 'caseloadEnd', fromMonth: 0, untilMonth: 24 },
    },
  ],
  free: [
    { path: 'inflow.applicantsPerMonth', min: 300, max: 1500 },
    { path: 'economy.vacanciesPerMonth', min: 150, max: 2500 },
  ],
});
