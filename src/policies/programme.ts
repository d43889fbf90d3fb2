/**
 * A programme with places: the shared capacity mechanics of guidance, training, tegenprestatie and
 * the like. Each programme owns a column `months in programme` (0 = not in it). Each month it ends
 * participations that reached their duration or whose participant left benefit, then fills free
 * places from the eligible by the programme's priority rule. The eligible who do not get a place
 * wait (they are simply eligible again next month).
 */
import { z } from 'zod';
import { renumberSlots, State, type Agents } from '../agents/columns.ts';
import { kernelFor } from '../agents/specialise.ts';
import type { Intervention, MonthContext } from './types.ts';
import { compileTarget, targetBounds, targetSchema, type Eligibility, type Target, type TargetBounds } from './target.ts';
import { PRIORITIES, scoreAll, selectTop, shortlistLongest, type Priority } from './select.ts';
import { EligibleByBounds } from './eligible-list.ts';
import { LongestEligible } from './longest-list.ts';
import { mergeFromEnd } from './sorted-slots.ts';

export interface ProgrammeRules {
  /** Column name; must be unique per policy instance. */
  column: string;
  /** Readable name (targets and reports refer to a programme by it). */
  label: string;
  /** Stable number for the priority luck of this programme. */
  id: number;
  target?: Target;
  places: number;
  durationMonths: number;
  priority: Priority;
  /** Whether someone who finished may be enrolled again. */
  allowRepeat?: boolean;
  /** New participants are enrolled only in months [openFromMonth, openUntilMonth) (default: always). */
  openFromMonth?: number;
  openUntilMonth?: number;
  /** At most this many new participants a month. */
  maxNewPerMonth?: number;
  /** A further eligibility rule the target cannot state (e.g. entrepreneurship's motivation and skill thresholds). */
  eligible?: Eligibility;
}

/**
 * What became of a programme's participants, by enrolment cohort: `exitsWork[c * months + t]`
 * counts participants enrolled in month c who left for work in month t (while in the programme);
 * `exitsOther` the same for every other route (school/removed, non-influenceable, pension).
 */
export interface ProgrammeOutcomes {
  months: number;
  entrants: Int32Array;
  exitsWork: Int32Array;
  exitsOther: Int32Array;
}

const NO_ONE = new Int32Array(0);
/**
 * Scratch of `Programme.assign`, shared by every programme of the thread (an assignment runs to its
 * end before another starts): the eligible slots, their scores, and who completed this month. As
 * long as the columns, so allocated a few times per thread rather than per replicate.
 */
const shared = { slots: new Int32Array(0), finished: new Int32Array(0), scores: new Float64Array(0) };

function scratchFor(capacity: number): typeof shared {
  if (shared.slots.length < capacity) {
    shared.slots = new Int32Array(capacity);
    shared.finished = new Int32Array(capacity);
    shared.scores = new Float64Array(capacity);
  }
  return shared;
}

/** A rung mask with every rung of the participation ladder (1-6): no test on the rung. */
const ALL_RUNGS = 0b1111110;

/** Schema fields for a programme's enrolment window, shared by the programme policies' schemas. */
export const openWindow = {
  /** First month (from 0) in which new participants are enrolled. */
  openFromMonth: z.number().int().min(0).max(1200).optional(),
  /** Month (exclusive) from which no new participants are enrolled. */
  openUntilMonth: z.number().int().min(1).max(1200).optional(),
};

/** The enrolment window and the monthly intake capacity of a `Programme`. */
export const enrolmentWindow = {
  ...openWindow,
  /** At most this many new participants a month (the staff's intake capacity; default: as many as places allow). */
  maxNewPerMonth: z.number().int().min(0).max(10_000_000).optional(),
};

/**
 * Schema fields every programme policy has, spread into its schema after `type`, with
 * `enrolmentWindow` spread after them or after the policy's own fields. Field order is what a
 * model's "unknown field" message lists, so each policy keeps its own. A policy restates a field
 * after the spread to give it its own doc comment, bound or default; the field keeps its place.
 */
