/**
 * The priors of the calibration's ensemble (`npx tsx src/calibrate.ts <model> --ensemble`), in one
 * place: for each model, the numbers its file marks `[choice]` that the data and seeds do not pin,
 * and the shared effect sizes its policies lean on, each as a range with its reason. A model's
 * fitted values (`free` in its file) join with their fit bounds as uniform priors. Everything else
 * stays at the joint fit (models/fitted.json): the shared job-market and exit values are pinned by
 * every town's CBS flows together, and the structural sensitivity table of an experiment shows
 * what changes when they move.
 *
 * Paths are dotted model paths: `policies.N.field` is the N-th policy in the model file's list,
 * `behaviour.x.y` a shared behavioural value (set for this model only). Uniform on the scale given.
 */
import type { PriorSpec } from '../../src/calibration/ensemble.ts';

/** The sanctions' two shared effect sizes, for any town whose sanctions the ensemble covers. */
const SANCTION_EFFECTS: PriorSpec[] = [
  {
    path: 'behaviour.policyEffects.sanctions.threatSearchGain', lower: 0.05, upper: 0.4, scale: 'linear',
    source: 'the ex-ante effect of a strict sanction regime on exits, of the order of 10-25% (Lalive, Van Ours & Zweimüller 2005; Van der Klaauw & Van Ours 2013, Rotterdam), widened',
  },
  {
    path: 'behaviour.policyEffects.sanctions.afterSanctionWorkGain', lower: 0.7, upper: 2.5, scale: 'log',
    source: 'the rise of exit to work after a sanction: +140% in Rotterdam welfare records (Van den Berg, Van der Klaauw & Van Ours 2004, J. Labor Econ. 22(1)); [choice] half to nearly twice that',
  },
];

