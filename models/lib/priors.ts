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
    {
      path: 'behaviour.policyEffects.sanctions.threatSearchGain', lower: 0.05, upper: 0.4, scale: 'linear',
      source: 'the ex-ante effect of a strict sanction regime on exits, of the order of 10-25% (Lalive, Van Ours & Zweimüller 2005; Van der Klaauw & Van Ours 2013, Rotterdam), widened',
    },
    {
      path: 'behaviour.policyEffects.sanctions.afterSanctionWorkGain', lower: 0.7, upper: 2.5, scale: 'log',
      source: 'the rise of exit to work after a sanction: +140% in Rotterdam welfare records (Van den Berg, Van der Klaauw & Van Ours 2004, J. Labor Econ. 22(1)); [choice] half to nearly twice that',
    },
    {
      path: 'behaviour.policyEffects.tegenprestatie.lockInPer20Hours', lower: 0, upper: 0.3, scale: 'linear',
      source: '[choice] the lock-in of unpaid work at 20 hours a week: from none to a third less search; the joint fit (0.05) lies inside',
    },
    {
      path: 'behaviour.policyEffects.tegenprestatie.motivationGainPerMonth', lower: 0, upper: 0.05, scale: 'linear',
      source: 'the joint fit\'s bounds for the motivation participants gain a month (tegenprestatie-to-work, seed 002, informs it)',
    },
  ],
};