export const programmeFields = {
  /** Readable name; targets and reports refer to the programme by it (default: the policy's name). */
  label: z.string().optional(),
  /** Who is eligible (default: everyone on benefit). */
  target: targetSchema.default({}),
  /** Participants at a time. */
  places: z.number().int().min(0).max(10_000_000),
  /** Months a participation lasts. */
  durationMonths: z.number().int().min(1).max(120),
  /** Who gets a free place first when more are eligible than there are places. */
  priority: z.enum(PRIORITIES).default('random'),
};

/** Schemas of the programme policies' costs in EUR, with their shared bounds (each field says what it pays for). */
export const euros = {
  perParticipantMonth: z.number().min(0).max(1e5),
  perMonth: z.number().min(0).max(1e8),
  perManagerYear: z.number().min(0).max(1e6),
};

/** The parsed programme fields of a policy (`programmeFields` and `enrolmentWindow`). */
export interface ProgrammeParams {
  label?: string;
  target?: Target;
  places: number;
  durationMonths: number;
  priority: Priority;
  openFromMonth?: number;
  openUntilMonth?: number;
  maxNewPerMonth?: number;
}

/**
 * The programme of policy instance `index`: column `<key>#<index>`, priority luck id
 * `idBase + index`, label `p.label ?? defaultLabel`.
 */
export function buildProgramme(p: ProgrammeParams, key: string, idBase: number, index: number, defaultLabel: string): Programme {
  return new Programme({
    column: `${key}#${index}`,
    label: p.label ?? defaultLabel,
    id: idBase + index,
    target: p.target,
    places: p.places,
    durationMonths: p.durationMonths,
    priority: p.priority,
    openFromMonth: p.openFromMonth,
    openUntilMonth: p.openUntilMonth,
    maxNewPerMonth: p.maxNewPerMonth,
  });
}

/**
 * The hooks every programme policy has, spread into its intervention: the programme, its columns,
 * the monthly assignment and the participant count (without participants, its effects write
 * nothing). A policy that does more in one of them writes its own after the spread.
 */
export function programmeHooks(programme: Programme): Required<Pick<Intervention, 'programmes' | 'init' | 'assign' | 'participants' | 'wroteThisMonth'>> {
  return {
    programmes: [programme],
    init: (agents, months) => programme.init(agents, months),
    assign: (ctx) => programme.assign(ctx),
    participants: () => programme.participants(),
    wroteThisMonth: () => programme.participants() > 0, // a programme's effects are on its participants
  };
}

/** What `stayPass` uses from other modules: its specialised copy is compiled outside this one. */
const STAY_LIB = { ON_BENEFIT: State.onBenefit };

/**
 * Pass 1 of `Programme.assign`, for a programme's columns `m` (months in it) and `done`: keeps in
 * `members[0 .. listed)` those who stay; those off benefit leave, those past `durationMonths`
 * complete it (listed in `finished`, `done` 2). `run` returns how many stay, `completed` then how
 * many completed. A loop specialised to the columns (`specialise.ts`), ending with its loop (see
 * there).
 */
function stayPass(a: Agents, inputs: readonly [Int16Array, Uint8Array, typeof STAY_LIB]) {
  const [m, done, { ON_BENEFIT }] = inputs;
  const { state } = a;
  let lastCompleted = 0;
  function stay(members: Int32Array, listed: number, durationMonths: number, finished: Int32Array): number {
    let current = 0, completed = 0;
    for (let k = 0; k < listed; k++) {
      const i = members[k];
      const mi = m[i];
      if (state[i] !== ON_BENEFIT) { m[i] = 0; continue; }
      if (mi > durationMonths) { m[i] = 0; done[i] = 2; finished[completed++] = i; continue; } // m counts from 1
      members[current++] = i;
    }
    lastCompleted = completed;
    return current;
  }
  return { run: stay, completed: () => lastCompleted };
}

/**
 * Lists in `members`, in slot order, the slots of `m[0 .. size)` in the programme; returns how
 * many. (A module function: as a loop in `Programme.assign`, whose first call runs it over every
 * slot, V8 compiled the method on the stack there and threw it out call after call, see
 * `specialise.ts`.)
 */
function listMembers(m: Int16Array, size: number, members: Int32Array): number {
  let listed = 0;
  for (let i = 0; i < size; i++) if (m[i] !== 0) members[listed++] = i;
  return listed;
}

