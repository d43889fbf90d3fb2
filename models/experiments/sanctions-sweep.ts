import { defineExperiment } from '../../src/experiment/schema.ts';
export default defineExperiment({
  name: 'sanctions-sweep', description: 'Rotterdam with sanctions from mild to strict.', question: 'How much does stricter sanctioning change the caseload?',
  design: { kind: 'grid', base: 'rotterdam', parameters: [{ name: 'strictness', path: 'policies.2.strictness', start: 0.1, step: 0.1, end: 0.5 }] },
  replicates: 20, seed: 1,
});
