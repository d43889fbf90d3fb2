/**
 * Outsourcing to a temp agency (Almere, seed 004: "everything that does not need this tailoring,
 * Randstad does. They are faster and more effective. We then have more time for the group that is
 * hard to place"). The bulk of the easier cases go to the agency: a programme whose places are
 * filled by default with the most employable eligible (`priority: 'most-employable'`, the
 * "creaming" an agency paid by result does). The agency's job-search coaching and its employer
 * network raise participants' search effort and employability (`agencySearchGain`,
 * `agencyEmployGain`). It is paid a fee per participant-month plus a placement fee for each
 * participant who leaves for work (counted from the programme's cohort outcomes of the month).
 *
 * The seeds give no places, fees or effect sizes for the Almere contract; the defaults are choices.
 */
import { z } from 'zod';
import type { Behaviour } from '../model/behaviour.ts';
import { enrolmentWindow, Programme } from './programme.ts';
import { PRIORITIES } from './select.ts';
import { targetSchema } from './target.ts';
import type { Intervention } from './types.ts';

export const outsourcingSchema = z.strictObject({
  type: z.literal('outsourcing'),
  label: z.string().optional(),
  /** Who may be outsourced. */
  target: targetSchema.default({}),
  /** Participants the agency takes at a time. */
  places: z.number().int().min(0).max(1_000_000),
  /** Months a participant stays with the agency. */
  durationMonths: z.number().int().min(1).max(120),
  /** Who goes first: the easier cases by default (the agency creams). */
  priority: z.enum(PRIORITIES).default('most-employable'),
  ...enrolmentWindow,
  /** EUR per participant-month paid to the agency. */
  feePerParticipantMonth: z.number().min(0).max(1e5),
  /** EUR per participant who leaves for work (paid in the month of the placement). */
  placementFee: z.number().min(0).max(1e6).default(0),
});

export type OutsourcingParams = z.infer<typeof outsourcingSchema>;

/** Shared effect sizes (behaviour.policyEffects.outsourcing). */
export const outsourcingEffects = {
  schema: z.strictObject({
    /** Search effort x (1 + gain): the agency's job-search coaching and pressure. */
    agencySearchGain: z.number().min(0).max(5),
    /** Employability x (1 + gain): the agency's employer network, direct placement. */
    agencyEmployGain: z.number().min(0).max(5),
  }),
  defaults: { agencySearchGain: 0.4, agencyEmployGain: 0.3 },
};

export function outsourcing(p: OutsourcingParams, behaviour: Behaviour, index: number): Intervention {
  const fx = behaviour.policyEffects.outsourcing;
  const search = 1 + fx.agencySearchGain;
  const employ = 1 + fx.agencyEmployGain;
  const label = p.label ?? 'outsourcing';
  const programme = new Programme({
    column: `outsourcing#${index}`,
    label,
    id: 3900 + index,
    target: p.target,
    places: p.places,
    durationMonths: p.durationMonths,
    priority: p.priority,
    openFromMonth: p.openFromMonth,
    openUntilMonth: p.openUntilMonth,
  });
  let month = 0;
  /** Participants who left for work this month (`cost` runs after the programme's outcomes are recorded). */
  const placements = (): number => {
    const { months, exitsWork } = programme.outcomes;
    if (month >= months) return 0;
    let n = 0;
    for (let c = 0; c <= month; c++) n += exitsWork[c * months + month];
    return n;
  };
  return {
    type: p.type,
    label,
    programmes: [programme],
    init: (agents, months) => programme.init(agents, months),
    assign: (ctx) => {
      month = ctx.month;
      programme.assign(ctx);
    },
    applyEffects: ({ agents }) => {
      const { members } = programme;
      const { searchMult, employMult } = agents;
      for (let k = 0; k < programme.participants(); k++) {
        const i = members[k];
        searchMult[i] *= search;
        employMult[i] *= employ;
      }
    },
    developTraits: ({ agents }) => programme.advance(agents),
    participants: () => programme.participants(),
    cost: () => programme.participants() * p.feePerParticipantMonth + placements() * p.placementFee,
  };
}
