/**
 * Exemption from job-search obligations: the "rule-free" (regelluw, "eigen regie") arm of the
 * Participatiewet experiments in Wageningen and Apeldoorn (seed 003: no obligation to apply,
 * volunteering allowed, people choose their own work; in Wageningen outflow went from 6% to 11.5%
 * in this arm and the guidance arm), and Rotterdam dropping the job-search obligation for older
 * jobseekers (seed 001). Apeldoorn's example: a man who applied everywhere "to meet the legal
 * obligation" was told he need not, applied only where his heart was, and had a job within weeks.
 *
 * Mechanism, for participants on benefit:
 * - less pressure: fewer applications (search x (1 - pressureLoss));
 * - but targeted, self-chosen applications that succeed more often (employability x (1 + targetedSearchGain));
 * - autonomy restores motivation (+ motivationGainPerMonth);
 * - volunteering: each month a chance `volunteerRungChance` of climbing a participation-ladder
 *   rung, up to rung 4 (unpaid work).
 * The defaults make the net effect on exits to work positive, of the same order as intensive
 * guidance at a moderate caseload (seed 003 found the two arms about equal). All sizes are
 * [choice] until calibration: the seeds give only the arm's combined outcome.
 */
import { z } from 'zod';
import type { Behaviour } from '../model/behaviour.ts';
import { activateMembers, type Activation, type ActivationGains } from './activation.ts';
import { buildProgramme, enrolmentWindow, euros, programmeFields, programmeHooks } from './programme.ts';
import type { Intervention } from './types.ts';

/** Luck purpose of the volunteering rung climb (43 is reserved for this policy). */
const PURPOSE_VOLUNTEER = 42;
/** Volunteering lifts people at most to rung 4, unpaid work. */
const VOLUNTEER_TOP_RUNG = 4;

export const exemptionSchema = z.strictObject({
  type: z.literal('exemption'),
  ...programmeFields,
  /** Who is exempted (Rotterdam: older jobseekers, `minAge`; a trial arm: a `lottery` target). */
  target: programmeFields.target,
  /** Months the exemption lasts for a participant (the experiments ran two years). */
  durationMonths: programmeFields.durationMonths,
  ...enrolmentWindow,
  /** EUR per participant-month (light-touch contact; low). */
  costPerParticipantMonth: euros.perParticipantMonth,
});

export type ExemptionParams = z.infer<typeof exemptionSchema>;

/** Shared effect sizes (behaviour.policyEffects.exemption). */
export const exemptionEffects = {
  schema: z.strictObject({
    /** Search effort lost without the obligation to apply (x (1 - loss)). */
    pressureLoss: z.number().min(0).max(1),
    /** Gain in the success of targeted, self-chosen applications (employability x (1 + gain)). */
    targetedSearchGain: z.number().min(0).max(5),
    /** Motivation gained per month from autonomy. */
    motivationGainPerMonth: z.number().min(0).max(0.1),
    /** Monthly chance that volunteering lifts a participant one ladder rung (up to rung 4). */
    volunteerRungChance: z.number().min(0).max(1),
  }),
  defaults: { pressureLoss: 0.25, targetedSearchGain: 0.7, motivationGainPerMonth: 0.012, volunteerRungChance: 0.03 },
};

export function exemption(p: ExemptionParams, behaviour: Behaviour, index: number): Intervention {
  const fx = behaviour.policyEffects.exemption;
  const search = 1 - fx.pressureLoss;
  const employ = 1 + fx.targetedSearchGain;
  const programme = buildProgramme(p, 'exemption', 3500, index, 'exemption from job-search duties');
  programme.outcomesCounted = true; // its leavers are counted in the activation's pass (`activateMembers`)
  /** Autonomy and volunteering: an activation of every member on benefit from the first month. */
  const gains: ActivationGains = { motivationPerMonth: fx.motivationGainPerMonth, rungUpPerMonth: fx.volunteerRungChance, rungDraw: PURPOSE_VOLUNTEER, topRung: VOLUNTEER_TOP_RUNG };
  /** Scratch: the members activated this month. */
  let activated = new Int32Array(1024);
  /** The month's activation (`activateMembers`). */
  const activation: Activation = { changed: 0, motivation: 0, employability: 0 };
  return {
    type: p.type,
    label: programme.label,
    ...programmeHooks(programme),
    writes: ['searchMult', 'employMult'],
    applyEffects: ({ agents }) => {
      const { members } = programme;
      for (let k = 0; k < programme.participants(); k++) {
        const i = members[k];
        agents.searchMult[i] *= search;
        agents.employMult[i] *= employ;
      }
    },
    developTraits: ({ agents, month, behaviour, employabilityTables, exactKept }) => {
      if (activated.length < programme.participants()) activated = new Int32Array(programme.members.length);
      activateMembers(agents, programme, 0, month, gains, activated, activation, behaviour, employabilityTables, exactKept);
      return activated.subarray(0, activation.changed); // whose traits changed
    },
    motivationChange: () => activation.motivation,
    employabilityChange: () => activation.employability,
    cost: () => programme.participants() * p.costPerParticipantMonth,
  };
}
