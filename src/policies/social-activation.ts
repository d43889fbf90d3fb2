/**
 * social-activation: NOT IMPLEMENTED YET (a stub awaiting its mechanism; building it throws).
 */
import { z } from 'zod';
import type { Behaviour } from '../model/behaviour.ts';
import type { Intervention } from './types.ts';

export const socialActivationSchema = z.strictObject({
  type: z.literal('social-activation'),
  label: z.string().optional(),
});

export type SocialActivationParams = z.infer<typeof socialActivationSchema>;

/** Shared effect sizes (behaviour.policyEffects.socialActivation). */
export const socialActivationEffects = {
  schema: z.strictObject({}),
  defaults: {},
};

export function socialActivation(p: SocialActivationParams, _behaviour: Behaviour, _index: number): Intervention {
  throw new Error(`policy '${p.type}' is not implemented yet`);
}
