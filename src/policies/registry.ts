/**
 * The policy catalogue: each policy type's schema (for model files) and its constructor.
 * Adding a policy = one file with a schema and a factory, and one line in each list below.
 */
import { z } from 'zod';
import type { Behaviour } from '../model/behaviour.ts';
import type { Intervention } from './types.ts';
import { strictIntake, strictIntakeSchema } from './strict-intake.ts';
import { intensiveGuidance, intensiveGuidanceSchema } from './intensive-guidance.ts';

export const policySchema = z.discriminatedUnion('type', [strictIntakeSchema, intensiveGuidanceSchema]);

export type PolicySpec = z.infer<typeof policySchema>;

/** Builds the interventions of a scenario, in the order the model lists them. */
export function buildPolicies(specs: readonly PolicySpec[], behaviour: Behaviour): Intervention[] {
  return specs.map((spec, index) => {
    switch (spec.type) {
      case 'strict-intake':
        return strictIntake(spec, behaviour.policyEffects.strictIntake.employabilityTilt);
      case 'intensive-guidance':
        return intensiveGuidance(spec, behaviour, index);
    }
  });
}
