/**
 * outsourcing: NOT IMPLEMENTED YET (a stub awaiting its mechanism; building it throws).
 */
import { z } from 'zod';
import type { Behaviour } from '../model/behaviour.ts';
import type { Intervention } from './types.ts';

export const outsourcingSchema = z.strictObject({
  type: z.literal('outsourcing'),
  label: z.string().optional(),
});

export type OutsourcingParams = z.infer<typeof outsourcingSchema>;

/** Shared effect sizes (behaviour.policyEffects.outsourcing). */
export const outsourcingEffects = {
  schema: z.strictObject({}),
  defaults: {},
};

export function outsourcing(p: OutsourcingParams, _behaviour: Behaviour, _index: number): Intervention {
  throw new Error(`policy '${p.type}' is not implemented yet`);
}
