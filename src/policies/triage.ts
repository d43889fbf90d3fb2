/**
 * Triage (Eindhoven, seed 001): "recipients who can start work relatively soon go to the work
 * company; those far from the labour market with many personal problems first get the care they
 * need". One policy, two tracks with places of their own:
 *
 * - **work** (`<label>: work`): for those whose employability is above `closeAbove` times this
 *   month's caseload mean. Job-search training and matching by the work company: participants
 *   search harder and present better (`workSearchGain`, `workEmployGain`);
 * - **care** (`<label>: care`): for the rest. Care first: each month a participant's multiple
 *   problems (health, debts, care duties) resolve with probability `careResolvePerMonth`,
 *   motivation recovers, and the search pressure is eased (`carePressureRelief`), so care
 *   participants look for work a little less while in it.
 *
 * The split is recomputed every month from the traits (employability before policy effects), so
 * someone who finishes care with problems resolved can be triaged to the work track next. Each
 * track is done once (no repeat) and nobody is in both at a time.
 *
 * The seeds give no numbers for triage beyond Eindhoven's ambition (800+ a year into work out of
 * ~6,500); the places, durations, costs and the effect sizes below are choices.
 *
 * Why not two `Programme`s: a programme's eligibility is its compiled `target`, and the split
 * needs a per-month test on employability that a target cannot express; so the tracks keep their
 * own places here (the same rules as `Programme`: end on leaving benefit or after the duration,
 * then fill free places from the eligible by priority with `selectTop`).
 */
import { z } from 'zod';
import { State, type Agents } from '../agents/columns.ts';
import type { Behaviour } from '../model/behaviour.ts';
import { luckOf } from '../random/luck.ts';
import { openWindow } from './programme.ts';
import { PRIORITIES, priorityScore, selectTop, type Priority } from './select.ts';
import { compileTarget, targetSchema, type Eligibility } from './target.ts';
import type { Intervention, MonthContext } from './types.ts';

/** Luck purpose: whether a care participant's multiple problems resolve this month (49 is kept free for triage). */
const PURPOSE_RESOLVE = 48;

const trackSchema = z.strictObject({
  /** Participants at a time. */
  places: z.number().int().min(0).max(1_000_000),
  /** Months in the track. */
  durationMonths: z.number().int().min(1).max(120),
  /** Who goes first when the track's places are scarce. */
  priority: z.enum(PRIORITIES).default('random'),
  /** EUR per participant-month (staff, courses, care). */
  costPerParticipantMonth: z.number().min(0).max(1e5),
});

type TrackParams = z.infer<typeof trackSchema>;

export const triageSchema = z.strictObject({
  type: z.literal('triage'),
  label: z.string().optional(),
  /** Who is triaged at all (both tracks draw from it). */
  target: targetSchema.default({}),
  /**
   * The split: employability above `closeAbove` x this month's mean over the caseload goes to the
   * work track, the rest to the care track (1 = above average goes to work).
   */
  closeAbove: z.number().min(0.05).max(20).default(1),
  /** The work company's track for those close to the labour market. */
  work: trackSchema,
  /** The care track for those far from it. */
  care: trackSchema,
  ...openWindow, // their own place keeping: no monthly intake cap
});

export type TriageParams = z.infer<typeof triageSchema>;

/** Shared effect sizes (behaviour.policyEffects.triage). */
export const triageEffects = {
  schema: z.strictObject({
    /** Work track: search effort x (1 + gain). */
    workSearchGain: z.number().min(0).max(5),
    /** Work track: employability x (1 + gain) (matching, presentation). */
    workEmployGain: z.number().min(0).max(5),
    /** Care track: probability per month that a participant's multiple problems resolve. */
    careResolvePerMonth: z.number().min(0).max(1),
    /** Care track: motivation regained per month. */
    careMotivationGainPerMonth: z.number().min(0).max(0.1),
    /** Care track: search effort x (1 - relief) while in care (no job-search pressure). */
    carePressureRelief: z.number().min(0).max(1),
  }),
  defaults: {
    workSearchGain: 0.5,
    workEmployGain: 0.2,
    careResolvePerMonth: 0.05,
    careMotivationGainPerMonth: 0.01,
    carePressureRelief: 0.15,
  },
};

/**
 * The places of one track: participations end when the participant leaves benefit or after the
 * duration (then the track cannot be done again); free places are filled from the eligible by the
 * track's priority. A months-in-track column (0 = not in it, 1 in the first month) and a done column.
 */
class Track {
  members = new Int32Array(1024);
  count = 0;
  private candidates = new Int32Array(1024);
  private scores = new Float64Array(1024);

  constructor(readonly column: string, private readonly id: number, readonly rules: TrackParams) {}

  init(agents: Agents): void {
    agents.addColumn(this.column, Int16Array);
    agents.addColumn(`${this.column}:done`, Uint8Array);
  }

  months(agents: Agents): Int16Array {
    return agents.column<Int16Array>(this.column);
  }

