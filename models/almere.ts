/**
 * Almere 45+ (seed 004, "Almeerse bijstandsaanpak 45-plus nog succesvoller", 2018): recipients of
 * 45 and over on ladder rungs 2-4, at least a year on benefit and not in a programme, get intensive
 * guidance with a lower caseload ("one client manager per client"), a tailored budget (raised for
 * retraining) and direct contact with employers (age discrimination is real). Year 1: a third of
 * 144 participants found paid work; after two years half of 260; 63% counting all exits. For
 * comparison, 15% of all 45+ recipients on rungs 3-5 left for work in 2015. As the economy
 * improves the stronger 45+ leave first and the remaining group gets harder (dynamic selection).
 *
 * The model starts in 2015 (the comparison year) and the programme opens in 2016.
 * [seed 004] marks a seed figure, [choice] a defensible choice, "free" a local fact the joint
 * calibration fits.
 */
import { defineModel } from '../src/model/define.ts';
import { BENEFIT_PER_MONTH, nationalApplicants, nationalStock, cbsTown } from './lib/profiles.ts';

const TOWN = cbsTown('Almere', 'Flevoland (AM)');

const PROGRAMME_OPENS = 12; // 2016-01

export default defineModel({
  name: 'almere',
  description: 'Almere 2015-2017: intensive guidance for 45+ recipients on rungs 2-4 from 2016, against the 2015 baseline.',
  sources: [
    { figure: 'participants 45+, rungs 2-4, at least 1 year on benefit, not in a programme', source: 'seed 004' },
    { figure: 'year 1: a third of 144 participants in paid work; two years: half of 260; 63% counting all exits', source: 'seed 004' },
    { figure: '15% of all 45+ recipients on rungs 3-5 left for work in 2015', source: 'seed 004' },
    { figure: 'one client manager per client, lower caseload, tailored budget, direct employer contact', source: 'seed 004' },
    TOWN.source,
  ],
  startMonth: '2015-01',
  horizonMonths: 36,
  population: { size: TOWN.size, traits: nationalStock }, // size: CBS persons under AOW age at the start of 2015 (cbsTown); traits [choice]
  inflow: { applicantsPerMonth: TOWN.applicants, traits: nationalApplicants }, // applicants: fitted (the one local value)
  economy: { growth: 'historical', labourForce: TOWN.labourForce, unemploymentRatio: TOWN.unemploymentRatio, regionalFactor: 1 }, // data/cbs via cbsTown; regionalFactor fitted (TOWN.vacancyFree)
  policies: [
    {
      type: 'intensive-guidance',
      label: '45+ approach',
      target: { minAge: 45, minYearsOnBenefit: 1, rungs: [2, 3, 4] }, // [seed 004]
      caseManagers: 3.5, // [choice] the value the 2026-11-22 fit gave for 144 participants in year 1 (seed 004), now held fixed
      caseloadPerManager: 28, // [choice] "a lower caseload" (seed 004)
      durationMonths: 24, // [choice] followed until they leave or the two years end
      maxNewPerMonth: 22, // [choice] the 2026-11-22 fit's intake capacity, now held fixed (144 in year 1, 260 in two years: seed 004)
      priority: 'random',
      costPerManagerYear: 75_000, // [choice]
      budgetPerParticipantMonth: 150, // [choice] "a tailored budget, raised for retraining" (seed 004)
      openFromMonth: PROGRAMME_OPENS,
    },
    {
      type: 'cohort',
      label: '45+ on rungs 3-5 in 2015',
      target: { minAge: 45, rungs: [3, 4, 5] }, // [seed 004] the comparison group
      followMonths: 12,
      openUntilMonth: 1, // those on benefit at the start of 2015, followed through the year
    },
  ],
  scenarios: [{ name: 'no-45plus', description: 'The same town and economy without the 45+ approach.', policies: [] }],
  costs: { benefitPerRecipientMonth: BENEFIT_PER_MONTH },
  run: { replicates: 100, seed: 20150105 },
  targets: [
    ...TOWN.targets,
    {
      name: 'year1-work', figure: 'a third of the 144 participants of year 1 in paid work', source: 'seed 004',
      value: 1 / 3, tolerance: 0.07,
      measure: { kind: 'cohort-share', programme: '45+ approach', enrolledFrom: PROGRAMME_OPENS, enrolledUntil: PROGRAMME_OPENS + 12, route: 'work', byMonth: PROGRAMME_OPENS + 12 },
    },
    {
      name: 'year1-participants', figure: '144 participants in year 1', source: 'seed 004',
      value: 144, tolerance: 25,
      measure: { kind: 'entrants', programme: '45+ approach', fromMonth: PROGRAMME_OPENS, untilMonth: PROGRAMME_OPENS + 12 },
    },
    {
      name: 'two-years-work', figure: 'half of 260 participants in paid work after two years', source: 'seed 004',
      value: 0.5, tolerance: 0.08,
      measure: { kind: 'cohort-share', programme: '45+ approach', enrolledFrom: PROGRAMME_OPENS, enrolledUntil: PROGRAMME_OPENS + 24, route: 'work', byMonth: PROGRAMME_OPENS + 24 },
    },
    {
      name: 'two-years-participants', figure: '260 participants in two years', source: 'seed 004',
      value: 260, tolerance: 35,
      measure: { kind: 'entrants', programme: '45+ approach', fromMonth: PROGRAMME_OPENS, untilMonth: PROGRAMME_OPENS + 24 },
    },
    {
      name: 'two-years-all-exits', figure: '63% counting all exits after two years', source: 'seed 004',
      value: 0.63, tolerance: 0.08,
      measure: { kind: 'cohort-share', programme: '45+ approach', enrolledFrom: PROGRAMME_OPENS, enrolledUntil: PROGRAMME_OPENS + 24, route: 'any', byMonth: PROGRAMME_OPENS + 24 },
    },
    // The earlier [choice] plausibility bound on the caseload is replaced by the CBS stock targets.
    {
      name: 'comparison-2015', figure: '15% of all 45+ recipients on rungs 3-5 left for work in 2015', source: 'seed 004',
      value: 0.15, tolerance: 0.04,
      measure: { kind: 'cohort-share', programme: '45+ on rungs 3-5 in 2015', enrolledFrom: 0, enrolledUntil: 1, route: 'work', byMonth: 12 },
    },
  ],
  free: [TOWN.free, TOWN.vacancyFree],
});
