/**
 * triage: NOT IMPLEMENTED YET (a stub awaiting its mechanism; building it throws).
 */
import { z } from 'zod';
import type { Behaviour } from '../model/behaviour.ts';
import type { Intervention } from './types.ts';

export const triageSchema = z.strictObject({
  type: z.literal('triage'),
  label: z.string().optional(),
});

export type TriageParams = z.infer<typeof triageSchema>;

/** Shared effect sizes (behaviour.policyEffects.triage). */
export const triageEffects = {
  schema: z.strictObject({}),
  defaults: {},
};

export function triage(p: TriageParams, _behaviour: Behaviour, _index: number): Intervention {
  throw new Error(`policy '${p.type}' is not implemented yet`);
}
