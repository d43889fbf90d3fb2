/**
 * Den Haag 2018-2020 (seed 001): the budget of September 2018 asks for at least 500 extra people
 * into jobs each year on top of a goal of about 4,000, with the pilot "Ondernemend uit de bijstand"
 * (entrepreneurial out of bijstand) extended, help with paying off debts, and bringing recipients
 * into contact with employers. A reader under seed 004 counts "more than 20,000" recipients.
 *
 * The 4,000 a year is the city's own goal, used here as the level of exits to work before the
 * extra effort [choice]; the 500 extra is an ambition, not a result, so it is not a target.
 * [seed NNN] marks a seed figure, [choice] a defensible choice, "free" a local fact the joint
 * calibration fits.
 */
import { defineModel } from '../src/model/define.ts';
import { BENEFIT_PER_MONTH, nationalApplicants, nationalStock, cbsTown, monthsFrom2015 } from './lib/profiles.ts';

const TOWN = cbsTown('Den Haag', 'Haaglanden (AM)');
/** The measures of seed 001 start in September 2018; the model runs from 2015 so its CBS years are simulated too. */
const START = monthsFrom2015('2018-09');

export default defineModel({
  name: 'den-haag',
  description: 'Den Haag 2018-2020: entrepreneurship pilot, debt help and employer contact on top of about 4,000 exits to work a year.',
  sources: [
    { figure: 'at least 500 extra into jobs a year on top of a goal of about 4,000; entrepreneurship pilot, debt help, employer contact', source: 'seed 001' },
    { figure: '"more than 20,000" recipients', source: 'a reader under seed 004' },
    TOWN.source,
  ],
  startMonth: '2015-01',
  horizonMonths: START + 24,
  population: { size: TOWN.size, traits: nationalStock }, // size: CBS persons under AOW age at the start of 2015 (cbsTown); traits [choice]
  inflow: { applicantsPerMonth: TOWN.applicants, traits: nationalApplicants }, // applicants: fitted (the one local value)
  economy: { growth: 'historical', labourForce: TOWN.labourForce, unemploymentRatio: TOWN.unemploymentRatio, regionalFactor: 1 }, // data/cbs via cbsTown; regionalFactor fitted (TOWN.vacancyFree)
  policies: [
    {
      type: 'entrepreneurship', label: 'Ondernemend uit de bijstand', places: 150, durationMonths: 12, openFromMonth: START, // [choice] a pilot being extended
      coachingPerParticipantMonth: 300, startupGrant: 3_000, // [choice]
    },
    { type: 'debt-help', label: 'debt help', places: 1_000, durationMonths: 12, costPerParticipantMonth: 100, openFromMonth: START }, // [choice]
    {
      type: 'employer-accounts', label: 'employer contact', places: 400, durationMonths: 6, priority: 'most-employable', openFromMonth: START, // [choice]
      accountManagers: 15, costPerManagerYear: 75_000, dedicatedVacanciesPerMonth: 20, // [choice]
    },
  ],
  scenarios: [{ name: 'no-extra', description: 'The same city and economy without the three measures.', policies: [] }],
  costs: { benefitPerRecipientMonth: BENEFIT_PER_MONTH },
  run: { replicates: 100, seed: 20180902 },
  targets: [
    ...TOWN.targets,
    {
      name: 'exits-to-work', figure: 'about 4,000 into jobs a year (the goal before the extra 500)', source: 'seed 001', value: 4_000, tolerance: 500,
      measure: { kind: 'total', metric: 'exitsWork', fromMonth: START, untilMonth: START + 12 },
      superseded: 'a goal and the municipality\'s own count of placements (which includes part-time work beside the benefit), not persons leaving for work: CBS counts 3,240 persons leaving for work in 2017 (cbs_84066NED), and the CBS flows win',
    },
    {
      name: 'caseload', figure: '"more than 20,000" recipients', source: 'a reader under seed 004; [choice] 23,000', value: 23_000, tolerance: 2_500,
      measure: { kind: 'mean', metric: 'caseloadEnd', fromMonth: START, untilMonth: START + 12 },
      superseded: 'a reader\'s comment, not a count: CBS has 26,870 persons under AOW age at the end of 2017 (cbs_84066NED), and the CBS stock targets win',
    },
  ],
  free: [TOWN.free, TOWN.vacancyFree],
});
