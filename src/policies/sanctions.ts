/**
 * sanctions: NOT IMPLEMENTED YET (a stub awaiting its mechanism; building it throws).
 */
import { z } from 'zod';
import type { Behaviour } from '../model/behaviour.ts';
import type { Intervention } from './types.ts';

export const sanctionsSchema = z.strictObject({
  type: z.literal('sanctions'),
  label: z.string().optional(),
});

export type SanctionsParams = z.infer<typeof sanctionsSchema>;

/** Shared effect sizes (behaviour.policyEffects.sanctions). */
export const sanctionsEffects = {
  schema: z.strictObject({}),
  defaults: {},
};

export function sanctions(p: SanctionsParams, _behaviour: Behaviour, _index: number): Intervention {
  throw new Error(`policy '${p.type}' is not implemented yet`);
}
