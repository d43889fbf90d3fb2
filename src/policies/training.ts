/**
 * training: NOT IMPLEMENTED YET (a stub awaiting its mechanism; building it throws).
 */
import { z } from 'zod';
import type { Behaviour } from '../model/behaviour.ts';
import type { Intervention } from './types.ts';

export const trainingSchema = z.strictObject({
  type: z.literal('training'),
  label: z.string().optional(),
});

export type TrainingParams = z.infer<typeof trainingSchema>;

/** Shared effect sizes (behaviour.policyEffects.training). */
export const trainingEffects = {
  schema: z.strictObject({}),
  defaults: {},
};

export function training(p: TrainingParams, _behaviour: Behaviour, _index: number): Intervention {
  throw new Error(`policy '${p.type}' is not implemented yet`);
}
