/**
 * employer-accounts: NOT IMPLEMENTED YET (a stub awaiting its mechanism; building it throws).
 */
import { z } from 'zod';
import type { Behaviour } from '../model/behaviour.ts';
import type { Intervention } from './types.ts';

export const employerAccountsSchema = z.strictObject({
  type: z.literal('employer-accounts'),
  label: z.string().optional(),
});

export type EmployerAccountsParams = z.infer<typeof employerAccountsSchema>;

/** Shared effect sizes (behaviour.policyEffects.employerAccounts). */
export const employerAccountsEffects = {
  schema: z.strictObject({}),
  defaults: {},
};

export function employerAccounts(p: EmployerAccountsParams, _behaviour: Behaviour, _index: number): Intervention {
  throw new Error(`policy '${p.type}' is not implemented yet`);
}
