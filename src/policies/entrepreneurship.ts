/**
 * Entrepreneurship: "Ondernemend uit de bijstand" (Den Haag's pilot, seed 001, to be extended as
 * part of getting at least 500 extra people a year into jobs). Recipients who are motivated and
 * skilled enough (`minMotivation`, `minSkills`, plus a target) get business coaching; each month a
 * participant starts a business with probability `baseStartPerMonth x (skills / 0.5) x
 * (motivation / 0.5)` (the base is for someone at 0.5 on both; capped at 0.5). A start is an exit
 * to work outside the vacancy competition: self-employment does not compete for vacancies, so it
 * goes through `ownWorkHazard` and leaves other recipients' chances alone. Businesses that fail
 * are not modelled separately: the revolving door (job loss, return to benefit) applies to them.
 *
 * Realisation: each participant's start is drawn from their own luck (purpose 54) and a start is
 * given a certain exit to work (`ownWorkHazard` of `START_HAZARD`). Under independent competing
 * risks this is the same as an additive hazard `-ln(1 - p)`, and it tells exactly who started, so
 * the start-up grant is paid per actual start (a start that coincides with reaching pension age is
 * not paid). Costs: coaching per participant-month plus the grant per start.
 *
 * The seeds give no figures for the pilot; places, thresholds, costs and the start rate are choices.
 * Why not a `Programme`: the thresholds are an eligibility a `target` cannot express, so the places
 * are kept here with the same rules (end on leaving benefit or after the duration, fill free places
 * from the eligible by priority with `selectTop`).
 */
import { z } from 'zod';
import { State } from '../agents/columns.ts';
import type { Behaviour } from '../model/behaviour.ts';
import { luckOf } from '../random/luck.ts';
import { openWindow, Programme, programmeHooks } from './programme.ts';
import { PRIORITIES } from './select.ts';
import { targetSchema } from './target.ts';
import type { Intervention } from './types.ts';

/** Luck purpose: whether a participant starts a business this month (55 is kept free for entrepreneurship). */
const PURPOSE_START = 54;
/** The additive work hazard that makes a drawn start a certain exit to work (1 - e^-1e4 = 1). */
const START_HAZARD = 1e4;

export const entrepreneurshipSchema = z.strictObject({
  type: z.literal('entrepreneurship'),
  label: z.string().optional(),
  /** Who may join, besides the thresholds below. */
  target: targetSchema.default({}),
  /** Motivation (0-1) needed at enrolment. */
  minMotivation: z.number().min(0).max(1).default(0.6),
  /** Skills (0-1) needed at enrolment. */
  minSkills: z.number().min(0).max(1).default(0.5),
  /** Participants at a time. */
  places: z.number().int().min(0).max(1_000_000),
  /** Months of coaching. */
  durationMonths: z.number().int().min(1).max(120),
  priority: z.enum(PRIORITIES).default('random'),
  ...openWindow,
  /** EUR per participant-month of coaching. */
  coachingPerParticipantMonth: z.number().min(0).max(1e5),
  /** EUR per business started (start-up grant or loan written off). */
  startupGrant: z.number().min(0).max(1e6).default(0),
});

export type EntrepreneurshipParams = z.infer<typeof entrepreneurshipSchema>;

/** Shared effect sizes (behaviour.policyEffects.entrepreneurship). */
export const entrepreneurshipEffects = {
  schema: z.strictObject({
    /** Probability per month of starting a business for a participant at skills = motivation = 0.5. */
    baseStartPerMonth: z.number().min(0).max(0.5),
  }),
  defaults: { baseStartPerMonth: 0.02 },
};

/** The monthly probability that a participant with these traits starts a business. */
function startProbability(base: number, skills: number, motivation: number): number {
  return Math.min(0.5, base * (skills / 0.5) * (motivation / 0.5));
}

export function entrepreneurship(p: EntrepreneurshipParams, behaviour: Behaviour, index: number): Intervention {
  const base = behaviour.policyEffects.entrepreneurship.baseStartPerMonth;
  const programme = new Programme({
    column: `entrepreneurship#${index}`,
    label: p.label ?? 'entrepreneurship',
    id: 4100 + index,
    target: p.target,
    eligible: (a, i) => a.motivation[i] >= p.minMotivation && a.skills[i] >= p.minSkills,
    places: p.places,
    durationMonths: p.durationMonths,
    priority: p.priority,
    openFromMonth: p.openFromMonth,
    openUntilMonth: p.openUntilMonth,
  });
  // Those who drew a start this month, and of them those who left for work (counted after the exits).
  let starters = new Int32Array(1024);
  let starts = 0;
  let started = 0;

  return {
    type: p.type,
    label: programme.label,
    ...programmeHooks(programme),
    writes: ['ownWorkHazard'],
    applyEffects: ({ agents, month }) => {
      const { skills, motivation, luckKey, ownWorkHazard } = agents;
      const { members } = programme;
      if (starters.length < agents.size) starters = new Int32Array(agents.capacity);
      starts = 0;
      started = 0;
      for (let k = 0; k < programme.participants(); k++) {
        const i = members[k];
        if (luckOf(luckKey[i], month, PURPOSE_START) >= startProbability(base, skills[i], motivation[i])) continue;
        ownWorkHazard[i] += START_HAZARD;
        starters[starts++] = i;
      }
    },
    developTraits: ({ agents }) => {
      const { state } = agents;
      for (let k = 0; k < starts; k++) if (state[starters[k]] === State.inWork) started++;
      programme.advance(agents);
    },
    cost: () => programme.participants() * p.coachingPerParticipantMonth + started * p.startupGrant,
  };
}
