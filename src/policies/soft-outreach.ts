/**
 * soft-outreach: NOT IMPLEMENTED YET (a stub awaiting its mechanism; building it throws).
 */
import { z } from 'zod';
import type { Behaviour } from '../model/behaviour.ts';
import type { Intervention } from './types.ts';

export const softOutreachSchema = z.strictObject({
  type: z.literal('soft-outreach'),
  label: z.string().optional(),
});

export type SoftOutreachParams = z.infer<typeof softOutreachSchema>;

/** Shared effect sizes (behaviour.policyEffects.softOutreach). */
export const softOutreachEffects = {
  schema: z.strictObject({}),
  defaults: {},
};

export function softOutreach(p: SoftOutreachParams, _behaviour: Behaviour, _index: number): Intervention {
  throw new Error(`policy '${p.type}' is not implemented yet`);
}
