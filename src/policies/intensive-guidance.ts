/**
 * Intensive guidance with a lower caseload (Almere 45+, seed 004; Wageningen's "more attention"
 * arm, seed 003). Case managers have a fixed number of working hours; the caseload per manager
 * sets the contact time per client, and contact time drives the effect with diminishing returns:
 * gain = 1 - 2^(-hours / hoursForHalfEffect). Participants search harder, present better to
 * employers and regain motivation. Places = case managers x caseload.
 */
import { z } from 'zod';
import { buildProgramme, enrolmentWindow, euros, programmeFields, programmeHooks } from './programme.ts';
import { State } from '../agents/columns.ts';
import type { Intervention } from './types.ts';
import type { Behaviour } from '../model/behaviour.ts';

export const intensiveGuidanceSchema = z.strictObject({
  type: z.literal('intensive-guidance'),
  // the programme fields one by one: no places (they are caseManagers x caseloadPerManager)
  label: programmeFields.label,
  target: programmeFields.target,
  caseManagers: z.number().min(0).max(10_000),
  /** Clients per full-time case manager (regular bijstand caseloads run at 100-200). */
  caseloadPerManager: z.number().min(1).max(1_000),
  /** Client-contact hours per case manager per month. */
  contactHoursPerManagerMonth: z.number().min(1).max(200).default(100),
  durationMonths: programmeFields.durationMonths,
  priority: programmeFields.priority,
  ...enrolmentWindow,
  /** EUR per case manager per year, all-in. */
  costPerManagerYear: euros.perManagerYear,
  /** EUR per participant-month on top (a tailored budget for courses, travel, tools). */
  budgetPerParticipantMonth: euros.perParticipantMonth.default(0),
});

export type IntensiveGuidanceParams = z.infer<typeof intensiveGuidanceSchema>;

/** The share of the maximum effect that a caseload yields (0-1). */
export function guidanceIntensity(p: IntensiveGuidanceParams, hoursForHalfEffect: number): number {
  const hours = p.contactHoursPerManagerMonth / p.caseloadPerManager;
  return 1 - Math.pow(2, -hours / hoursForHalfEffect);
}

/** Shared effect sizes (behaviour.policyEffects.guidance). */
export const intensiveGuidanceEffects = {
  schema: z.strictObject({
    /** Search effort gain at unlimited contact time (x (1 + gain)). */
    maxSearchGain: z.number().min(0).max(5),
    /** Employability gain (presentation, matching) at unlimited contact time. */
    maxEmployabilityGain: z.number().min(0).max(5),
    /** Contact hours per client-month that give half the maximum effect (diminishing returns). */
    hoursForHalfEffect: z.number().min(0.1).max(50),
    /** Motivation gained per month at full effect. */
    motivationGainPerMonth: z.number().min(0).max(0.1),
  }),
  defaults: { maxSearchGain: 0.8, maxEmployabilityGain: 0.4, hoursForHalfEffect: 3, motivationGainPerMonth: 0.01 },
};

export function intensiveGuidance(p: IntensiveGuidanceParams, behaviour: Behaviour, index: number): Intervention {
  const fx = behaviour.policyEffects.guidance;
  const g = guidanceIntensity(p, fx.hoursForHalfEffect);
  const search = 1 + fx.maxSearchGain * g;
  const employ = 1 + fx.maxEmployabilityGain * g;
  const motivation = fx.motivationGainPerMonth * g;
  const places = Math.floor(p.caseManagers * p.caseloadPerManager);
  const programme = buildProgramme({ ...p, places }, 'guidance', 1000, index, 'intensive guidance');
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
    developTraits: ({ agents }) => {
      const m = programme.months(agents);
      const { motivation: mot, state } = agents;
      const { members } = programme;
      for (let k = 0; k < programme.participants(); k++) {
        const i = members[k];
        if (state[i] === State.onBenefit) mot[i] = Math.min(1, mot[i] + motivation);
        m[i]++; // one more month in the programme
      }
      return programme.members.subarray(0, programme.participants()); // whose traits may have changed
    },
    cost: () => (p.caseManagers * p.costPerManagerYear) / 12 + programme.participants() * p.budgetPerParticipantMonth,
  };
}
