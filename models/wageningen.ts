/**
 * Wageningen: the Participatiewet experiment (seed 003, Lokaal Bestuur 2018). About half of the
 * recipients take part; a lottery puts each volunteer in a control group or one of three arms:
 * may keep part of extra earnings; more attention and guidance; exempt from job-search duties
 * (volunteering allowed). Outflow from benefit went from 6% (control) to 11.5% in the guidance and
 * exemption arms; the least effect was in the earnings arm.
 *
 * The trial runs as four programmes with a shared `lottery` target (arms 0-3): the control group is
 * an observation cohort. [seed 003] marks a seed figure, [choice] a defensible choice.
 */
import { defineModel } from '../src/model/define.ts';
import { BENEFIT_PER_MONTH, nationalApplicants, nationalStock, cbsTown, monthsFrom2015 } from './lib/profiles.ts';

const TOWN = cbsTown('Wageningen', 'Food Valley (AM)');

// [seed 003] about half take part. [choice] the trials recruited from the standing caseload, not
// from new applicants: recipients on benefit for two years or more. Without that the control group
// would leave at the town's rate (CBS: 26-32% a year), not the seed's 6%.
const trial = (arm: number) => ({ minYearsOnBenefit: 2, lottery: { arms: 4, arm, volunteerShare: 0.5 } });
/** The trial starts in October 2017; the model runs from 2015 so its CBS years are simulated. */
const START = monthsFrom2015('2017-10');
const RECRUITMENT = START + 3; // [choice] volunteers enrolled in the first three months
const ARM_PLACES = 1_000; // everyone the lottery assigns

export default defineModel({
  name: 'wageningen',
  description: 'Wageningen 2017-2019: the Participatiewet trial, control group and three arms assigned by lottery.',
  sources: [
    { figure: 'about half of the recipients take part; a control group and three arms by lottery', source: 'seed 003' },
    { figure: 'outflow 6% in the control group, 11.5% in the guidance and exemption arms; least in the earnings arm', source: 'seed 003' },
    TOWN.source,
  ],
  startMonth: '2015-01',
  horizonMonths: START + 24,
  population: { size: TOWN.size, traits: nationalStock }, // size: CBS persons under AOW age at the start of 2015 (cbsTown); traits [choice]
  inflow: { applicantsPerMonth: TOWN.applicants, traits: nationalApplicants }, // applicants: fitted (the one local value)
  economy: { growth: 'historical', labourForce: TOWN.labourForce, unemploymentRatio: TOWN.unemploymentRatio, regionalFactor: 1 }, // data/cbs via cbsTown; regionalFactor fitted (TOWN.vacancyFree)
  policies: [
    { type: 'cohort', label: 'control group', target: trial(0), followMonths: 24, openFromMonth: START, openUntilMonth: RECRUITMENT },
    {
      type: 'earnings-disregard', label: 'keep part of earnings', target: trial(1), places: ARM_PLACES, durationMonths: 24,
      openFromMonth: START, openUntilMonth: RECRUITMENT, keepShare: 0.25, costPerParticipantMonth: 20, // [choice] the legal disregard is 25%
    },
    {
      type: 'intensive-guidance', label: 'more attention', target: trial(2), caseManagers: 2, caseloadPerManager: 50, // [choice]
      durationMonths: 24, costPerManagerYear: 75_000, openFromMonth: START, openUntilMonth: RECRUITMENT,
    },
    {
      type: 'exemption', label: 'exempt from job-search duties', target: trial(3), places: ARM_PLACES, durationMonths: 24,
      openFromMonth: START, openUntilMonth: RECRUITMENT, costPerParticipantMonth: 20,
    },
  ],
  costs: { benefitPerRecipientMonth: BENEFIT_PER_MONTH },
  run: { replicates: 200, seed: 20171001 },
  // Tolerances: each arm has about 95 people, so the seed's own outflow figures carry a sampling
  // error of about 3 points (sqrt(0.115 x 0.885 / 95) = 3.3 points for 11.5%; 2.4 for 6%). A tolerance
  // tighter than that would ask the model to reproduce the trial's noise: about 1.5 of those errors.
  targets: [
    ...TOWN.targets,
    // The earlier [choice] plausibility bound on the caseload is replaced by the CBS stock targets.
    {
      name: 'control-outflow', figure: 'outflow 6% in the control group', source: 'seed 003', value: 0.06, tolerance: 0.035,
      measure: { kind: 'cohort-share', programme: 'control group', enrolledFrom: START, enrolledUntil: RECRUITMENT, route: 'any', byMonth: START + 12 },
    },
    {
      name: 'guidance-outflow', figure: 'outflow 11.5% in the more-attention arm', source: 'seed 003', value: 0.115, tolerance: 0.05,
      measure: { kind: 'cohort-share', programme: 'more attention', enrolledFrom: START, enrolledUntil: RECRUITMENT, route: 'any', byMonth: START + 12 },
    },
    {
      name: 'exemption-outflow', figure: 'outflow 11.5% in the exemption arm', source: 'seed 003', value: 0.115, tolerance: 0.05,
      measure: { kind: 'cohort-share', programme: 'exempt from job-search duties', enrolledFrom: START, enrolledUntil: RECRUITMENT, route: 'any', byMonth: START + 12 },
    },
    {
      name: 'earnings-outflow', figure: 'the least effect in the earnings arm ([choice] between control and the other arms)', source: 'seed 003', value: 0.08, tolerance: 0.04,
      measure: { kind: 'cohort-share', programme: 'keep part of earnings', enrolledFrom: START, enrolledUntil: RECRUITMENT, route: 'any', byMonth: START + 12 },
    },
  ],
  free: [TOWN.free, TOWN.vacancyFree],
});
