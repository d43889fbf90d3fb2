/**
 * The shared behavioural effect sizes of every policy type, one group per type. Each policy file
 * declares its own group (`<policy>Effects`: a zod schema and defaults); this file gathers them into
 * `behaviour.policyEffects`, which every municipality shares (the joint calibration fits them).
 */
import { z } from 'zod';
import { strictIntakeEffects } from './strict-intake.ts';
import { intensiveGuidanceEffects } from './intensive-guidance.ts';
import { sanctionsEffects } from './sanctions.ts';
import { tegenprestatieEffects } from './tegenprestatie.ts';
import { softOutreachEffects } from './soft-outreach.ts';
import { earningsDisregardEffects } from './earnings-disregard.ts';
import { exemptionEffects } from './exemption.ts';
import { trainingEffects } from './training.ts';
import { employerAccountsEffects } from './employer-accounts.ts';
import { triageEffects } from './triage.ts';
import { outsourcingEffects } from './outsourcing.ts';
import { debtHelpEffects } from './debt-help.ts';
import { entrepreneurshipEffects } from './entrepreneurship.ts';
import { socialActivationEffects } from './social-activation.ts';
import { cohortEffects } from './cohort.ts';

export const policyEffectsSchema = z.strictObject({
  strictIntake: strictIntakeEffects.schema,
  guidance: intensiveGuidanceEffects.schema,
  sanctions: sanctionsEffects.schema,
  tegenprestatie: tegenprestatieEffects.schema,
  softOutreach: softOutreachEffects.schema,
  earningsDisregard: earningsDisregardEffects.schema,
  exemption: exemptionEffects.schema,
  training: trainingEffects.schema,
  employerAccounts: employerAccountsEffects.schema,
  triage: triageEffects.schema,
  outsourcing: outsourcingEffects.schema,
  debtHelp: debtHelpEffects.schema,
  entrepreneurship: entrepreneurshipEffects.schema,
  socialActivation: socialActivationEffects.schema,
  cohort: cohortEffects.schema,
});

export type PolicyEffects = z.infer<typeof policyEffectsSchema>;

export const defaultPolicyEffects: PolicyEffects = {
  strictIntake: strictIntakeEffects.defaults,
  guidance: intensiveGuidanceEffects.defaults,
  sanctions: sanctionsEffects.defaults,
  tegenprestatie: tegenprestatieEffects.defaults,
  softOutreach: softOutreachEffects.defaults,
  earningsDisregard: earningsDisregardEffects.defaults,
  exemption: exemptionEffects.defaults,
  training: trainingEffects.defaults,
  employerAccounts: employerAccountsEffects.defaults,
  triage: triageEffects.defaults,
  outsourcing: outsourcingEffects.defaults,
  debtHelp: debtHelpEffects.defaults,
  entrepreneurship: entrepreneurshipEffects.defaults,
  socialActivation: socialActivationEffects.defaults,
  cohort: cohortEffects.defaults,
};

/** Any group, any field: merged over the defaults. */
export const policyEffectsOverrideSchema = z.strictObject({
  strictIntake: strictIntakeEffects.schema.partial().optional(),
  guidance: intensiveGuidanceEffects.schema.partial().optional(),
  sanctions: sanctionsEffects.schema.partial().optional(),
  tegenprestatie: tegenprestatieEffects.schema.partial().optional(),
  softOutreach: softOutreachEffects.schema.partial().optional(),
  earningsDisregard: earningsDisregardEffects.schema.partial().optional(),
  exemption: exemptionEffects.schema.partial().optional(),
  training: trainingEffects.schema.partial().optional(),
  employerAccounts: employerAccountsEffects.schema.partial().optional(),
  triage: triageEffects.schema.partial().optional(),
  outsourcing: outsourcingEffects.schema.partial().optional(),
  debtHelp: debtHelpEffects.schema.partial().optional(),
  entrepreneurship: entrepreneurshipEffects.schema.partial().optional(),
  socialActivation: socialActivationEffects.schema.partial().optional(),
  cohort: cohortEffects.schema.partial().optional(),
});

export type PolicyEffectsOverride = z.infer<typeof policyEffectsOverrideSchema>;

export function mergePolicyEffects(base: PolicyEffects, o: PolicyEffectsOverride = {}): PolicyEffects {
  const out: Record<string, object> = {};
  for (const [k, v] of Object.entries(base)) out[k] = { ...v, ...(o as Record<string, object | undefined>)[k] };
  return out as PolicyEffects;
}

/** Which effect group each policy type reads. */
export const EFFECT_KEY_OF_TYPE: Record<string, keyof PolicyEffects> = {
  'strict-intake': 'strictIntake',
  'intensive-guidance': 'guidance',
  'sanctions': 'sanctions',
  'tegenprestatie': 'tegenprestatie',
  'soft-outreach': 'softOutreach',
  'earnings-disregard': 'earningsDisregard',
  'exemption': 'exemption',
  'training': 'training',
  'employer-accounts': 'employerAccounts',
  'triage': 'triage',
  'outsourcing': 'outsourcing',
  'debt-help': 'debtHelp',
  'entrepreneurship': 'entrepreneurship',
  'social-activation': 'socialActivation',
  'cohort': 'cohort',
};
