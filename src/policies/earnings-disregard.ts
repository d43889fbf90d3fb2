/**
 * earnings-disregard: NOT IMPLEMENTED YET (a stub awaiting its mechanism; building it throws).
 */
import { z } from 'zod';
import type { Behaviour } from '../model/behaviour.ts';
import type { Intervention } from './types.ts';

export const earningsDisregardSchema = z.strictObject({
  type: z.literal('earnings-disregard'),
  label: z.string().optional(),
});

export type EarningsDisregardParams = z.infer<typeof earningsDisregardSchema>;

/** Shared effect sizes (behaviour.policyEffects.earningsDisregard). */
export const earningsDisregardEffects = {
  schema: z.strictObject({}),
  defaults: {},
};

export function earningsDisregard(p: EarningsDisregardParams, _behaviour: Behaviour, _index: number): Intervention {
  throw new Error(`policy '${p.type}' is not implemented yet`);
}