export const PRIORS: Record<string, PriorSpec[]> = {
  rotterdam: [
    {
      path: 'policies.0.deterredShare', lower: 0.02, upper: 0.25, scale: 'linear',
      source: '[choice] the share of applicants a mandatory intake interview deters: the seeds give no rate (seed 002 only "strict"); from a few in a hundred to a quarter',
    },
    {
      path: 'policies.2.strictness', lower: 0.1, upper: 0.6, scale: 'linear',
      source: '[choice] how strictly duties are enforced: "Rotterdam is the strict one" (seed 002), no rate given',
    },
    ...SANCTION_EFFECTS,
    {
      path: 'behaviour.policyEffects.tegenprestatie.lockInPer20Hours', lower: 0, upper: 0.3, scale: 'linear',
      source: '[choice] the lock-in of unpaid work at 20 hours a week: from none to a third less search; the joint fit (0.05) lies inside',
    },
    {
      path: 'behaviour.policyEffects.tegenprestatie.motivationGainPerMonth', lower: 0, upper: 0.05, scale: 'linear',
      source: 'the joint fit\'s bounds for the motivation participants gain a month (tegenprestatie-to-work, seed 002, informs it)',
    },
    {
      path: 'policies.2.endShare', lower: 0.03, upper: 0.25, scale: 'linear',
      source: '[choice] the share of sanctions that end the benefit: the seeds give none',
    },
    {
      path: 'population.traits.motivation.mean', lower: 0.35, upper: 0.55, scale: 'linear',
      source: '[choice] the stock\'s mean motivation: seed 002 speaks of "low motivation and self-image" in the long-term group, no measure',
    },
    {
      path: 'population.traits.multiProblemShare', lower: 0.25, upper: 0.45, scale: 'linear',
      source: '[choice] the share with several problems at once: the seeds give none',
    },
    // costs: no target informs them, so the ensemble keeps their whole range and the saving carries it
    {
      path: 'policies.0.costPerApplicant', lower: 200, upper: 600, scale: 'log',
      source: '[choice] a day of intake and diagnosis (EUR 350): half a day to two days of staff time',
    },
    {
      path: 'policies.1.costPerParticipantMonth', lower: 25, upper: 100, scale: 'log',
      source: '[choice] activities and travel a participant-month (EUR 50): half to double',
    },
    {
      path: 'policies.1.fixedCostPerMonth', lower: (100 * 55_000) / 12, upper: (100 * 95_000) / 12, scale: 'linear',
      source: '100 officials (seed 002) at EUR 55,000-95,000 each all-in a year ([choice]; the model file says 75,000)',
    },
    {
      path: 'policies.2.costPerSanction', lower: 250, upper: 1000, scale: 'log',
      source: '[choice] the handling of a sanction (EUR 500): half to double',
    },
  ],
  emmen: [
    {
      path: 'policies.0.deterredShare', lower: 0.02, upper: 0.25, scale: 'linear',
      source: '[choice] "some then say: I don\'t need benefit" (seed 000), no number: from a few in a hundred to a quarter',
    },
    {
      path: 'policies.1.strictness', lower: 0.02, upper: 0.3, scale: 'linear',
      source: '[choice] sanctions "in practice hardly used" (seed 000)',
    },
    {
      path: 'policies.1.endShare', lower: 0.03, upper: 0.25, scale: 'linear',
      source: '[choice] the share of sanctions that end the benefit: the seed gives none',
    },
    {
      path: 'policies.3.dedicatedVacanciesPerMonth', lower: 2, upper: 10, scale: 'log',
      source: '[choice] ~20 hires from one employer plus KFC\'s 50-70 over the period (seed 000): the 5 a month of the model file, halved to doubled',
    },
    ...SANCTION_EFFECTS,
    // costs: no target informs them
    {
      path: 'policies.0.costPerApplicant', lower: 150, upper: 600, scale: 'log',
      source: '[choice] a day at the centre (EUR 300): half to double',
    },
    {
      path: 'policies.1.costPerSanction', lower: 250, upper: 1000, scale: 'log',
      source: '[choice] the handling of a sanction (EUR 500): half to double',
    },
    {
      path: 'policies.2.costPerParticipantMonth', lower: 300, upper: 600, scale: 'linear',
      source: '[choice] EUR 2M over two years (seed 000) covers the centre and staff: EUR 450 a participant-month, give or take a third',
    },
    {
      path: 'policies.3.costPerManagerYear', lower: 55_000, upper: 95_000, scale: 'linear',
      source: '[choice] an account manager all-in a year (EUR 75,000)',
    },
  ],
  almere: [
    {
      path: 'policies.0.caseManagers', lower: 2.5, upper: 5, scale: 'linear',
      source: '[choice] the 2026-11-22 fit gave 3.5 for 144 participants in year 1 (seed 004); a third either way',
    },
    {
      path: 'policies.0.caseloadPerManager', lower: 20, upper: 40, scale: 'linear',
      source: '[choice] "a lower caseload" (seed 004), no number: the file\'s 28, from 20 to 40',
    },
    {
      path: 'behaviour.policyEffects.guidance.maxSearchGain', lower: 0.5, upper: 4, scale: 'linear',
      source: 'the joint fit\'s bound (4) for the search gain of intensive guidance at full contact; Almere\'s year-1 and comparison figures (seed 004) inform it',
    },
    {
      path: 'behaviour.policyEffects.guidance.maxEmployabilityGain', lower: 0.5, upper: 3, scale: 'linear',
      source: 'the joint fit\'s bound (3) for the employability gain of intensive guidance at full contact',
    },
    // costs: no target informs them
    {
      path: 'policies.0.costPerManagerYear', lower: 55_000, upper: 95_000, scale: 'linear',
      source: '[choice] a case manager all-in a year (EUR 75,000)',
    },
    {
      path: 'policies.0.budgetPerParticipantMonth', lower: 75, upper: 300, scale: 'log',
      source: '[choice] "a tailored budget, raised for retraining" (seed 004): EUR 150 a participant-month, half to double',
    },
  ],
};
