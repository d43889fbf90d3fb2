/**
 * tegenprestatie: NOT IMPLEMENTED YET (a stub awaiting its mechanism; building it throws).
 */
import { z } from 'zod';
import type { Behaviour } from '../model/behaviour.ts';
import type { Intervention } from './types.ts';

export const tegenprestatieSchema = z.strictObject({
  type: z.literal('tegenprestatie'),
  label: z.string().optional(),
});

export type TegenprestatieParams = z.infer<typeof tegenprestatieSchema>;

/** Shared effect sizes (behaviour.policyEffects.tegenprestatie). */
export const tegenprestatieEffects = {
  schema: z.strictObject({}),
  defaults: {},
};

export function tegenprestatie(p: TegenprestatieParams, _behaviour: Behaviour, _index: number): Intervention {
  throw new Error(`policy '${p.type}' is not implemented yet`);
}
