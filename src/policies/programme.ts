/**
 * A programme with places: the shared capacity mechanics of guidance, training, tegenprestatie and
 * the like. Each programme owns a column `months in programme` (0 = not in it). Each month it ends
 * participations that reached their duration or whose participant left benefit, then fills free
 * places from the eligible by the programme's priority rule. The eligible who do not get a place
 * wait (they are simply eligible again next month).
 */
import { State, type Agents } from '../agents/columns.ts';
import type { MonthContext } from './types.ts';
import { compileTarget, type Eligibility, type Target } from './target.ts';
import { priorityScore, selectTop, type Priority } from './select.ts';

export interface ProgrammeRules {
  /** Column name; must be unique per policy instance. */
  column: string;
  /** Stable number for the priority luck of this programme. */
  id: number;
  target?: Target;
  places: number;
  durationMonths: number;
  priority: Priority;
  /** Whether someone who finished may be enrolled again. */
  allowRepeat?: boolean;
}

const NO_ONE = new Int32Array(0);

export class Programme {
  private eligible: Eligibility;
  private count = 0;
  private scratch = new Int32Array(1024);
  /** Slots that completed the programme this month (not eligible again until next month). */
  private finished = new Int32Array(1024);
  private scores = new Float64Array(1024);
  /** Participations ended this month because the duration was reached. */
  completed = 0;
  /** Slots of this month's participants, `members[0 .. participants())`; valid until the next compaction. */
  members = new Int32Array(1024);

  constructor(readonly rules: ProgrammeRules) {
    this.eligible = compileTarget(rules.target);
  }

  init(agents: Agents): void {
    agents.addColumn(this.rules.column, Int16Array);
    // and a column remembering who completed it (for allowRepeat = false)
    agents.addColumn(this.rules.column + ':done', Uint8Array);
  }

  /** Months in programme by slot (0 = not a participant). Re-read each month. */
  months(agents: Agents): Int16Array {
    return agents.column<Int16Array>(this.rules.column);
  }

  participants(): number {
    return this.count;
  }

  /** Ends finished or departed participations, then fills free places. */
  assign(ctx: MonthContext): void {
    const { agents } = ctx;
    const m = this.months(agents);
    const done = agents.column<Uint8Array>(this.rules.column + ':done');
    const { durationMonths, places, priority, id } = this.rules;
    if (this.scratch.length < agents.size) {
      this.scratch = new Int32Array(agents.capacity);
      this.finished = new Int32Array(agents.capacity);
      this.scores = new Float64Array(agents.capacity);
    }
    if (this.members.length < agents.size) this.members = new Int32Array(agents.capacity);
    const { state } = agents;
    const members = this.members;
    // pass 1: who stays in the programme (the members, in slot order)
    let current = 0;
    this.completed = 0;
    for (let i = 0; i < agents.size; i++) {
      const mi = m[i];
      if (mi === 0) continue;
      if (state[i] !== State.onBenefit) { m[i] = 0; continue; }
      if (mi > durationMonths) { m[i] = 0; done[i] = 2; this.finished[this.completed++] = i; continue; } // m counts from 1
      members[current++] = i;
    }
    // pass 2, only when places are free: rank the eligible who are not in, fill the free places
    let chosen: ArrayLike<number> = NO_ONE;
    if (places > current) {
      let n = 0;
      const repeat = this.rules.allowRepeat;
      for (let i = 0; i < agents.size; i++) {
        if (m[i] !== 0 || state[i] !== State.onBenefit || done[i] === 2 || (!repeat && done[i] !== 0) || !this.eligible(agents, i)) continue;
        this.scratch[n] = i;
        this.scores[n] = priorityScore(priority, agents, i, ctx.employability, id);
        n++;
      }
      chosen = selectTop(this.scratch, n, this.scores, places - current);
    }
    for (let k = 0; k < chosen.length; k++) m[chosen[k]] = 1;
    for (let k = 0; k < this.completed; k++) done[this.finished[k]] = 1; // 2 = completed this month
    this.count = current + chosen.length;
    // members: those staying in slot order, then the newcomers in rank order
    for (let k = 0; k < chosen.length; k++) members[current + k] = chosen[k];
  }

  /** Advances participants' months in programme (end of month), for policies that do not do it in their own pass. */
  advance(agents: Agents): void {
    const m = this.months(agents);
    for (let i = 0; i < agents.size; i++) if (m[i] > 0) m[i]++;
  }
}
