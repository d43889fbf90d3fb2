/**
 * exemption: NOT IMPLEMENTED YET (a stub awaiting its mechanism; building it throws).
 */
import { z } from 'zod';
import type { Behaviour } from '../model/behaviour.ts';
import type { Intervention } from './types.ts';

export const exemptionSchema = z.strictObject({
  type: z.literal('exemption'),
  label: z.string().optional(),
});

export type ExemptionParams = z.infer<typeof exemptionSchema>;

/** Shared effect sizes (behaviour.policyEffects.exemption). */
export const exemptionEffects = {
  schema: z.strictObject({}),
  defaults: {},
};

export function exemption(p: ExemptionParams, _behaviour: Behaviour, _index: number): Intervention {
  throw new Error(`policy '${p.type}' is not implemented yet`);
}
