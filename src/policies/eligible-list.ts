/**
 * The eligible of a programme whose target is ages and durations only, kept month by month
 * instead of found by a scan of the whole caseload (issue 14: the policies' work proportional to
 * the people who change, not to every recipient).
 *
 * The list holds everyone on benefit within the target's bounds, in slot order; the programme
 * then keeps those not in it and not done. It rests on two facts of the engine: while a spell
 * lasts, age and months on benefit both grow by one a month (so the month someone reaches the
 * lower bounds is known when the spell is seen), and every spell that begins is noted in
 * `agents.spellStarts`. Each month the list
 *  - drops those who left benefit, began a new spell (months on benefit start again) or passed an
 *    upper bound,
 *  - adds the spells begun since last month that are within the bounds at once, and files the
 *    others under the month they will reach the lower bounds,
 *  - adds those filed under this month who are still on benefit and within the bounds.
 * After a compaction (slots renumbered), after a month without an update, and at the start, it is
 * listed afresh from the caseload. The result equals the scan's, slot for slot
 * (`tests/policies/eligible-list.test.ts`).
 */
import { State, type Agents } from '../agents/columns.ts';

const ON_BENEFIT = State.onBenefit;

export class EligibleByBounds {
  private list: Int32Array = new Int32Array(1024);
  private count = 0;
  private fresh: Int32Array = new Int32Array(1024);
  private merged: Int32Array = new Int32Array(1024);
  /** due[t]: slots that reach the lower bounds in month t if their spell lasts (checked then). */
  private due: number[][] = [];
  /** `agents.compactions` when listed, and the month of the last update (-2: list afresh). */
  private listedAt = -1;
  private month = -2;

  /**
   * Bounds in whole months, inclusive: age in [minAge, lastAge], months on benefit in [minDur,
   * lastDur]. `inList` is a column (1 = in the list) the programme registers; `months` the horizon.
   */
  constructor(
    private readonly minAge: number, private readonly lastAge: number,
    private readonly minDur: number, private readonly lastDur: number,
    private readonly inListColumn: string, private readonly months: number,
  ) {}

  /** Forgets the list: the next `eligible` lists afresh (call when a month passes without it). */
  invalidate(): void {
    this.month = -2;
  }

  /**
   * Writes to `out`, in slot order, everyone on benefit within the bounds who is not in the
   * programme (`m` 0) and not done (`done & doneMask` 0), as of month `t`; returns how many. With
   * `durations`, also counts them there by months on benefit (capped at its last index), for
   * `shortlistLongest`: the month's update reads those months anyway.
   */
  eligible(agents: Agents, t: number, m: Int16Array, done: Uint8Array, doneMask: number, out: Int32Array, durations?: Int32Array): number {
    durations?.fill(0);
    const afresh = this.listedAt !== agents.compactions || this.month !== t - 1;
    this.month = t;
    if (!afresh) return this.update(agents, t, m, done, doneMask, out, durations);
    this.listAfresh(agents, t);
    const list = this.list;
    const { monthsOnBenefit } = agents;
    const last = durations ? durations.length - 1 : 0;
    let n = 0;
    for (let k = 0; k < this.count; k++) {
      const i = list[k];
      const free = (m[i] | (done[i] & doneMask)) === 0 ? 1 : 0;
      out[n] = i;
      n += free;
      if (durations) { const d = monthsOnBenefit[i]; durations[d < last ? d : last] += free; }
    }
    return n;
  }

  private listAfresh(agents: Agents, t: number): void {
    const { caseload, caseloadSize, ageMonths, monthsOnBenefit } = agents;
    const inList = agents.column<Uint8Array>(this.inListColumn);
    inList.fill(0);
    this.due = [];
    this.reserve(caseloadSize);
    const { minAge, lastAge, minDur, lastDur } = this;
    let n = 0;
    for (let k = 0; k < caseloadSize; k++) {
      const i = caseload[k];
      const age = ageMonths[i], dur = monthsOnBenefit[i];
      const wait = Math.max(minAge - age, minDur - dur);
      if (wait > 0) { this.file(i, t + wait); continue; }
      if (age > lastAge || dur > lastDur) continue;
      this.list[n++] = i;
      inList[i] = 1;
    }
    this.count = n;
    this.listedAt = agents.compactions;
  }