export class Programme {
  private eligible: Eligibility;
  /** The target as bounds when it has only bounds and no further rule (then tested inline). */
  private bounds: TargetBounds | undefined;
  private count = 0;
  /** `agents.compactions` when `members` was listed: after a compaction the slots are listed afresh. */
  private listedAt = -1;
  /** Of `members[0 .. count)`, the first `stayers` are in slot order; the rest are last month's newcomers in rank order. */
  private stayers = 0;
  /** Scratch of the merge that puts last month's members back in slot order. */
  private newcomers = new Int32Array(1024);
  /** The eligible kept month by month, for a target of ages and durations only (else a scan): by spell origin for 'longest-on-benefit'. */
  private byBounds: EligibleByBounds | undefined;
  private longest: LongestEligible | undefined;
  /** Participations ended this month because the duration was reached. */
  completed = 0;
  /** Whether its policy counts the month's leavers in its own pass over the members (`activateMembers`), every month: then `recordOutcomes` does not. */
  outcomesCounted = false;
  /** Slots of this month's participants, `members[0 .. participants())`; valid until the next compaction. */
  members = new Int32Array(1024);

  outcomes: ProgrammeOutcomes = { months: 0, entrants: new Int32Array(0), exitsWork: new Int32Array(0), exitsOther: new Int32Array(0) };

  constructor(readonly rules: ProgrammeRules) {
    const inTarget = compileTarget(rules.target);
    const extra = rules.eligible;
    this.eligible = extra ? (a, i) => extra(a, i) && inTarget(a, i) : inTarget;
    this.bounds = extra ? undefined : targetBounds(rules.target);
  }

  get label(): string {
    return this.rules.label;
  }

  init(agents: Agents, months: number): void {
    this.outcomes = { months, entrants: new Int32Array(months), exitsWork: new Int32Array(months * months), exitsOther: new Int32Array(months * months) };
    agents.addColumn(this.rules.column + ':cohort', Int16Array);
    agents.addColumn(this.rules.column, Int16Array);
    // and a column remembering who completed it (for allowRepeat = false)
    agents.addColumn(this.rules.column + ':done', Uint8Array);
    const b = this.bounds;
    if (b && b.rungMask === ALL_RUNGS && b.multiProblem < 0) {
      const bounds = [Math.ceil(b.minAge), Math.ceil(b.maxAge) - 1, Math.ceil(b.minDur), Math.ceil(b.maxDur) - 1] as const;
      const column = this.rules.column + ':eligible';
      if (this.rules.priority === 'longest-on-benefit') {
        agents.addColumn(column, Int16Array);
        this.longest = new LongestEligible(...bounds, column, months);
      } else {
        agents.addColumn(column, Uint8Array);
        this.byBounds = new EligibleByBounds(...bounds, column, months);
      }
    }
  }

  /** Enrolment month by slot, for its participants. Re-read each month. */
  cohorts(agents: Agents): Int16Array {
    return agents.column<Int16Array>(this.rules.column + ':cohort');
  }

  /** Months in programme by slot (0 = not a participant). Re-read each month. */
  months(agents: Agents): Int16Array {
    return agents.column<Int16Array>(this.rules.column);
  }

  participants(): number {
    return this.count;
  }

