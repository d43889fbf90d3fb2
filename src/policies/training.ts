/**
 * Training with a diagnosis first: Emmen's training and diagnosis centre (seed 000: a four-week
 * diagnosis, then "everyone gets their own track": an application course, a vocational course,
 * work experience; about 600 of 3,600 recipients followed a track this year, 150 a day at the
 * centre) and Enschede's ICT retraining (seed 001: 30+ people in a track).
 *
 * Mechanism, by month in the programme:
 * - months 1 .. diagnosisMonths: diagnosis, no effect on chances;
 * - the next trainingMonths: the course. People in a course look less for work (the lock-in:
 *   search x lockIn at full intensity; a part-time course locks in proportionally less, search x
 *   (1 - (1 - lockIn) x intensity)). Each course month a share drops out (`dropoutPerMonth`, so a
 *   share (1 - dropoutPerMonth)^trainingMonths completes): dropouts leave the programme, free the
 *   place and gain nothing;
 * - at completion, skills rise by `skillGain x intensity` and, with probability `rungUpShare`, the
 *   participant climbs a participation-ladder rung (up to 5; rung 6 is paid work, which a course
 *   alone does not give).
 * So exits to work fall during the course and rise after it: whether a track pays off depends on
 * its length and the horizon. All sizes are [choice] until calibration; the seeds give the scale
 * of the programmes, not their effects.
 */
import { z } from 'zod';
import { State } from '../agents/columns.ts';
import type { Behaviour } from '../model/behaviour.ts';
import { luckOf } from '../random/luck.ts';
import { buildProgramme, enrolmentWindow, euros, programmeFields, programmeHooks } from './programme.ts';
import type { Intervention } from './types.ts';

/** Luck purposes: dropping out during the course, climbing a rung at completion. */
const PURPOSE_DROPOUT = 44;
const PURPOSE_RUNG = 45;
/** A course lifts people at most to rung 5 (paid work with support). */
const TRAINING_TOP_RUNG = 5;

export const trainingSchema = z.strictObject({
  type: z.literal('training'),
  // the programme fields one by one: no durationMonths (a participation lasts diagnosis + course)
  label: programmeFields.label,
  target: programmeFields.target,
  /** Participants at a time (diagnosis and course together). */
  places: programmeFields.places,
  /** Months of diagnosis before the course (Emmen: four weeks). */
  diagnosisMonths: z.number().int().min(0).max(12).default(1),
  /** Months of the course itself. */
  trainingMonths: z.number().int().min(1).max(60),
  /** 0-1: how full the course is (hours, depth); scales the skill gain and the lock-in. */
  intensity: z.number().min(0).max(1).default(1),
  priority: programmeFields.priority,
  ...enrolmentWindow,
  /** EUR per participant-month (trainers, course fees, the centre). */
  costPerParticipantMonth: euros.perParticipantMonth,
});

export type TrainingParams = z.infer<typeof trainingSchema>;

/** Shared effect sizes (behaviour.policyEffects.training). */
export const trainingEffects = {
  schema: z.strictObject({
    /** Search effort while in a full-time course (x lockIn): people in a course look less. */
    lockIn: z.number().min(0).max(1),
    /** Skills (0-1 scale) gained by completing a full-intensity track. */
    skillGain: z.number().min(0).max(1),
    /** Probability that completing the track lifts the participant one ladder rung. */
    rungUpShare: z.number().min(0).max(1),
    /** Monthly probability of dropping out during the course. */
    dropoutPerMonth: z.number().min(0).max(1),
  }),
  defaults: { lockIn: 0.5, skillGain: 0.15, rungUpShare: 0.5, dropoutPerMonth: 0.03 },
};

export function training(p: TrainingParams, behaviour: Behaviour, index: number): Intervention {
  const fx = behaviour.policyEffects.training;
  const search = 1 - (1 - fx.lockIn) * p.intensity;
  const gain = fx.skillGain * p.intensity;
  const duration = p.diagnosisMonths + p.trainingMonths;
  const programme = buildProgramme({ ...p, durationMonths: duration }, 'training', 3600, index, 'training');
  return {
    type: p.type,
    label: programme.label,
    ...programmeHooks(programme),
    writes: ['searchMult'],
    applyEffects: ({ agents }) => {
      const m = programme.months(agents);
      const { members } = programme;
      for (let k = 0; k < programme.participants(); k++) {
        const i = members[k];
        if (m[i] > p.diagnosisMonths) agents.searchMult[i] *= search;
      }
    },
    developTraits: ({ agents, month }) => {
      const m = programme.months(agents);
      const { skills, rung, state, luckKey } = agents;
      const { members } = programme;
      for (let k = 0; k < programme.participants(); k++) {
        const i = members[k];
        const mi = m[i];
        if (state[i] !== State.onBenefit || mi <= p.diagnosisMonths) { m[i] = mi + 1; continue; }
        if (luckOf(luckKey[i], month, PURPOSE_DROPOUT) < fx.dropoutPerMonth) {
          m[i] = duration + 1; // dropped out: ends at the next assignment, without the gain
          continue;
        }
        if (mi === duration) {
          // completed: the gain; the programme ends at the next assignment
          skills[i] = Math.min(1, skills[i] + gain);
          if (rung[i] < TRAINING_TOP_RUNG && luckOf(luckKey[i], month, PURPOSE_RUNG) < fx.rungUpShare) rung[i]++;
        }
        m[i] = mi + 1;
      }
      return programme.members.subarray(0, programme.participants()); // whose traits may have changed
    },
    cost: () => programme.participants() * p.costPerParticipantMonth,
  };
}
