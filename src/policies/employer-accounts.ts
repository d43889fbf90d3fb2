/**
 * Employer account management: account managers who know firms and bring candidates to them.
 * Emmen (seed 000): account managers linked to economic affairs learn early of firms that expand;
 * 50 recipients were pre-trained for an electrician employer and 20 were hired; KFC needs 50-70.
 * Eindhoven and Den Haag seek employer contact (seed 001); Almere's 45+ approach brings people into
 * direct contact with employers because "age discrimination is a fact" (seed 004).
 *
 * Mechanism, for participants on benefit (the pool of pre-trained candidates):
 * - dedicated vacancies: the account managers learn early of `dedicatedVacanciesPerMonth`
 *   vacancies and fill a share `hireShare` of them from the pool (Emmen: 20 of 50 = 0.4). This is
 *   work outside the general vacancy competition (`ownWorkHazard`), spread over the participants
 *   by relative employability: h_i = dedicatedVacanciesPerMonth x hireShare x e_i / sum of e over
 *   the participants, so the expected dedicated hires per month are about
 *   dedicatedVacanciesPerMonth x hireShare (a little less, as other exits compete, and at most the
 *   pool). The vacancies are taken as additional to the general ones (the expanding firm would
 *   otherwise hire from outside bijstand) [choice];
 * - introduction in person: employers' age preference weighs less. In the general competition a
 *   participant's weight is multiplied by exp(ageDiscriminationPer10Years x max(0, age - 45)/10 x
 *   ageBiasReduction), undoing that share of the age discrimination of `behaviour.matching`.
 * `hireShare` comes from Emmen's figure [seed 000]; `ageBiasReduction` is [choice].
 */
import { z } from 'zod';
import type { Behaviour } from '../model/behaviour.ts';
import { buildProgramme, enrolmentWindow, euros, programmeFields, programmeHooks } from './programme.ts';
import type { Intervention } from './types.ts';

export const employerAccountsSchema = z.strictObject({
  type: z.literal('employer-accounts'),
  ...programmeFields,
  /** Whom the account managers bring to employers (Almere: 45+). */
  target: programmeFields.target,
  /** Candidates in the pool at a time (pre-trained, known to the account managers). */
  places: programmeFields.places,
  /** Months a candidate stays in the pool. */
  durationMonths: programmeFields.durationMonths,
  ...enrolmentWindow,
  /** Account managers (for the cost). */
  accountManagers: z.number().min(0).max(10_000),
  /** EUR per account manager per year, all-in. */
  costPerManagerYear: euros.perManagerYear,
  /** Vacancies a month the account managers learn of early and reserve for the pool (Emmen: 50 for one employer). */
  dedicatedVacanciesPerMonth: z.number().min(0).max(100_000),
  /** EUR per candidate-month on top (pre-training at the centre). */
  costPerParticipantMonth: euros.perParticipantMonth.default(0),
});

export type EmployerAccountsParams = z.infer<typeof employerAccountsSchema>;

/** Shared effect sizes (behaviour.policyEffects.employerAccounts). */
export const employerAccountsEffects = {
  schema: z.strictObject({
    /** Share of the dedicated vacancies filled from the pool (Emmen: 20 hired of 50 pre-trained). */
    hireShare: z.number().min(0).max(1),
    /** 0-1: the share of employers' age discrimination that an introduction in person removes. */
    ageBiasReduction: z.number().min(0).max(1),
  }),
  defaults: { hireShare: 0.4, ageBiasReduction: 0.5 },
};

export function employerAccounts(p: EmployerAccountsParams, behaviour: Behaviour, index: number): Intervention {
  const fx = behaviour.policyEffects.employerAccounts;
  const hiresPerMonth = p.dedicatedVacanciesPerMonth * fx.hireShare;
  // exp(k x max(0, ageMonths/12 - 45)/10) by age in months, built once
  const k = behaviour.matching.ageDiscriminationPer10Years * fx.ageBiasReduction;
  const ageBoost = new Float64Array(1200);
  for (let a = 0; a < ageBoost.length; a++) ageBoost[a] = Math.exp((k * Math.max(0, a / 12 - 45)) / 10);
  const programme = buildProgramme(p, 'employerAccounts', 3700, index, 'employer account management');
  return {
    type: p.type,
    label: programme.label,
    ...programmeHooks(programme),
    writes: ['employMult', 'ownWorkHazard'],
    applyEffects: ({ agents, employability }) => {
      const { members } = programme;
      const n = programme.participants();
      const { ageMonths, employMult, ownWorkHazard } = agents;
      const last = ageBoost.length - 1;
      let total = 0;
      for (let j = 0; j < n; j++) total += employability[members[j]];
      const scale = total > 0 ? hiresPerMonth / total : 0;
      for (let j = 0; j < n; j++) {
        const i = members[j];
        ownWorkHazard[i] += scale * employability[i];
        employMult[i] *= ageBoost[Math.min(ageMonths[i], last)];
      }
    },
    developTraits: ({ agents }) => programme.advance(agents),
    cost: () => (p.accountManagers * p.costPerManagerYear) / 12 + programme.participants() * p.costPerParticipantMonth,
  };
}
