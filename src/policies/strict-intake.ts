/**
 * Strict intake / next-day reporting (Emmen's TDC, Rotterdam's mandatory interview; seeds 000, 002):
 * every applicant reports the next day at a training and diagnosis centre; some then withdraw.
 * Those who could find work on their own withdraw more (deterrence rises with employability,
 * `behaviour.policyEffects.strictIntake.employabilityTilt`). Costs a day at the centre per applicant.
 */
import { z } from 'zod';
import type { Behaviour } from '../model/behaviour.ts';
import type { Intervention } from './types.ts';

export const strictIntakeSchema = z.strictObject({
  type: z.literal('strict-intake'),
  label: z.string().optional(),
  /** Share of applicants of average employability who withdraw after the next-day report. */
  deterredShare: z.number().min(0).max(0.9),
  /** EUR per applicant for the intake day and diagnosis. */
  costPerApplicant: z.number().min(0).max(10_000),
  /** EUR per month for the centre's staff and building, whatever the number of applicants. */
  fixedCostPerMonth: z.number().min(0).max(1e8).default(0),
});

export type StrictIntakeParams = z.infer<typeof strictIntakeSchema>;

/** Shared effect sizes (behaviour.policyEffects.strictIntake). */
export const strictIntakeEffects = {
  schema: z.strictObject({
    /** Deterrence probability scales with (relative employability)^tilt: the employable withdraw more. */
    employabilityTilt: z.number().min(0).max(5),
  }),
  defaults: { employabilityTilt: 1 },
};

export function strictIntake(p: StrictIntakeParams, behaviour: Behaviour, _index: number): Intervention {
  const tilt = behaviour.policyEffects.strictIntake.employabilityTilt;
  return {
    type: p.type,
    label: p.label ?? 'strict intake',
    deterrence: (_agents, _i, rel) => Math.min(0.95, p.deterredShare * Math.pow(rel, tilt)),
    participants: () => 0,
    cost: (applicants) => applicants * p.costPerApplicant + p.fixedCostPerMonth,
  };
}
