/**
 * Apeldoorn: the Participatiewet experiment (seed 003). 450 participants; "we only had to invite a
 * few more than 450: 85% joined at once"; 4% of applicants dropped out over the assignment; the
 * guidance and rule-free ("own direction") arms work well. Same design as Wageningen: a control
 * group and three arms by lottery.
 *
 * Invitation and volunteering: [choice] a caseload of 3,000, of whom the invited (about 530) are
 * a random 18%, 85% of whom join: volunteerShare 0.18 x 0.85 = 0.15 of the caseload, 450 people.
 * [seed 003] marks a seed figure, [choice] a defensible choice.
 */
import { defineModel } from '../src/model/define.ts';
import { BENEFIT_PER_MONTH, nationalApplicants, nationalStock, PENSION_AGE } from './profiles.ts';

const trial = (arm: number) => ({ lottery: { arms: 4, arm, volunteerShare: 0.15 } });
const ARM_PLACES = 1_000;

export default defineModel({
  name: 'apeldoorn',
  description: 'Apeldoorn 2017-2019: the Participatiewet trial with 450 participants in a control group and three arms.',
  sources: [
    { figure: '450 participants; 85% of the invited joined at once; 4% dropped out over the assignment', source: 'seed 003' },
    { figure: 'the guidance and rule-free arms work well', source: 'seed 003' },
    { figure: 'caseload size 3,000', source: '[choice] a town of 160,000 inhabitants (not in the seeds)' },
  ],
  startMonth: '2017-10',
  horizonMonths: 24,
  population: { size: 3_000, traits: nationalStock }, // [choice]
  inflow: { applicantsPerMonth: 55, demandElasticity: 0.6, traits: nationalApplicants }, // [choice]
  exits: { schoolOrRemovedPerYear: 0.03, nonInfluenceablePerYear: 0.06, pensionAge: PENSION_AGE }, // [choice]
  economy: { growth: 'historical', vacanciesPerMonth: 25, regionalFactor: 1 }, // [choice]
  policies: [
    { type: 'cohort', label: 'control group', target: trial(0), followMonths: 24, openUntilMonth: 1 },
    { type: 'earnings-disregard', label: 'keep part of earnings', target: trial(1), places: ARM_PLACES, durationMonths: 24, openUntilMonth: 1, keepShare: 0.25, costPerParticipantMonth: 20 },
    { type: 'intensive-guidance', label: 'guidance on measure', target: trial(2), caseManagers: 2, caseloadPerManager: 60, durationMonths: 24, costPerManagerYear: 75_000, openUntilMonth: 1 },
    { type: 'exemption', label: 'own direction', target: trial(3), places: ARM_PLACES, durationMonths: 24, openUntilMonth: 1, costPerParticipantMonth: 20 },
  ],
  costs: { benefitPerRecipientMonth: BENEFIT_PER_MONTH },
  run: { replicates: 200, seed: 20171002 },
  targets: ([['control group', 0], ['keep part of earnings', 1], ['guidance on measure', 2], ['own direction', 3]] as const).map(([programme]) => ({
    name: `participants-${programme.replace(/ /g, '-')}`,
    figure: '450 participants in four equal groups (112.5 each)',
    source: 'seed 003',
    value: 112.5,
    tolerance: 20,
    measure: { kind: 'entrants' as const, programme, fromMonth: 0, untilMonth: 1 },
  })),
});
