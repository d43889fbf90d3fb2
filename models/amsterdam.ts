/**
 * Amsterdam 2015-2019: strong on outflow with a soft approach, "Meedoen werkt" (seed 002): a
 * friendly letter, eight teams, EUR 8M a year, "15,000 in motion in two years". Caseload about
 * equal to Rotterdam's, higher education and shorter durations (seed 002).
 *
 * [seed NNN] marks a seed figure, [choice] a defensible choice where the seeds give none, "free"
 * a local fact the joint calibration fits.
 */
import { defineModel } from '../src/model/define.ts';
import { BENEFIT_PER_MONTH, nationalApplicants, nationalStock, cbsTown } from './lib/profiles.ts';

const TOWN = cbsTown('Amsterdam', 'Groot Amsterdam (AM)');

export default defineModel({
  name: 'amsterdam',
  description: 'Amsterdam 2015-2019: the soft approach "Meedoen werkt" for the long-term group, no strict intake.',
  sources: [
    { figure: 'caseload about equal to Rotterdam\'s; higher education, shorter durations', source: 'seed 002' },
    { figure: '15,000 "in motion" in two years; EUR 8M a year; eight teams; a friendly letter', source: 'seed 002' },
    TOWN.source,
    { figure: 'Amsterdam unemployment 7.7% (2015) vs 6.9% national', source: 'data/nl-economy.csv' },
  ],
  startMonth: '2015-01',
  horizonMonths: 60,
  population: {
    size: TOWN.size, // CBS persons under AOW age at the start of 2015 (cbsTown)
    traits: {
      ...nationalStock,
      // 48% on benefit five years or more (2017, parool_2019_01, the municipality's count); [choice] the
      // split within the bands. Seed 002 says Amsterdam's durations are shorter than Rotterdam's; the
      // data do not bear that out for the long-term share (Rotterdam: 57% three years or more), so the data win.
      yearsOnBenefit: [
        { from: 0, to: 1, share: 0.17 },
        { from: 1, to: 2, share: 0.12 },
        { from: 2, to: 5, share: 0.23 },
        { from: 5, to: 10, share: 0.23 },
        { from: 10, to: 25, share: 0.25 },
      ],
      education: { low: 0.5, medium: 0.33, high: 0.17 }, // [seed 002] higher education; [choice] the shares
    },
  },
  inflow: {
    applicantsPerMonth: TOWN.applicants, // fitted: the one local value (start: CBS 2015 inflow / 12)
    // national estimate (models/lib/profiles.ts)
    traits: { ...nationalApplicants, education: { low: 0.42, medium: 0.38, high: 0.2 } },
  },
  economy: {
    growth: 'historical',
    labourForce: TOWN.labourForce, unemploymentRatio: TOWN.unemploymentRatio, // data/cbs via cbsTown
    regionalFactor: 1, // fitted (TOWN.vacancyFree): the data have no vacancy rate per town
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
    ...TOWN.targets,
    {
      name: 'share-5y-plus-2017', figure: '48% on benefit five years or more (2017)', source: 'parool_2019_01 (data/cbs/municipal.csv; the municipality\'s count)',
      value: 0.48, tolerance: 0.05, measure: { kind: 'mean', metric: 'share5YearsPlus', fromMonth: 35, untilMonth: 36 },
    },
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
      superseded: 'the earlier [choice] of 38,000; CBS counts 41,740 persons under AOW age at the end of 2015 (cbs_83450NED), and the CBS stock targets win (seed 002\'s "about equal" holds in CBS: 41,740 vs 41,300)',
    },
  ],
  free: [TOWN.free, TOWN.vacancyFree],
});
