/**
 * Enschede 2018-2020 (seed 001): relatively many recipients far from the labour market; from
 * September 2018 a project retrains jobseekers for ICT jobs ("over thirty people follow a track");
 * a trial training recipients as drone pilots was "less successful".
 *
 * [seed 001] marks a seed figure, [choice] a defensible choice.
 */
import { defineModel } from '../src/model/define.ts';
import { BENEFIT_PER_MONTH, nationalApplicants, nationalStock, PENSION_AGE } from './profiles.ts';

export default defineModel({
  name: 'enschede',
  description: 'Enschede 2018-2020: ICT retraining for a small group, in a caseload far from the labour market.',
  sources: [
    { figure: 'relatively many recipients far from the labour market', source: 'seed 001' },
    { figure: 'ICT retraining from September 2018, over thirty people in a track; a drone-pilot trial less successful', source: 'seed 001' },
    { figure: 'caseload size 9,000', source: '[choice] CBS, Enschede around 2018 (not in the seeds)' },
  ],
  startMonth: '2018-09',
  horizonMonths: 24,
  population: {
    size: 9_000, // [choice]
    traits: { ...nationalStock, multiProblemShare: 0.4, ladder: [0.15, 0.26, 0.27, 0.19, 0.09, 0.04] }, // [seed 001] far from the labour market
  },
  inflow: { applicantsPerMonth: 150, demandElasticity: 0.6, traits: nationalApplicants }, // [choice]
  exits: { schoolOrRemovedPerYear: 0.04, nonInfluenceablePerYear: 0.1, pensionAge: PENSION_AGE }, // [choice]
  economy: { growth: 'historical', vacanciesPerMonth: 100, regionalFactor: 0.95 }, // [choice] Twente, a little weaker
  policies: [
    {
      type: 'training', label: 'ICT retraining', target: { maxAge: 50 }, places: 32, diagnosisMonths: 1, trainingMonths: 9, // [seed 001] 30+; [choice] nine months
      priority: 'most-employable', costPerParticipantMonth: 800, openUntilMonth: 1, // [choice] one cohort, September 2018
    },
    {
      type: 'training', label: 'drone pilots', target: { maxAge: 45 }, places: 10, diagnosisMonths: 0, trainingMonths: 3, intensity: 0.1, // [choice] "less successful": little skill gain
      priority: 'most-employable', costPerParticipantMonth: 1_000, openUntilMonth: 1,
    },
  ],
  costs: { benefitPerRecipientMonth: BENEFIT_PER_MONTH },
  run: { replicates: 100, seed: 20180901 },
  targets: [
    {
      name: 'ict-track', figure: 'over thirty people follow an ICT track', source: 'seed 001', value: 32, tolerance: 4,
      measure: { kind: 'entrants', programme: 'ICT retraining', fromMonth: 0, untilMonth: 1 },
    },
  ],
});
