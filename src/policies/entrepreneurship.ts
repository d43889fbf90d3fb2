/**
 * entrepreneurship: NOT IMPLEMENTED YET (a stub awaiting its mechanism; building it throws).
 */
import { z } from 'zod';
import type { Behaviour } from '../model/behaviour.ts';
import type { Intervention } from './types.ts';

export const entrepreneurshipSchema = z.strictObject({
  type: z.literal('entrepreneurship'),
  label: z.string().optional(),
});

export type EntrepreneurshipParams = z.infer<typeof entrepreneurshipSchema>;

/** Shared effect sizes (behaviour.policyEffects.entrepreneurship). */
export const entrepreneurshipEffects = {
  schema: z.strictObject({}),
  defaults: {},
};

export function entrepreneurship(p: EntrepreneurshipParams, _behaviour: Behaviour, _index: number): Intervention {
  throw new Error(`policy '${p.type}' is not implemented yet`);
}