  /**
   * Ends finished or departed participations, then fills free places. The work is proportional to
   * the participants, plus, when places are free, the eligible: a target of ages and durations keeps
   * them month by month (`EligibleByBounds`; `LongestEligible` for 'longest-on-benefit', which looks
   * at the longest only), any other is found by a scan of the caseload. Last month's members are kept as a list
   * (re-listed from the column only after a compaction moved the slots).
   */
  assign(ctx: MonthContext): void {
    const { agents } = ctx;
    const t = ctx.month;
    const open = t >= (this.rules.openFromMonth ?? 0) && t < (this.rules.openUntilMonth ?? Infinity);
    if (!open && this.count === 0) { this.completed = 0; this.stayers = 0; this.byBounds?.invalidate(); this.longest?.invalidate(); return; } // closed and empty: nothing to scan
    const m = this.months(agents);
    const done = agents.column<Uint8Array>(this.rules.column + ':done');
    const { durationMonths, places } = this.rules;
    const work = scratchFor(agents.capacity);
    this.reserve(this.count);
    let members = this.members;
    // last month's members in slot order: stayers were listed in slot order, newcomers in rank order
    // (carried over a compaction since, or listed afresh from the column after more than one)
    if (this.listedAt >= 0 && this.listedAt === agents.compactions - 1) this.renumber(agents.renumbered);
    let listed = this.count;
    if (this.listedAt !== agents.compactions) {
      listed = listMembers(m, agents.size, members);
      this.listedAt = agents.compactions;
    } else this.mergeNewcomers();
    // pass 1: who stays in the programme (the members, in slot order)
    const stay = kernelFor(agents, stayPass, [m, done, STAY_LIB] as const);
    const current = stay.run(members, listed, durationMonths, work.finished);
    this.completed = stay.completed();
    // pass 2, only when places are free: rank the eligible who are not in, fill the free places
    let chosen: ArrayLike<number> = NO_ONE;
    const filling = places > current && open;
    const doneMask = this.rules.allowRepeat === true ? 2 : 3; // done: 1 = completed before, 2 = completed this month
    const free = Math.min(places - current, this.rules.maxNewPerMonth ?? Infinity);
    const longest = this.rules.priority === 'longest-on-benefit';
    if (!filling) {
      this.byBounds?.invalidate(); // not kept up this month: listed afresh when next asked
      this.longest?.keepUp(agents, t, m, done, doneMask); // kept up: its work is the spells that begin
    } else if (this.longest) {
      // the kept list gives the longest on benefit only, in no particular order: the choice then
      // puts in slot order what it takes in list order, so that it and its order (the newcomers'
      // among the members) are a scan's
      const n = this.longest.longest(agents, t, m, done, doneMask, free, work.slots);
      if (this.longest.everyone) chosen = selectTop(work.slots, n, work.scores, free, false, true);
      else {
        scoreAll(this.rules.priority, agents, work.slots, n, work.scores, ctx.employability, this.rules.id);
        chosen = selectTop(work.slots, n, work.scores, free, true, true);
      }
    } else {
      let n = this.byBounds ? this.byBounds.eligible(agents, t, m, done, doneMask, work.slots) : this.listEligible(agents, m, done, work.slots);
      const unordered = this.byBounds !== undefined; // as above
      if (free >= n) chosen = selectTop(work.slots, n, work.scores, free, false, unordered); // everyone eligible gets a place: no ranking needed
      else {
        if (longest) n = shortlistLongest(agents, work.slots, n, free);
        scoreAll(this.rules.priority, agents, work.slots, n, work.scores, ctx.employability, this.rules.id);
        chosen = selectTop(work.slots, n, work.scores, free, longest, unordered);
      }
    }
    const cohort = agents.column<Int16Array>(this.rules.column + ':cohort');
    for (let k = 0; k < chosen.length; k++) { m[chosen[k]] = 1; cohort[chosen[k]] = t; }
    if (t < this.outcomes.months) this.outcomes.entrants[t] += chosen.length;
    for (let k = 0; k < this.completed; k++) done[work.finished[k]] = 1; // 2 = completed this month
    this.count = current + chosen.length;
    this.stayers = current;
    // members: those staying in slot order, then the newcomers in rank order
    this.reserve(this.count);
    members = this.members;
    for (let k = 0; k < chosen.length; k++) members[current + k] = chosen[k];
  }

  /**
   * Carries the members over a compaction (`to`: old slot to new, -1 if dropped): the stayers and
   * the newcomers each keep their order, so the merge puts them in slot order as before.
   */
  private renumber(to: Int32Array): void {
    const members = this.members;
    const stayers = renumberSlots(members, this.stayers, to);
    const newcomers = renumberSlots(members.subarray(this.stayers, this.count), this.count - this.stayers, to);
    members.copyWithin(stayers, this.stayers, this.stayers + newcomers);
    this.stayers = stayers;
    this.count = stayers + newcomers;
    this.listedAt += 1;
  }

  /** Makes room for `n` members, keeping those listed (room doubles, so it grows a few times per replicate at most). */
  private reserve(n: number): void {
    if (this.members.length >= n) return;
    const grown = new Int32Array(Math.max(n, 2 * this.members.length));
    grown.set(this.members);
    this.members = grown;
  }

