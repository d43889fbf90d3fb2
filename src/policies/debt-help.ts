/**
 * Debt help (Den Haag, seed 001: "help with paying off debts" as part of the plan to get at least
 * 500 extra people a year into jobs). A programme for multi-problem recipients by default
 * (`target.multiProblem: true`): debt restructuring with budget coaching. Each month a participant's
 * debts are settled with probability `settlePerMonth`; settling ends the multi-problem status
 * (which raises employability through the employability index) and completes the participation,
 * freeing the place. While in the programme the stress relief shows as a little more search effort
 * (`reliefSearchGain`) and motivation recovers (`motivationGainPerMonth`).
 *
 * Simplification: `multiProblem` stands for health, debts and care duties together; here debt help
 * resolves it entirely. The seeds give no places, duration, cost or success rate for Den Haag's debt
 * help; the defaults are choices (a settlement chance of 5% a month: about half settled in a year).
 */
import { z } from 'zod';
import { State } from '../agents/columns.ts';
import type { Behaviour } from '../model/behaviour.ts';
import { luckOf } from '../random/luck.ts';
import { buildProgramme, enrolmentWindow, euros, programmeFields, programmeHooks } from './programme.ts';
import { targetSchema } from './target.ts';
import type { Intervention } from './types.ts';

/** Luck purpose: whether a participant's debts are settled this month (53 is kept free for debt help). */
const PURPOSE_SETTLE = 52;

export const debtHelpSchema = z.strictObject({
  type: z.literal('debt-help'),
  ...programmeFields,
  /** Who gets debt help: multi-problem recipients unless stated otherwise. */
  target: targetSchema.default({ multiProblem: true }),
  /** Participants at a time (debt counsellors x their caseload). */
  places: z.number().int().min(0).max(1_000_000),
  /** Months of debt help at most (a participation ends earlier once the debts are settled). */
  durationMonths: programmeFields.durationMonths,
  ...enrolmentWindow,
  /** EUR per participant-month (counsellor time, budget management). */
  costPerParticipantMonth: euros.perParticipantMonth,
});

export type DebtHelpParams = z.infer<typeof debtHelpSchema>;

/** Shared effect sizes (behaviour.policyEffects.debtHelp). */
export const debtHelpEffects = {
  schema: z.strictObject({
    /** Probability per month that a multi-problem participant's debts are settled (multiProblem -> 0). */
    settlePerMonth: z.number().min(0).max(1),
    /** Motivation regained per month in the programme. */
    motivationGainPerMonth: z.number().min(0).max(0.1),
    /** Search effort x (1 + gain) while in the programme: stress relief. */
    reliefSearchGain: z.number().min(0).max(2),
  }),
  defaults: { settlePerMonth: 0.05, motivationGainPerMonth: 0.005, reliefSearchGain: 0.1 },
};

export function debtHelp(p: DebtHelpParams, behaviour: Behaviour, index: number): Intervention {
  const fx = behaviour.policyEffects.debtHelp;
  const relief = 1 + fx.reliefSearchGain;
  const programme = buildProgramme(p, 'debtHelp', 4000, index, 'debt help');
  // a settled participation is moved past the duration: the next assignment completes it
  const completed = p.durationMonths + 1;
  return {
    type: p.type,
    label: programme.label,
    ...programmeHooks(programme),
    writes: ['searchMult'],
    applyEffects: ({ agents }) => {
      const { members } = programme;
      for (let k = 0; k < programme.participants(); k++) agents.searchMult[members[k]] *= relief;
    },
    developTraits: ({ agents, month }) => {
      const m = programme.months(agents);
      const { state, motivation, multiProblem, luckKey } = agents;
      const { members } = programme;
      for (let k = 0; k < programme.participants(); k++) {
        const i = members[k];
        m[i]++;
        if (state[i] !== State.onBenefit) continue;
        motivation[i] = Math.min(1, motivation[i] + fx.motivationGainPerMonth);
        if (multiProblem[i] === 1 && luckOf(luckKey[i], month, PURPOSE_SETTLE) < fx.settlePerMonth) {
          multiProblem[i] = 0;
          m[i] = completed;
        }
      }
      return programme.members.subarray(0, programme.participants()); // whose traits may have changed
    },
    cost: () => programme.participants() * p.costPerParticipantMonth,
  };
}