  /** Ends finished or departed participations; `members` becomes those who stay, in slot order. */
  end(agents: Agents): void {
    if (this.members.length < agents.size) {
      this.members = new Int32Array(agents.capacity);
      this.candidates = new Int32Array(agents.capacity);
      this.scores = new Float64Array(agents.capacity);
    }
    const m = this.months(agents);
    const done = agents.column<Uint8Array>(`${this.column}:done`);
    const { state } = agents;
    const duration = this.rules.durationMonths;
    let n = 0;
    for (let i = 0; i < agents.size; i++) {
      const mi = m[i];
      if (mi === 0) continue;
      if (state[i] !== State.onBenefit) { m[i] = 0; continue; }
      if (mi > duration) { m[i] = 0; done[i] = 1; continue; } // m counts from 1
      this.members[n++] = i;
    }
    this.count = n;
  }

  /** Fills free places from the eligible who are not in the track and have not done it. */
  fill(ctx: MonthContext, eligible: Eligibility): void {
    const free = this.rules.places - this.count;
    if (free <= 0) return;
    const { agents } = ctx;
    const m = this.months(agents);
    const done = agents.column<Uint8Array>(`${this.column}:done`);
    const { state } = agents;
    const priority: Priority = this.rules.priority;
    let n = 0;
    for (let i = 0; i < agents.size; i++) {
      if (m[i] !== 0 || done[i] !== 0 || state[i] !== State.onBenefit || !eligible(agents, i)) continue;
      this.candidates[n] = i;
      this.scores[n] = priorityScore(priority, agents, i, ctx.employability, this.id);
      n++;
    }
    const chosen = selectTop(this.candidates, n, this.scores, free);
    for (let k = 0; k < chosen.length; k++) {
      m[chosen[k]] = 1;
      this.members[this.count++] = chosen[k];
    }
  }

  /** One more month in the track for every participant (end of month). */
  advance(agents: Agents): void {
    const m = this.months(agents);
    for (let k = 0; k < this.count; k++) m[this.members[k]]++;
  }
}

export function triage(p: TriageParams, behaviour: Behaviour, index: number): Intervention {
  const fx = behaviour.policyEffects.triage;
  const label = p.label ?? 'triage';
  const inTarget = compileTarget(p.target);
  // priority luck ids: 3800 + index for work, 3850 + index for care (distinct for up to 50 triage policies)
  const work = new Track(`triage#${index}:work`, 3800 + index, p.work);
  const care = new Track(`triage#${index}:care`, 3850 + index, p.care);
  const search = 1 + fx.workSearchGain;
  const employ = 1 + fx.workEmployGain;
  const relief = 1 - fx.carePressureRelief;

  // This month's split and the other track's column, set in `assign` before the tracks are filled.
  let threshold = Infinity;
  let employability: Float32Array = new Float32Array(0);
  let workMonths: Int16Array = new Int16Array(0);
  let careMonths: Int16Array = new Int16Array(0);
  const closeToWork: Eligibility = (a, i) => employability[i] > threshold && careMonths[i] === 0 && inTarget(a, i);
  const farFromWork: Eligibility = (a, i) => employability[i] <= threshold && workMonths[i] === 0 && inTarget(a, i);

  return {
    type: p.type,
    label,
    init: (agents) => {
      work.init(agents);
      care.init(agents);
    },
    assign: (ctx) => {
      const { agents, month } = ctx;
      const { state } = agents;
      employability = ctx.employability;
      let sum = 0, n = 0;
      for (let i = 0; i < agents.size; i++) {
        if (state[i] !== State.onBenefit) continue;
        sum += employability[i];
        n++;
      }
      threshold = n > 0 ? (p.closeAbove * sum) / n : Infinity;
      work.end(agents);
      care.end(agents);
      if (month < (p.openFromMonth ?? 0) || month >= (p.openUntilMonth ?? Infinity)) return;
      workMonths = work.months(agents);
      careMonths = care.months(agents);
      work.fill(ctx, closeToWork);
      care.fill(ctx, farFromWork);
    },
    writes: ['searchMult', 'employMult'],
    applyEffects: ({ agents }) => {
      const { searchMult, employMult } = agents;
      for (let k = 0; k < work.count; k++) {
        const i = work.members[k];
        searchMult[i] *= search;
        employMult[i] *= employ;
      }
      for (let k = 0; k < care.count; k++) searchMult[care.members[k]] *= relief;
    },
    developTraits: ({ agents, month }) => {
      const { state, motivation, multiProblem, luckKey } = agents;
      for (let k = 0; k < care.count; k++) {
        const i = care.members[k];
        if (state[i] !== State.onBenefit) continue;
        motivation[i] = Math.min(1, motivation[i] + fx.careMotivationGainPerMonth);
        if (multiProblem[i] === 1 && luckOf(luckKey[i], month, PURPOSE_RESOLVE) < fx.careResolvePerMonth) multiProblem[i] = 0;
      }
      work.advance(agents);
      care.advance(agents);
      return care.members.subarray(0, care.count); // whose traits may have changed
    },
    participants: () => work.count + care.count,
    cost: () => work.count * p.work.costPerParticipantMonth + care.count * p.care.costPerParticipantMonth,
  };
}
