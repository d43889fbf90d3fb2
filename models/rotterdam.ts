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
import { BENEFIT_PER_MONTH, nationalApplicants, nationalStock, cbsTown } from './lib/profiles.ts';

const TOWN = cbsTown('Rotterdam', 'Rijnmond (AM)');

export default defineModel({
  name: 'rotterdam',
  description: 'Rotterdam 2015-2019: strict intake, tegenprestatie for the long-term group, sanctions, under the national recovery.',
  sources: [
    { figure: 'caseload about equal to Amsterdam\'s', source: 'seed 002 (Binnenlands Bestuur 2017)' },
    TOWN.source,
    { figure: 'tegenprestatie group: average age 51, 11 years on benefit, low motivation; 1 hour a week rising to 20', source: 'seed 002' },
    { figure: 'about 150 a year from the tegenprestatie to paid work; 12,000 "off the couch" in four years', source: 'seed 002' },
    { figure: '100 officials in 42 districts; "millions a year"', source: 'seed 002' },
    { figure: 'focus on >5 years on benefit; job-search duty dropped for older jobseekers', source: 'seed 001 (2019)' },
    { figure: 'EUR 14,000 a year per person leaving', source: 'seed 000 (Emmen), used as the all-in cost per recipient-year' },
  ],
  startMonth: '2015-01',
  horizonMonths: 60,
  population: {
    size: TOWN.size, // CBS persons under AOW age at the start of 2015 (cbsTown)
    traits: {
      ...nationalStock,
      // 57% on benefit three years or more (2016, rijnmond_2017_02: about 0.58 here with a third of
      // the 2-5 band past three years); [choice] the split; a large 10+ group (seed 002: 11 years)
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
    applicantsPerMonth: TOWN.applicants, // fitted: the one local value (start: CBS 2015 inflow / 12)
    // national estimate (models/lib/profiles.ts)
    traits: nationalApplicants,
  },
  economy: {
    growth: 'historical', // CBS GDP growth 2015-2019, data/nl-economy.csv
    labourForce: TOWN.labourForce, unemploymentRatio: TOWN.unemploymentRatio, // data/cbs via cbsTown
    regionalFactor: 1, // fitted (TOWN.vacancyFree): the data have no vacancy rate per town
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
    ...TOWN.targets,
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
      superseded: 'the earlier [choice] of 38,000; CBS counts 41,300 persons under AOW age at the end of 2015 (cbs_83450NED), and the CBS stock targets win',
    },
  ],
  free: [TOWN.free, TOWN.vacancyFree],
});
