/**
 * Earnings disregard (inkomstenvrijlating): participants may keep part of what they earn in
 * part-time work on top of the benefit. It is the "may keep part of extra earnings" arm of the
 * Participatiewet experiments in Wageningen and Apeldoorn (seed 003). In Wageningen this arm had
 * the least effect on outflow: "being allowed to earn extra does not make applying any easier". In
 * seed 002 readers complain that the disregard is poorly applied and part-time work is punished.
 *
 * Mechanism, each month, for participants on benefit:
 * - a participant not yet in part-time work starts with probability
 *   `min(0.5, partTimeStartRate x employability)` (employability relative to 1; the more
 *   employable find hours sooner); a part-timer stops with probability `partTimeStopRate`;
 * - a part-timer earns `partTimeEarningsShare x benefit`; the benefit is cut by the earnings minus
 *   the disregarded part, `min(keepShare x earnings, maxKeptPerMonth)`: `withheldBenefit()`;
 * - part-time work is a stepping stone (skills rise by `skillGainPerMonth`) but lowers the
 *   pressure to leave benefit altogether (search x (1 - comfortLoss)).
 * With the defaults the two roughly cancel over two years: a small effect on exits to work, well
 * below intensive guidance's (seed 003's ranking). Part-time status is followed only while someone
 * is in the programme (the model has no part-time work outside it).
 *
 * Numbers: the statutory disregard is 25% of earnings up to about EUR 200 a month (the defaults of
 * `keepShare` and `maxKeptPerMonth`); the seeds give none of the behavioural sizes, which are
 * [choice] until calibration.
 */
import { z } from 'zod';
import { State } from '../agents/columns.ts';
import type { Behaviour } from '../model/behaviour.ts';
import { luckOf } from '../random/luck.ts';
import { buildProgramme, enrolmentWindow, euros, programmeFields, programmeHooks } from './programme.ts';
import type { Intervention } from './types.ts';

/** Luck purposes: starting and stopping part-time work. */
const PURPOSE_START = 40;
const PURPOSE_STOP = 41;
/** Highest monthly probability of starting part-time work, whatever the employability. */
const MAX_START_PER_MONTH = 0.5;

export const earningsDisregardSchema = z.strictObject({
  type: z.literal('earnings-disregard'),
  ...programmeFields,
  /** Who may keep part of their earnings (a trial arm uses a `lottery` target). */
  target: programmeFields.target,
  /** Months the disregard applies to a participant (by law six months, in the experiments longer). */
  durationMonths: programmeFields.durationMonths,
  ...enrolmentWindow,
  /** Share of part-time earnings the participant keeps on top of the benefit. */
  keepShare: z.number().min(0).max(1).default(0.25),
  /** EUR a month at most kept on top of the benefit. */
  maxKeptPerMonth: z.number().min(0).max(10_000).default(200),
  /** EUR per participant-month for administration (income checks, set-off). */
  costPerParticipantMonth: euros.perParticipantMonth,
});

export type EarningsDisregardParams = z.infer<typeof earningsDisregardSchema>;

/** Shared effect sizes (behaviour.policyEffects.earningsDisregard). */
export const earningsDisregardEffects = {
  schema: z.strictObject({
    /** Monthly probability of starting part-time work at employability 1 (scaled by employability). */
    partTimeStartRate: z.number().min(0).max(1),
    /** Monthly probability that part-time work ends. */
    partTimeStopRate: z.number().min(0).max(1),
    /** Part-time earnings as a share of the benefit. */
    partTimeEarningsShare: z.number().min(0).max(1),
    /** Skills gained per month of part-time work (the stepping stone). */
    skillGainPerMonth: z.number().min(0).max(0.05),
    /** Search effort lost by part-timers: less pressure to leave benefit altogether (x (1 - loss)). */
    comfortLoss: z.number().min(0).max(1),
  }),
  defaults: { partTimeStartRate: 0.03, partTimeStopRate: 0.08, partTimeEarningsShare: 0.4, skillGainPerMonth: 0.008, comfortLoss: 0.1 },
};

/** EUR of the benefit withheld from one part-timer in a month: earnings minus the disregarded part. */
export function withheldPerPartTimer(earnings: number, keepShare: number, maxKeptPerMonth: number): number {
  return earnings - Math.min(keepShare * earnings, maxKeptPerMonth);
}

export function earningsDisregard(p: EarningsDisregardParams, behaviour: Behaviour, index: number): Intervention {
  const fx = behaviour.policyEffects.earningsDisregard;
  const search = 1 - fx.comfortLoss;
  const programme = buildProgramme(p, 'earningsDisregard', 3400, index, 'earnings disregard');
  const partTimeColumn = `${programme.rules.column}:partTime`;
  let withheld = 0;
  return {
    type: p.type,
    label: programme.label,
    ...programmeHooks(programme),
    init: (agents, months) => {
      programme.init(agents, months);
      agents.addColumn(partTimeColumn, Uint8Array);
    },
    writes: ['searchMult'],
    applyEffects: ({ agents, month, employability, benefitPerRecipientMonth }) => {
      const partTime = agents.column<Uint8Array>(partTimeColumn);
      const m = programme.months(agents);
      const { members } = programme;
      const { luckKey } = agents;
      const withheldEach = withheldPerPartTimer(fx.partTimeEarningsShare * benefitPerRecipientMonth, p.keepShare, p.maxKeptPerMonth);
      let partTimers = 0;
      for (let k = 0; k < programme.participants(); k++) {
        const i = members[k];
        if (m[i] === 1) partTime[i] = 0; // a new participation starts without hours (the slot may hold an earlier one)
        if (partTime[i] === 1) {
          if (luckOf(luckKey[i], month, PURPOSE_STOP) < fx.partTimeStopRate) partTime[i] = 0;
        } else if (luckOf(luckKey[i], month, PURPOSE_START) < Math.min(MAX_START_PER_MONTH, fx.partTimeStartRate * employability[i])) {
          partTime[i] = 1;
        }
        if (partTime[i] === 1) {
          agents.searchMult[i] *= search;
          partTimers++;
        }
      }
      withheld = partTimers * withheldEach;
    },
    developTraits: ({ agents }) => {
      const partTime = agents.column<Uint8Array>(partTimeColumn);
      const m = programme.months(agents);
      const { skills, state } = agents;
      const { members } = programme;
      for (let k = 0; k < programme.participants(); k++) {
        const i = members[k];
        if (state[i] === State.onBenefit && partTime[i] === 1) skills[i] = Math.min(1, skills[i] + fx.skillGainPerMonth);
        m[i]++;
      }
      return programme.members.subarray(0, programme.participants()); // whose traits may have changed
    },
    withheldBenefit: () => withheld,
    cost: () => programme.participants() * p.costPerParticipantMonth,
  };
}
