/**
 * Eindhoven 2018-2019 (seed 001, Gemeente.nu 2019): about 6,500 recipients at the end of 2018,
 * down more than 350 on the year, "mainly thanks to economic growth". The new approach of 2019:
 * triage (those close to the labour market to the work company, those far from it get care
 * first), cooperation with employers (who get too few candidates), and stricter on no-shows.
 * Ambition: 800+ a year into work.
 *
 * 2018 runs without the new approach; triage, employer accounts and the stricter line on
 * no-shows (sanctions) start in 2019 (month 12).
 * [seed 001] marks a seed figure, [choice] a defensible choice, "free" a local fact the joint
 * calibration fits.
 */
import { defineModel } from '../src/model/define.ts';
import { BENEFIT_PER_MONTH, nationalApplicants, nationalStock, PENSION_AGE } from './profiles.ts';

const NEW_APPROACH = 12; // 2019-01

export default defineModel({
  name: 'eindhoven',
  description: 'Eindhoven 2018-2019: falling caseload in the boom; triage and employer cooperation from 2019.',
  sources: [
    { figure: 'about 6,500 recipients at the end of 2018, down 350 on the year, mainly thanks to economic growth', source: 'seed 001' },
    { figure: 'triage: close to the labour market to the work company, far from it care first; employer cooperation; ambition 800+ a year to work', source: 'seed 001' },
  ],
  startMonth: '2018-01',
  horizonMonths: 24,
  population: { size: 6_850, traits: nationalStock }, // [seed 001] 6,500 at the end of 2018 plus the 350 decline
  inflow: { applicantsPerMonth: 120, demandElasticity: 0.6, traits: nationalApplicants }, // free; [choice]
  exits: { schoolOrRemovedPerYear: 0.04, nonInfluenceablePerYear: 0.1, pensionAge: PENSION_AGE }, // [choice]
  economy: { growth: 'historical', vacanciesPerMonth: 90, regionalFactor: 1.05 }, // free; [choice] Brainport, a strong region
  policies: [
    {
      type: 'triage',
      label: 'triage',
      closeAbove: 1, // [choice] above-average employability counts as close to the labour market
      work: { places: 600, durationMonths: 6, priority: 'most-employable', costPerParticipantMonth: 250 }, // [choice]
      care: { places: 400, durationMonths: 12, priority: 'least-employable', costPerParticipantMonth: 300 }, // [choice]
      openFromMonth: NEW_APPROACH,
    },
    {
      type: 'employer-accounts',
      label: 'employer cooperation',
      places: 150, durationMonths: 6, priority: 'most-employable', // [choice]
      accountManagers: 6, costPerManagerYear: 75_000, dedicatedVacanciesPerMonth: 10, // [choice]
      openFromMonth: NEW_APPROACH,
    },
    {
      type: 'sanctions',
      label: 'stricter on no-shows',
      strictness: 0.3, // [seed 001] "no longer without consequences"; [choice] the rate
      costPerSanction: 500, // [choice]
      fromMonth: NEW_APPROACH,
    },
  ],
  scenarios: [{ name: 'no-new-approach', description: 'The same town and economy without the 2019 approach.', policies: [] }],
  costs: { benefitPerRecipientMonth: BENEFIT_PER_MONTH },
  run: { replicates: 100, seed: 20180101 },
  targets: [
    {
      name: 'decline-2018', figure: 'down 350 on the year (2018)', source: 'seed 001', value: -350, tolerance: 120,
      measure: { kind: 'caseload-change', fromMonth: 0, untilMonth: 12, relative: false },
    },
    {
      name: 'caseload-end-2018', figure: 'about 6,500 recipients at the end of 2018', source: 'seed 001', value: 6_500, tolerance: 150,
      measure: { kind: 'mean', metric: 'caseloadEnd', fromMonth: 11, untilMonth: 12 },
    },
  ],
  free: [
    { path: 'inflow.applicantsPerMonth', min: 50, max: 300 },
    { path: 'economy.vacanciesPerMonth', min: 30, max: 300 },
  ],
});
