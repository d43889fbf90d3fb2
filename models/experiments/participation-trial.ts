/**
 * The Participatiewet trial emulated inside a simulated town (seed 003, Wageningen): a control group
 * and three arms assigned by lottery among volunteers, estimated the way the evaluators did (the
 * difference in outflow rates with a confidence interval) and set against the true effect the
 * simulation knows (the same people run again without their arm's treatment). Then the same with
 * volunteers choosing their own arm, to test the evaluators' claim that self-selection would have
 * done better; and the statistical power at the trial's real group sizes.
 */
import { defineExperiment } from '../../src/experiment/schema.ts';

export default defineExperiment({
  name: 'participation-trial',
  description: 'Wageningen: control vs keep-earnings, more-attention and exemption arms, by lottery and by choice.',
  question: 'What did the trial measure, how close is it to the true effect, and would choice have done better?',
  design: {
    kind: 'trial',
    base: 'wageningen',
    control: 'control group',
    arms: ['keep part of earnings', 'more attention', 'exempt from job-search duties'],
    measureAtMonth: 45, // a year after the trial starts (2017-10 is month 33 of the model from 2015-01)
    selfSelection: true,
  },
  outcomes: ['exits-to-work'],
  replicates: 200,
  seed: 20171003,
});
