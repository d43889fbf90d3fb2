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
import { BENEFIT_PER_MONTH, nationalApplicants, nationalStock, cbsTown, monthsFrom2015 } from './lib/profiles.ts';

const TOWN = cbsTown('Eindhoven', 'Zuidoost-Brabant (AM)');

/** The model runs from 2015 so its CBS years are simulated; the seed's year is 2018. */
const Y2018 = monthsFrom2015('2018-01');
const NEW_APPROACH = monthsFrom2015('2019-01');

export default defineModel({
  name: 'eindhoven',
  description: 'Eindhoven 2018-2019: falling caseload in the boom; triage and employer cooperation from 2019.',
  sources: [
    { figure: 'about 6,500 recipients at the end of 2018, down 350 on the year, mainly thanks to economic growth', source: 'seed 001' },
    { figure: 'triage: close to the labour market to the work company, far from it care first; employer cooperation; ambition 800+ a year to work', source: 'seed 001' },
  ],
  startMonth: '2015-01',
  horizonMonths: Y2018 + 24,
  population: { size: TOWN.size, traits: nationalStock }, // size: CBS persons under AOW age at the start of 2015 (cbsTown); traits [choice]
  inflow: { applicantsPerMonth: TOWN.applicants, traits: nationalApplicants }, // applicants: fitted (the one local value)
  economy: { growth: 'historical', labourForce: TOWN.labourForce, unemploymentRatio: TOWN.unemploymentRatio, regionalFactor: 1 }, // data/cbs via cbsTown; regionalFactor fitted (TOWN.vacancyFree)
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
    ...TOWN.targets,
    {
      name: 'decline-2018', figure: 'down 350 on the year (2018)', source: 'seed 001', value: -350, tolerance: 120,
      measure: { kind: 'caseload-change', fromMonth: Y2018, untilMonth: Y2018 + 12, relative: false },
    },
    {
      name: 'caseload-end-2018', figure: 'about 6,500 recipients at the end of 2018', source: 'seed 001', value: 6_500, tolerance: 150,
      measure: { kind: 'mean', metric: 'caseloadEnd', fromMonth: Y2018 + 11, untilMonth: Y2018 + 12 },
      superseded: 'the article counts benefits (households; a couple is one), CBS counts persons: 7,270 persons under AOW age at the end of 2017 (cbs_84066NED). The CBS stock targets win; the seed\'s decline of 350 is kept',
    },
  ],
  free: [TOWN.free, TOWN.vacancyFree],
});
