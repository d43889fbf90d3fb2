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
import { buildProgramme, enrolmentWindow, euros, programmeFields, programmeHooks } from './programme.ts';
import { PRIORITIES } from './select.ts';
import type { Intervention } from './types.ts';

export const outsourcingSchema = z.strictObject({
  type: z.literal('outsourcing'),
  ...programmeFields,
  /** Who may be outsourced. */
  target: programmeFields.target,
  /** Participants the agency takes at a time. */
  places: z.number().int().min(0).max(1_000_000),
  /** Months a participant stays with the agency. */
  durationMonths: programmeFields.durationMonths,
  /** Who goes first: the easier cases by default (the agency creams). */
  priority: z.enum(PRIORITIES).default('most-employable'),
  ...enrolmentWindow,
  /** EUR per participant-month paid to the agency. */
  feePerParticipantMonth: euros.perParticipantMonth,
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
  const programme = buildProgramme(p, 'outsourcing', 3900, index, 'outsourcing');
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
    label: programme.label,
    ...programmeHooks(programme),
    assign: (ctx) => {
      month = ctx.month;
      programme.assign(ctx);
    },
    writes: ['searchMult', 'employMult'],
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
    cost: () => programme.participants() * p.feePerParticipantMonth + placements() * p.placementFee,
  };
}
