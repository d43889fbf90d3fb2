/**
 * Tegenprestatie: compulsory unpaid activity in return for the benefit (Rotterdam, seed 002). It is
 * for the long-term group, on average 51 years old and 11 years on benefit, with low motivation
 * and self-image: "we can start with 1 hour of work a week, the goal is 20. After three or six
 * months people turn out to be glad of our help: more social contacts, more self-confidence and
 * better health." Paid work is not the primary goal (~150 a year reach it); 12,000 "off the couch"
 * in four years; "a hundred officials in 42 districts", "millions a year". Readers reply that it
 * **displaces paid jobs** (a municipal contract worker laid off when a tegenprestatie took over his
 * work).
 *
 * Mechanism, for each participant (a programme with places):
 * - hours per week ramp linearly from `startHoursPerWeek` in the first month to `goalHoursPerWeek`
 *   after `rampMonths` months;
 * - lock-in: while working unpaid hours people search less, `searchMult *= 1 - lockInPer20Hours x
 *   hours / 20` (never below 0);
 * - from the month after `benefitsAfterMonths` months in the programme: motivation rises each month,
 *   a multi-problem situation (health) resolves with a monthly chance, and the person climbs a rung
 *   of the participation ladder with a monthly chance, up to rung 4 (unpaid work);
 * - displacement: the month's vacancies all recipients compete for fall by `displacedJobsPerFte`
 *   per full-time (36-hour) equivalent of the participants' unpaid hours. Everyone then finds work
 *   less often; who loses is decided by the job competition, not assumed.
 *
 * Choices: the ramp length (6 months), the places, duration and costs are the model's; every shared
 * effect size is a default awaiting calibration (the seeds give "3-6 months" for the delay only).
 */
import { z } from 'zod';
import type { Behaviour } from '../model/behaviour.ts';
import { buildProgramme, enrolmentWindow, euros, programmeFields, programmeHooks } from './programme.ts';
import type { Intervention } from './types.ts';
import { activateMembers, type Activation, type ActivationGains } from './activation.ts';

/** Luck purposes of this policy: climbing a rung, a multi-problem situation resolving. */
const RUNG_DRAW = 34;
const HEALTH_DRAW = 35;
/** Unpaid work lifts people at most to rung 4 of the participation ladder ("unpaid work"). */
const TOP_RUNG = 4;
/** Hours of a full-time working week: unpaid hours / 36 = full-time equivalents. */
const FULL_TIME_HOURS = 36;

export const tegenprestatieSchema = z.strictObject({
  type: z.literal('tegenprestatie'),
  ...programmeFields,
  /** Who must take part (Rotterdam: the long-term group, e.g. `minYearsOnBenefit: 5`). */
  target: programmeFields.target,
  /** Participants at a time (Rotterdam: 12,000 in four years). */
  places: programmeFields.places,
  /** Hours per week in the first month (seed 002: "we can start with 1 hour a week"). */
  startHoursPerWeek: z.number().min(0).max(40).default(1),
  /** Hours per week at the end of the ramp (seed 002: "the goal is 20"). */
  goalHoursPerWeek: z.number().min(0).max(40).default(20),
  /** Months from the start to the goal hours (0: the goal from the first month). */
  rampMonths: z.number().int().min(0).max(60).default(6),
  /** EUR per participant-month (placement, supervision, travel). */
  costPerParticipantMonth: euros.perParticipantMonth,
  /** EUR per month for the organisation, whatever the number of participants (Rotterdam: 100 officials in 42 districts). */
  fixedCostPerMonth: euros.perMonth.default(0),
  ...enrolmentWindow,
});

export type TegenprestatieParams = z.infer<typeof tegenprestatieSchema>;

