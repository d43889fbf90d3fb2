/**
 * Social activation: Waalwijk sets aside EUR 150,000 to get people who have long sat at home
 * "socially active again. That need not be paid work straight away, it can also mean that people
 * take part in society again"; a self-employed coach looks for suitable activities for recipients
 * "without prospects of work" (seed 001).
 *
 * Mechanism, for each participant (a programme with places): an activity without a work goal.
 * Each month the person climbs a rung of the participation ladder with a monthly chance (up to
 * rung 4, unpaid work), regains motivation, and a multi-problem situation (health, isolation)
 * resolves with a monthly chance. There is no push to search; the activity takes some time and
 * attention, a small lock-in (`searchMult *= 1 - lockIn`). Work may follow later through the better
 * traits, after the participation.
 *
 * Choices: places, duration and costs are the model's (Waalwijk's EUR 150k can be a
 * `fixedCostPerMonth` over the project's months); every shared effect size is a default awaiting
 * calibration.
 */
import { z } from 'zod';
import type { Behaviour } from '../model/behaviour.ts';
import { buildProgramme, enrolmentWindow, euros, programmeFields, programmeHooks } from './programme.ts';
import type { Intervention } from './types.ts';
import { activateMembers, type Activation, type ActivationGains } from './activation.ts';

/** Luck purposes of this policy: climbing a rung, a multi-problem situation resolving. */
const RUNG_DRAW = 38;
const HEALTH_DRAW = 39;
/** Social activities lift people at most to rung 4 of the participation ladder (unpaid work, volunteering). */
const TOP_RUNG = 4;

export const socialActivationSchema = z.strictObject({
  type: z.literal('social-activation'),
  ...programmeFields,
  /** Who is invited (Waalwijk: the long-term inactive, e.g. `minYearsOnBenefit: 3, rungs: [1, 2]`). */
  target: programmeFields.target,
  /** EUR per participant-month (the activity, a coach's hours). */
  costPerParticipantMonth: euros.perParticipantMonth.default(0),
  /** EUR per month whatever the number of participants (Waalwijk: EUR 150k for the projects). */
  fixedCostPerMonth: euros.perMonth.default(0),
  ...enrolmentWindow,
});

export type SocialActivationParams = z.infer<typeof socialActivationSchema>;

/** Shared effect sizes (behaviour.policyEffects.socialActivation). */
export const socialActivationEffects = {
  schema: z.strictObject({
    /** Monthly chance of climbing one ladder rung (up to rung 4). */
    rungUpPerMonth: z.number().min(0).max(0.5),
    /** Motivation regained per month in the activity. */
    motivationGainPerMonth: z.number().min(0).max(0.1),
    /** Monthly chance that a multi-problem situation (health, isolation) resolves. */
    multiProblemResolvedPerMonth: z.number().min(0).max(0.5),
    /** Share of search effort lost while in the activity (a small lock-in: no work goal, some hours taken). */
    lockIn: z.number().min(0).max(1),
  }),
  /**
   * `lockIn` 0.15 is set so that, during participation, what the better traits add to the chance
   * of work and what the lock-in takes about cancel (no work goal: Waalwijk asks for no paid work);
   * with 0.1 the participants of the test fixture leave for work ~7 % more often, with 0 ~16 %.
   */
  defaults: { rungUpPerMonth: 0.04, motivationGainPerMonth: 0.008, multiProblemResolvedPerMonth: 0.015, lockIn: 0.15 },
};

export function socialActivation(p: SocialActivationParams, behaviour: Behaviour, index: number): Intervention {
  const fx = behaviour.policyEffects.socialActivation;
  /** Scratch: the members activated this month. */
  let activated = new Int32Array(1024);
  /** The month's activation (`activateMembers`). */
  const activation: Activation = { changed: 0, motivation: 0, employability: 0 };
  const gains: ActivationGains = { motivationPerMonth: fx.motivationGainPerMonth, rungUpPerMonth: fx.rungUpPerMonth, rungDraw: RUNG_DRAW, topRung: TOP_RUNG, resolvePerMonth: fx.multiProblemResolvedPerMonth, resolveDraw: HEALTH_DRAW };
  const search = 1 - fx.lockIn;
  const programme = buildProgramme(p, 'socialActivation', 3300, index, 'social activation');
  programme.outcomesCounted = true; // its leavers are counted in the activation's pass (`activateMembers`)
  return {
    type: p.type,
    label: programme.label,
    ...programmeHooks(programme),
    writes: ['searchMult'],
    applyEffects: ({ agents }) => {
      const { members } = programme;
      for (let k = 0; k < programme.participants(); k++) agents.searchMult[members[k]] *= search;
    },
    motivationChange: () => activation.motivation,
    employabilityChange: () => activation.employability,
    developTraits: ({ agents, month, behaviour, employabilityTables, exactKept }) => {
      if (activated.length < programme.participants()) activated = new Int32Array(programme.members.length);
      activateMembers(agents, programme, 0, month, gains, activated, activation, behaviour, employabilityTables, exactKept);
      return activated.subarray(0, activation.changed); // whose traits changed
    },
    cost: () => p.fixedCostPerMonth + programme.participants() * p.costPerParticipantMonth,
  };
}