  /**
   * Puts `members[0 .. count)` in slot order: the stayers are in slot order already, so only last
   * month's newcomers (few) are sorted, then merged in from the end.
   */
  private mergeNewcomers(): void {
    const members = this.members;
    const stayers = this.stayers;
    const fresh = this.count - stayers;
    if (fresh === 0) return;
    if (this.newcomers.length < fresh) this.newcomers = new Int32Array(this.members.length);
    const add = this.newcomers.subarray(0, fresh);
    add.set(members.subarray(stayers, this.count));
    add.sort();
    mergeFromEnd(members, stayers, add, fresh);
  }

  /**
   * Lists in `out`, in slot order, who may get a place, by a scan of the caseload (targets with
   * rungs or a multi-problem condition, or a further rule; ages and durations alone are kept by
   * `EligibleByBounds`): on benefit, not in the programme, not completed this month (nor ever,
   * without `allowRepeat`), and eligible. Returns how many. A target of bounds is tested inline;
   * one with a further rule through the compiled test.
   */
  private listEligible(agents: Agents, m: Int16Array, done: Uint8Array, out: Int32Array): number {
    const { caseload, caseloadSize, ageMonths, monthsOnBenefit, rung, multiProblem } = agents;
    const repeat = this.rules.allowRepeat === true;
    let n = 0;
    const b = this.bounds;
    if (b) {
      // without branches: every slot is written, and the count moves on only for the eligible
      // (which of the tests fail varies from slot to slot, so branches would be mispredicted)
      // ages and durations are whole months: age >= minAge is age >= ceil(minAge), age < maxAge is
      // age <= ceil(maxAge) - 1; the sign of the or-ed differences is then the test
      const minAge = Math.ceil(b.minAge), lastAge = Math.ceil(b.maxAge) - 1;
      const minDur = Math.ceil(b.minDur), lastDur = Math.ceil(b.maxDur) - 1;
      const { rungMask, multiProblem: mp } = b;
      const doneMask = repeat ? 2 : 3; // done: 1 = completed before, 2 = completed this month
      const anyMp = mp < 0 ? 1 : 0;
      for (let k = 0; k < caseloadSize; k++) {
        const i = caseload[k];
        const age = ageMonths[i], dur = monthsOnBenefit[i];
        const free = (m[i] | (done[i] & doneMask)) === 0 ? 1 : 0;
        const inBounds = ((age - minAge) | (lastAge - age) | (dur - minDur) | (lastDur - dur)) >= 0 ? 1 : 0;
        const fits = ((rungMask >> rung[i]) & 1) & (anyMp | (multiProblem[i] === mp ? 1 : 0));
        out[n] = i;
        n += free & inBounds & fits;
      }
      return n;
    }
    for (let k = 0; k < caseloadSize; k++) {
      const i = caseload[k];
      if (m[i] !== 0 || done[i] === 2 || (!repeat && done[i] !== 0) || !this.eligible(agents, i)) continue;
      out[n++] = i;
    }
    return n;
  }

  /**
   * Counts this month's participants who left benefit (call after the exits, before compaction):
   * by route and enrolment cohort, into `outcomes`; nothing if its policy counts them in its own
   * pass over the members (`outcomesCounted`).
   */
  recordOutcomes(agents: Agents, t: number): void {
    const { months, exitsWork, exitsOther } = this.outcomes;
    if (t >= months || this.outcomesCounted) return;
    const cohort = agents.column<Int16Array>(this.rules.column + ':cohort');
    const { state } = agents;
    for (let k = 0; k < this.count; k++) {
      const i = this.members[k];
      const s = state[i];
      if (s === State.onBenefit) continue;
      const cell = cohort[i] * months + t;
      if (s === State.inWork) exitsWork[cell]++;
      else exitsOther[cell]++;
    }
  }

  /** Advances participants' months in programme (end of month), for policies that do not do it in their own pass. */
  advance(agents: Agents): void {
    const m = this.months(agents);
    for (let k = 0; k < this.count; k++) m[this.members[k]]++;
  }
}
