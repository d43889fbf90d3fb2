/** Targeting: which recipients a programme is for. Every bound is optional; none means everyone. */
import { z } from 'zod';
import type { Agents } from '../agents/columns.ts';
import { luckOf, Purpose } from '../random/luck.ts';

export const targetSchema = z.strictObject({
  minAge: z.number().min(15).max(70).optional(),
  maxAge: z.number().min(15).max(70).optional().describe('exclusive'),
  minYearsOnBenefit: z.number().min(0).max(50).optional(),
  maxYearsOnBenefit: z.number().min(0).max(50).optional().describe('exclusive'),
  rungs: z.array(z.number().int().min(1).max(6)).min(1).optional().describe('participation-ladder rungs'),
  multiProblem: z.boolean().optional().describe('true: only multi-problem people; false: only those without'),
  minMotivation: z.number().min(0).max(1).optional(),
  maxMotivation: z.number().min(0).max(1).optional().describe('exclusive'),
  /**
   * A randomised trial's lottery (Participatiewet experiments, seed 003): a share of people volunteer,
   * and each volunteer is assigned to one of `arms` arms by a fixed per-person draw. Programmes with
   * the same `arms` and different `arm` get disjoint groups.
   */
  lottery: z.strictObject({
    arms: z.number().int().min(2).max(20),
    arm: z.number().int().min(0).max(19),
    volunteerShare: z.number().min(0).max(1).default(1),
    /**
     * `lottery`: every arm by the draw. `choice`: the draw only decides who is in the control arm
     * (arm 0, a share 1/arms); the other volunteers choose their arm, which the programme states
     * with its other target fields (e.g. a motivation range), so the arms' targets must partition them.
     */
    assignment: z.enum(['lottery', 'choice']).default('lottery'),
  }).optional(),
});

export type Target = z.infer<typeof targetSchema>;

/** A compiled eligibility test on a slot (month units, a rung bitmask). */
export type Eligibility = (agents: Agents, i: number) => boolean;

/**
 * A target with bounds only (no motivation range, no lottery) as numbers, so that a scan over every
 * slot can test them inline instead of calling a closure per slot; `undefined` for other targets.
 */
export interface TargetBounds {
  minAge: number; maxAge: number;
  minDur: number; maxDur: number;
  /** Bit r set: rung r is in the target. */
  rungMask: number;
  /** 1 or 0: multiProblem must equal it; -1: either. */
  multiProblem: number;
}

export function targetBounds(t: Target = {}): TargetBounds | undefined {
  if (t.minMotivation !== undefined || t.maxMotivation !== undefined || t.lottery) return undefined;
  let rungMask = 0;
  for (const r of t.rungs ?? [1, 2, 3, 4, 5, 6]) rungMask |= 1 << r;
  return {
    minAge: (t.minAge ?? 0) * 12,
    maxAge: (t.maxAge ?? 200) * 12,
    minDur: (t.minYearsOnBenefit ?? 0) * 12,
    maxDur: (t.maxYearsOnBenefit ?? 1000) * 12,
    rungMask,
    multiProblem: t.multiProblem === undefined ? -1 : t.multiProblem ? 1 : 0,
  };
}

export function compileTarget(t: Target = {}): Eligibility {
  const minAge = (t.minAge ?? 0) * 12;
  const maxAge = (t.maxAge ?? 200) * 12;
  const minDur = (t.minYearsOnBenefit ?? 0) * 12;
  const maxDur = (t.maxYearsOnBenefit ?? 1000) * 12;
  let rungMask = 0;
  for (const r of t.rungs ?? [1, 2, 3, 4, 5, 6]) rungMask |= 1 << r;
  const mp = t.multiProblem === undefined ? -1 : t.multiProblem ? 1 : 0;
  if (t.minMotivation !== undefined || t.maxMotivation !== undefined) {
    const lo = t.minMotivation ?? 0, hi = t.maxMotivation ?? 2;
    const rest = compileTarget({ ...t, minMotivation: undefined, maxMotivation: undefined });
    return (a, i) => a.motivation[i] >= lo && a.motivation[i] < hi && rest(a, i);
  }
  const lot = t.lottery;
  if (lot) {
    const base = compileTarget({ ...t, lottery: undefined });
    const byChoice = lot.assignment === 'choice' && lot.arm !== 0;
    return (a, i) => {
      if (!base(a, i) || luckOf(a.luckKey[i], 0, Purpose.volunteer) >= lot.volunteerShare) return false;
      const drawn = Math.floor(luckOf(a.luckKey[i], 0, Purpose.lottery) * lot.arms);
      return byChoice ? drawn !== 0 : drawn === lot.arm;
    };
  }
  return (a, i) =>
    a.ageMonths[i] >= minAge && a.ageMonths[i] < maxAge &&
    a.monthsOnBenefit[i] >= minDur && a.monthsOnBenefit[i] < maxDur &&
    (rungMask & (1 << a.rung[i])) !== 0 &&
    (mp < 0 || a.multiProblem[i] === mp);
}
