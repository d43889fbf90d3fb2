/**
 * An observation cohort: follows everyone matching its target who is on benefit while enrolment is
 * open, and records what became of them (by route and enrolment month), with no effect and no cost.
 * It is how a model states a figure about a group that no programme serves (Almere's "15% of all
 * 45+ recipients on rungs 3-5 left for work in 2015", seed 004) and how a randomised trial's
 * control group is followed (Participatiewet experiments, seed 003: a `lottery` target).
 */
import { z } from 'zod';
import type { Behaviour } from '../model/behaviour.ts';
import { buildProgramme, enrolmentWindow, programmeFields, programmeHooks } from './programme.ts';
import type { Intervention } from './types.ts';

export const cohortSchema = z.strictObject({
  type: z.literal('cohort'),
  /** The name targets use to refer to this cohort. */
  label: z.string(),
  target: programmeFields.target,
  /** Months a member is followed after enrolment (members leaving benefit are counted by route). */
  followMonths: z.number().int().min(1).max(1200),
  /** At most this many members at a time (default: everyone eligible). */
  places: z.number().int().min(1).max(10_000_000).default(10_000_000),
  ...enrolmentWindow,
});

export type CohortParams = z.infer<typeof cohortSchema>;

/** No effect sizes: a cohort only watches. */
export const cohortEffects = {
  schema: z.strictObject({}),
  defaults: {},
};

export function cohort(p: CohortParams, _behaviour: Behaviour, index: number): Intervention {
  const programme = buildProgramme({ ...p, durationMonths: p.followMonths, priority: 'random' }, 'cohort', 9000, index, p.label);
  return {
    type: p.type,
    label: programme.label,
    ...programmeHooks(programme),
    developTraits: ({ agents }) => programme.advance(agents),
    participants: () => 0, // observed, not served: not counted as programme participants
    cost: () => 0,
  };
}
