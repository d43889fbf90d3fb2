/**
 * Enschede 2018-2020 (seed 001): relatively many recipients far from the labour market; from
 * September 2018 a project retrains jobseekers for ICT jobs ("over thirty people follow a track");
 * a trial training recipients as drone pilots was "less successful".
 *
 * [seed 001] marks a seed figure, [choice] a defensible choice.
 */
import { defineModel } from '../src/model/define.ts';
import { BENEFIT_PER_MONTH, nationalApplicants, nationalStock, cbsTown, monthsFrom2015 } from './lib/profiles.ts';

const TOWN = cbsTown('Enschede', 'Twente (AM)');
/** The retraining starts in September 2018; the model runs from 2015 so its CBS years are simulated. */
const START = monthsFrom2015('2018-09');

export default defineModel({
  name: 'enschede',
  description: 'Enschede 2018-2020: ICT retraining for a small group, in a caseload far from the labour market.',
  sources: [
    { figure: 'relatively many recipients far from the labour market', source: 'seed 001' },
    { figure: 'ICT retraining from September 2018, over thirty people in a track; a drone-pilot trial less successful', source: 'seed 001' },
    TOWN.source,
  ],
  startMonth: '2015-01',
  horizonMonths: START + 24,
  population: {
    size: TOWN.size, // CBS persons under AOW age at the start of 2015 (cbsTown)
    traits: { ...nationalStock, multiProblemShare: 0.4, ladder: [0.15, 0.26, 0.27, 0.19, 0.09, 0.04] }, // [seed 001] far from the labour market
  },
  inflow: { applicantsPerMonth: TOWN.applicants, traits: nationalApplicants }, // applicants: fitted (the one local value)
  economy: { growth: 'historical', labourForce: TOWN.labourForce, unemploymentRatio: TOWN.unemploymentRatio, regionalFactor: 1 }, // data/cbs via cbsTown; regionalFactor fitted (TOWN.vacancyFree)
  policies: [
    {
      type: 'training', label: 'ICT retraining', target: { maxAge: 50 }, places: 32, diagnosisMonths: 1, trainingMonths: 9, // [seed 001] 30+; [choice] nine months
      priority: 'most-employable', costPerParticipantMonth: 800, openFromMonth: START, openUntilMonth: START + 1, // [choice] one cohort, September 2018
    },
    {
      type: 'training', label: 'drone pilots', target: { maxAge: 45 }, places: 10, diagnosisMonths: 0, trainingMonths: 3, intensity: 0.1, // [choice] "less successful": little skill gain
      priority: 'most-employable', costPerParticipantMonth: 1_000, openFromMonth: START, openUntilMonth: START + 1,
    },
  ],
  costs: { benefitPerRecipientMonth: BENEFIT_PER_MONTH },
  run: { replicates: 100, seed: 20180901 },
  targets: [
    ...TOWN.targets,
    // The seed's "over thirty in a track" is not a target: 32 places give 32 participants by construction.
  ],
  free: [TOWN.free, TOWN.vacancyFree],
});
