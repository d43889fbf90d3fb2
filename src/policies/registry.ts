/**
 * The policy catalogue: each policy type's schema (for model files) and its constructor.
 * Adding a policy = one file with a schema, its effect group and a factory, and one line in each
 * list below (and in `effects.ts`).
 */
import { z } from 'zod';
import type { Behaviour } from '../model/behaviour.ts';
import type { Intervention } from './types.ts';
import { strictIntake, strictIntakeSchema } from './strict-intake.ts';
import { intensiveGuidance, intensiveGuidanceSchema } from './intensive-guidance.ts';
import { sanctions, sanctionsSchema } from './sanctions.ts';
import { tegenprestatie, tegenprestatieSchema } from './tegenprestatie.ts';
import { softOutreach, softOutreachSchema } from './soft-outreach.ts';
import { earningsDisregard, earningsDisregardSchema } from './earnings-disregard.ts';
import { exemption, exemptionSchema } from './exemption.ts';
import { training, trainingSchema } from './training.ts';
import { employerAccounts, employerAccountsSchema } from './employer-accounts.ts';
import { triage, triageSchema } from './triage.ts';
import { outsourcing, outsourcingSchema } from './outsourcing.ts';
import { debtHelp, debtHelpSchema } from './debt-help.ts';
import { entrepreneurship, entrepreneurshipSchema } from './entrepreneurship.ts';
import { socialActivation, socialActivationSchema } from './social-activation.ts';
import { cohort, cohortSchema } from './cohort.ts';

export const policySchema = z.discriminatedUnion('type', [
  strictIntakeSchema,
  intensiveGuidanceSchema,
  sanctionsSchema,
  tegenprestatieSchema,
  softOutreachSchema,
  earningsDisregardSchema,
  exemptionSchema,
  trainingSchema,
  employerAccountsSchema,
  triageSchema,
  outsourcingSchema,
  debtHelpSchema,
  entrepreneurshipSchema,
  socialActivationSchema,
  cohortSchema,
]);

export type PolicySpec = z.infer<typeof policySchema>;

/** The policy types, as model files name them. */
export const POLICY_TYPES = ['strict-intake', 'intensive-guidance', 'sanctions', 'tegenprestatie', 'soft-outreach', 'earnings-disregard', 'exemption', 'training', 'employer-accounts', 'triage', 'outsourcing', 'debt-help', 'entrepreneurship', 'social-activation', 'cohort'] as const;

/** Builds the interventions of a scenario, in the order the model lists them. */
export function buildPolicies(specs: readonly PolicySpec[], behaviour: Behaviour): Intervention[] {
  return specs.map((spec, index) => {
    switch (spec.type) {
      case 'strict-intake':
        return strictIntake(spec, behaviour, index);
      case 'intensive-guidance':
        return intensiveGuidance(spec, behaviour, index);
      case 'sanctions':
        return sanctions(spec, behaviour, index);
      case 'tegenprestatie':
        return tegenprestatie(spec, behaviour, index);
      case 'soft-outreach':
        return softOutreach(spec, behaviour, index);
      case 'earnings-disregard':
        return earningsDisregard(spec, behaviour, index);
      case 'exemption':
        return exemption(spec, behaviour, index);
      case 'training':
        return training(spec, behaviour, index);
      case 'employer-accounts':
        return employerAccounts(spec, behaviour, index);
      case 'triage':
        return triage(spec, behaviour, index);
      case 'outsourcing':
        return outsourcing(spec, behaviour, index);
      case 'debt-help':
        return debtHelp(spec, behaviour, index);
      case 'entrepreneurship':
        return entrepreneurship(spec, behaviour, index);
      case 'social-activation':
        return socialActivation(spec, behaviour, index);
      case 'cohort':
        return cohort(spec, behaviour, index);
    }
  });
}