  /**
   * The month's update, writing the eligible of the updated list to `out` as `eligible` does: the
   * pass that drops those who left the bounds lists the eligible of those kept, and the people
   * added are merged into both lists.
   */
  private update(agents: Agents, t: number, m: Int16Array, done: Uint8Array, doneMask: number, out: Int32Array, durations?: Int32Array): number {
    const { state, ageMonths, monthsOnBenefit, spellStarts, spellStartCount } = agents;
    const inList = agents.column<Uint8Array>(this.inListColumn);
    const { minAge, lastAge, minDur, lastDur } = this;
    const last = durations ? durations.length - 1 : 0;
    // drop who left benefit, began a new spell or passed an upper bound; the eligible of the rest
    const list = this.list;
    let kept = 0, n = 0;
    for (let k = 0; k < this.count; k++) {
      const i = list[k];
      const age = ageMonths[i], dur = monthsOnBenefit[i];
      if (state[i] !== ON_BENEFIT || ((age - minAge) | (lastAge - age) | (dur - minDur) | (lastDur - dur)) < 0) { inList[i] = 0; continue; }
      list[kept++] = i;
      const free = (m[i] | (done[i] & doneMask)) === 0 ? 1 : 0;
      out[n] = i;
      n += free;
      if (durations) durations[dur < last ? dur : last] += free;
    }
    this.count = kept;
    // add the new spells within the bounds now, file the others; then those due this month
    let f = 0;
    const add = (i: number) => {
      const age = ageMonths[i], dur = monthsOnBenefit[i];
      if (inList[i] === 1 || state[i] !== ON_BENEFIT || ((age - minAge) | (lastAge - age) | (dur - minDur) | (lastDur - dur)) < 0) return;
      if (f === this.fresh.length) this.fresh = grow(this.fresh, 2 * f);
      this.fresh[f++] = i;
      inList[i] = 1;
    };
    for (let k = 0; k < spellStartCount; k++) {
      const i = spellStarts[k];
      const wait = Math.max(minAge - ageMonths[i], minDur - monthsOnBenefit[i]);
      if (wait > 0) this.file(i, t + wait);
      else add(i);
    }
    const now = this.due[t];
    if (now) {
      for (const i of now) add(i);
      this.due[t] = [];
    }
    if (f === 0) return n;
    const added = this.fresh.subarray(0, f).sort();
    this.merge(added);
    // the eligible of the added, merged into `out` from the end (out has room: it holds a caseload)
    let e = 0;
    for (let b = 0; b < f; b++) {
      const i = added[b];
      if ((m[i] | (done[i] & doneMask)) !== 0) continue;
      added[e++] = i;
      if (durations) { const d = monthsOnBenefit[i]; durations[d < last ? d : last]++; }
    }
    let a = n - 1, b = e - 1;
    for (let w = n + e - 1; b >= 0; w--) out[w] = a >= 0 && out[a] > added[b] ? out[a--] : added[b--];
    return n + e;
  }

  /** Files slot i under month `when`, if within the horizon. */
  private file(i: number, when: number): void {
    if (when >= this.months) return;
    (this.due[when] ??= []).push(i);
  }

  /** Merges `add` (sorted, not in the list) into the list, keeping slot order. */
  private merge(add: Int32Array): void {
    const f = add.length;
    const total = this.count + f;
    if (this.merged.length < total) this.merged = new Int32Array(Math.max(total, 2 * this.merged.length));
    const out = this.merged, list = this.list;
    let a = 0, b = 0, w = 0;
    while (a < this.count && b < f) out[w++] = list[a] < add[b] ? list[a++] : add[b++];
    while (a < this.count) out[w++] = list[a++];
    while (b < f) out[w++] = add[b++];
    this.merged = this.list;
    this.list = out;
    this.count = total;
  }

  private reserve(n: number): void {
    if (this.list.length < n) this.list = new Int32Array(Math.max(n, 2 * this.list.length));
  }
}

function grow(a: Int32Array, length: number): Int32Array {
  const b = new Int32Array(length);
  b.set(a);
  return b;
}
