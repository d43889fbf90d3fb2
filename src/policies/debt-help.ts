/**
 * debt-help: NOT IMPLEMENTED YET (a stub awaiting its mechanism; building it throws).
 */
import { z } from 'zod';
import type { Behaviour } from '../model/behaviour.ts';
import type { Intervention } from './types.ts';

export const debtHelpSchema = z.strictObject({
  type: z.literal('debt-help'),
  label: z.string().optional(),
});

export type DebtHelpParams = z.infer<typeof debtHelpSchema>;

/** Shared effect sizes (behaviour.policyEffects.debtHelp). */
export const debtHelpEffects = {
  schema: z.strictObject({}),
  defaults: {},
};

export function debtHelp(p: DebtHelpParams, _behaviour: Behaviour, _index: number): Intervention {
  throw new Error(`policy '${p.type}' is not implemented yet`);
}