/** Shared effect sizes (behaviour.policyEffects.tegenprestatie). */
export const tegenprestatieEffects = {
  schema: z.strictObject({
    /** Months in the programme before motivation, health and rung improve (seed 002: "after three or six months"). */
    benefitsAfterMonths: z.number().int().min(0).max(24),
    /** Motivation gained per month after the delay (self-confidence, social contacts). */
    motivationGainPerMonth: z.number().min(0).max(0.1),
    /** Monthly chance after the delay that a multi-problem situation resolves (better health). */
    multiProblemResolvedPerMonth: z.number().min(0).max(0.5),
    /** Monthly chance after the delay of climbing one ladder rung (up to rung 4, unpaid work). */
    rungUpPerMonth: z.number().min(0).max(0.5),
    /** Share of search effort lost at 20 unpaid hours a week (lock-in; proportional to hours). */
    lockInPer20Hours: z.number().min(0).max(1),
    /** Vacancies per month lost per full-time equivalent of unpaid work (displacement of paid jobs). */
    displacedJobsPerFte: z.number().min(0).max(1),
  }),
  /**
   * `displacedJobsPerFte` 0.01: about a third of the unpaid work would otherwise be paid work, and
   * such jobs turn over about 3 % a month, so an FTE of unpaid work removes ~0.01 vacancies a month.
   */
  defaults: {
    benefitsAfterMonths: 4,
    motivationGainPerMonth: 0.01,
    multiProblemResolvedPerMonth: 0.015,
    rungUpPerMonth: 0.05,
    lockInPer20Hours: 0.25,
    displacedJobsPerFte: 0.01,
  },
};

/**
 * The lock-in of `members[0 .. n)` (months in the programme in `m`): search x `search[m]`; returns
 * their unpaid hours a week, summed in member order.
 */
function lockIn(members: Int32Array, n: number, m: Int16Array, searchMult: Float32Array, search: Float64Array, hours: Float64Array): number {
  let total = 0;
  for (let k = 0; k < n; k++) {
    const i = members[k];
    searchMult[i] *= search[m[i]];
    total += hours[m[i]];
  }
  return total;
}

export function tegenprestatie(p: TegenprestatieParams, behaviour: Behaviour, index: number): Intervention {
  const fx = behaviour.policyEffects.tegenprestatie;
  const gains: ActivationGains = { motivationPerMonth: fx.motivationGainPerMonth, rungUpPerMonth: fx.rungUpPerMonth, rungDraw: RUNG_DRAW, topRung: TOP_RUNG, resolvePerMonth: fx.multiProblemResolvedPerMonth, resolveDraw: HEALTH_DRAW };
  const programme = buildProgramme(p, 'tegenprestatie', 3100, index, 'tegenprestatie');
  programme.outcomesCounted = true; // its leavers are counted in the activation's pass (`activateMembers`)
  // read once: each replicate's effects object may have another hidden class, and a read of it in
  // the monthly hook threw the compiled hook out (60 deoptimisations in 7 replicates)
  const displaced = fx.displacedJobsPerFte;
  const after = fx.benefitsAfterMonths;
  /** The participants' unpaid hours a week this month (summed in `applyEffects`, for the displacement). */
  let unpaidHours = 0;
  /** Scratch: the members activated this month. */
  let activated = new Int32Array(1024);
  /** The month's activation (`activateMembers`). */
  const activation: Activation = { changed: 0, motivation: 0, employability: 0 };
  // hours per week and search multiplier by month in programme (1 .. duration)
  const hours = new Float64Array(p.durationMonths + 1);
  const search = new Float64Array(p.durationMonths + 1);
  for (let m = 1; m <= p.durationMonths; m++) {
    const ramp = p.rampMonths === 0 ? 1 : Math.min(1, (m - 1) / p.rampMonths);
    hours[m] = p.startHoursPerWeek + (p.goalHoursPerWeek - p.startHoursPerWeek) * ramp;
    search[m] = Math.max(0, 1 - (fx.lockInPer20Hours * hours[m]) / 20);
  }
  return {
    type: p.type,
    label: programme.label,
    ...programmeHooks(programme),
    writes: ['searchMult'],
    applyEffects: ({ agents }) => {
      unpaidHours = lockIn(programme.members, programme.participants(), programme.months(agents), agents.searchMult, search, hours);
    },
    vacancyChange: () => (displaced === 0 ? 0 : -displaced * (unpaidHours / FULL_TIME_HOURS)),
    motivationChange: () => activation.motivation,
    employabilityChange: () => activation.employability,
    developTraits: ({ agents, month, behaviour, employabilityTables, exactKept }) => {
      if (activated.length < programme.participants()) activated = new Int32Array(programme.members.length);
      activateMembers(agents, programme, after, month, gains, activated, activation, behaviour, employabilityTables, exactKept);
      return activated.subarray(0, activation.changed); // whose traits changed (the others' employability stands)
    },
    cost: () => p.fixedCostPerMonth + programme.participants() * p.costPerParticipantMonth,
  };
}
