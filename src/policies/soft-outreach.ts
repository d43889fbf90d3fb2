/**
 * Soft outreach: Amsterdam's "Meedoen werkt" (seed 002). A friendly letter that opens with "how are
 * you?" and an invitation to take part, no threat of a benefit cut, eight teams (seven for the
 * districts and a flying one), EUR 8M a year; "15,000 people in motion in two years", people far
 * from the labour market. "Most people respond well to the soft approach" (a reader, seed 002).
 *
 * Mechanism, for each participant (a programme with places; the letter reaches as many as there
 * are places): each month in the programme the person climbs a rung of the participation ladder
 * with a monthly chance (up to rung 4, unpaid work: being "in motion" is not yet a job), regains
 * motivation, and searches a little more (`searchMult *= 1 + searchGain`). No lock-in (no hours
 * are imposed) and no sanctions, so no one is removed from benefit by it.
 *
 * Choices: places, duration and costs are the model's (Amsterdam: EUR 8M a year as
 * `fixedCostPerMonth` 667k); every shared effect size is a default awaiting calibration.
 */
import { z } from 'zod';
import type { Behaviour } from '../model/behaviour.ts';
import { buildProgramme, enrolmentWindow, euros, programmeFields, programmeHooks } from './programme.ts';
import type { Intervention } from './types.ts';
import { activateMembers, type Activation, type ActivationGains } from './activation.ts';

/** Luck purpose of this policy: climbing a rung (purpose 37 is reserved for it and unused). */
const RUNG_DRAW = 36;
/** Being "in motion" lifts people at most to rung 4 of the participation ladder (unpaid work). */
const TOP_RUNG = 4;

export const softOutreachSchema = z.strictObject({
  type: z.literal('soft-outreach'),
  ...programmeFields,
  /** Who is invited (Amsterdam: people far from the labour market, e.g. `rungs: [1, 2, 3]`). */
  target: programmeFields.target,
  /** Participants at a time (Amsterdam: 15,000 in two years). */
  places: programmeFields.places,
  /** EUR per participant-month (activities, small budgets). */
  costPerParticipantMonth: euros.perParticipantMonth.default(0),
  /** EUR per month for the teams, whatever the number of participants (Amsterdam: EUR 8M a year). */
  fixedCostPerMonth: euros.perMonth.default(0),
  ...enrolmentWindow,
});

export type SoftOutreachParams = z.infer<typeof softOutreachSchema>;

/** Shared effect sizes (behaviour.policyEffects.softOutreach). */
export const softOutreachEffects = {
  schema: z.strictObject({
    /** Monthly chance of climbing one ladder rung (up to rung 4). */
    rungUpPerMonth: z.number().min(0).max(0.5),
    /** Motivation regained per month in the programme. */
    motivationGainPerMonth: z.number().min(0).max(0.1),
    /** Search effort gain while in the programme (x (1 + gain)); small: work is not the first aim. */
    searchGain: z.number().min(0).max(2),
  }),
  defaults: { rungUpPerMonth: 0.04, motivationGainPerMonth: 0.01, searchGain: 0.05 },
};

export function softOutreach(p: SoftOutreachParams, behaviour: Behaviour, index: number): Intervention {
  const fx = behaviour.policyEffects.softOutreach;
  /** Scratch: the members activated this month. */
  let activated = new Int32Array(1024);
  /** The month's activation (`activateMembers`). */
  const activation: Activation = { changed: 0, motivation: 0, employability: 0 };
  const gains: ActivationGains = { motivationPerMonth: fx.motivationGainPerMonth, rungUpPerMonth: fx.rungUpPerMonth, rungDraw: RUNG_DRAW, topRung: TOP_RUNG };
  const search = 1 + fx.searchGain;
  const programme = buildProgramme(p, 'softOutreach', 3200, index, 'soft outreach');
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
