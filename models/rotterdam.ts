/**
 * Rotterdam: strict on intake (seed 002, "Rotterdam is strenger op instroom"), with a programme
 * for the long-term group (seed 001: "focus on >5 years on benefit"; seed 002: "100 officials in
 * 42 districts").
 *
 * Numbers marked [seed NNN] come from the seed articles in ../shared/seeds; numbers marked
 * [choice] are defensible choices where the seeds give none, kept as parameters.
 *
 * Not yet modelled (issue 3 brings the full policy catalogue): the tegenprestatie itself (1 to 20
 * hours a week of unpaid work), sanctions, digital contact for those with good prospects and the
 * dropped job-search duty for older jobseekers. Until then the long-term programme is represented
 * by intensive guidance of the 5+ years group.
 */
import { defineModel } from '../src/model/define.ts';

export default defineModel({
  name: 'rotterdam',
  description: 'Rotterdam 2015-2019: strict intake, activation of the long-term group, under the national recovery.',
  sources: [
    { figure: 'caseload about equal to Amsterdam\'s; "tens of thousands" of Rotterdammers', source: 'seed 002 (Binnenlands Bestuur 2017)' },
    { figure: 'caseload size 38,000', source: '[choice] CBS bijstand statistics for Rotterdam around 2015-2017 (not in the seeds)' },
    { figure: 'tegenprestatie group: average age 51, 11 years on benefit, low motivation', source: 'seed 002' },
    { figure: '100 officials in 42 districts', source: 'seed 002' },
    { figure: 'focus on >5 years on benefit', source: 'seed 001' },
    { figure: 'EUR 14,000 a year per person leaving', source: 'seed 000 (Emmen), used as the all-in cost per recipient-year' },
    { figure: 'Rotterdam unemployment 12.0% (2015) vs 6.9% national', source: 'data/nl-economy.csv' },
  ],
  startMonth: '2015-01',
  horizonMonths: 60,
  population: {
    size: 38_000, // [choice] CBS, see sources; seed 002 only says "about equal to Amsterdam"
    traits: {
      // [choice] the national bijstand age profile, older than the labour force
      age: [
        { from: 18, to: 27, share: 0.1 },
        { from: 27, to: 45, share: 0.4 },
        { from: 45, to: 55, share: 0.26 },
        { from: 55, to: 65, share: 0.24 },
      ],
      // [choice] long durations: seed 002 says Amsterdam's are shorter; a large 10+ group (seed 002: 11 years)
      yearsOnBenefit: [
        { from: 0, to: 1, share: 0.2 },
        { from: 1, to: 2, share: 0.14 },
        { from: 2, to: 5, share: 0.24 },
        { from: 5, to: 10, share: 0.2 },
        { from: 10, to: 25, share: 0.22 },
      ],
      education: { low: 0.6, medium: 0.3, high: 0.1 }, // [choice] seed 002: Amsterdam's education is higher
      motivation: { mean: 0.45, sd: 0.2 }, // [choice] seed 002: "low motivation and self-image" in the long-term group
      multiProblemShare: 0.35, // [choice]
      ladder: [0.15, 0.25, 0.25, 0.2, 0.1, 0.05], // [choice] rungs 1-6
      household: { single: 0.62, singleParent: 0.25, couple: 0.13 }, // [choice] national bijstand mix
      clustering: 0.5, // [choice]
    },
  },
  inflow: {
    applicantsPerMonth: 700, // [choice] keeps a caseload of this size roughly steady at reference demand
    demandElasticity: 0.6, // [choice] fewer applicants when jobs are plentiful
    traits: {
      age: [
        { from: 18, to: 27, share: 0.25 },
        { from: 27, to: 45, share: 0.45 },
        { from: 45, to: 55, share: 0.18 },
        { from: 55, to: 65, share: 0.12 },
      ],
      education: { low: 0.5, medium: 0.37, high: 0.13 },
      motivation: { mean: 0.6, sd: 0.2 },
      multiProblemShare: 0.2,
      ladder: [0.05, 0.15, 0.25, 0.25, 0.2, 0.1],
      household: { single: 0.6, singleParent: 0.25, couple: 0.15 },
      clustering: 0.5,
    },
  },
  exits: {
    schoolOrRemovedPerYear: 0.05, // [choice] below Emmen's 7%/yr (seed 000: 384 of ~3,600 in 1.5 years)
    nonInfluenceablePerYear: 0.1, // [choice] below Emmen's 18%/yr (seed 000: 976 in 1.5 years), a big city moves less
    pensionAge: 65.75, // AOW age 2015-2019: 65y3m rising to 66y4m
  },
  economy: {
    growth: 'historical', // CBS GDP growth 2015-2019, data/nl-economy.csv
    vacanciesPerMonth: 450, // [choice] suitable vacancies within reach per month at reference demand
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
      type: 'intensive-guidance',
      label: 'long-term group activation (stand-in for the tegenprestatie programme)',
      target: { minYearsOnBenefit: 5, rungs: [1, 2, 3, 4] }, // seed 001: focus on >5 years
      caseManagers: 100, // seed 002: 100 officials in 42 districts
      caseloadPerManager: 60, // [choice]
      durationMonths: 12, // [choice]
      priority: 'longest-on-benefit',
      costPerManagerYear: 75_000, // [choice] all-in civil servant; "millions a year" (seed 002)
    },
  ],
  scenarios: [
    { name: 'no-policy', description: 'The same population and economy with no extra policy.', policies: [] },
  ],
  costs: { benefitPerRecipientMonth: 14_000 / 12 }, // seed 000: EUR 14,000 a year per person
  run: { replicates: 100, seed: 20150101 },
});
