/**
 * The eligible of a programme whose target is ages and durations only, kept month by month
 * instead of found by a scan of the whole caseload (issue 14: the policies' work proportional to
 * the people who change, not to every recipient).
 *
 * The list holds everyone on benefit within the target's bounds, in the order they joined it (no
 * merge keeps it in slot order: the programme sorts the few it chooses from, see `Programme`); the
 * programme then keeps those not in it and not done. It rests on two facts of the engine: while a spell
 * lasts, age and months on benefit both grow by one a month (so the month someone reaches the
 * lower bounds is known when the spell is seen), and every spell that begins is noted in
 * `agents.spellStarts`. Each month the list
 *  - drops those who left benefit, began a new spell (months on benefit start again) or passed an
 *    upper bound,
 *  - adds the spells begun since last month that are within the bounds at once, and files the
 *    others under the month they will reach the lower bounds,
 *  - adds those filed under this month who are still on benefit and within the bounds.
 * A compaction's renumbering (`agents.renumbered`) carries the list and the filed slots over;
 * after a month without an update, and at the start, it is listed afresh from the caseload.
 *
 * Without repeats (`doneMask` 3) the list also drops whoever is taken: in the programme or done.
 * Such a person is not free again while the spell lasts (a participation ends by completing it,
 * which makes them done, or by leaving benefit), so the list holds the free only and the members
 * are not looked at month after month; a new spell is seen as any other. With repeats a finisher
 * is free again the month after, so the taken stay in the list and are filtered each month.
 *
 * The result holds the same slots as a scan's (`tests/policies/eligible-list.test.ts`). For the
 * 'longest-on-benefit' priority, which needs the longest on benefit only, `LongestEligible`
 * (`longest-list.ts`) keeps them by the month their spell began instead, and looks at few of them;
 * the other priorities rank everyone eligible, and a pass over this list, most of it in slot order,
 * reads the columns faster than one month of origin after another (measured: about 7 ns a person
 * here, 35 there, for the exemption's 4,400 free eligible a month).
 */
import { renumberSlots, State, type Agents } from '../agents/columns.ts';
import { kernelFor } from '../agents/specialise.ts';

const ON_BENEFIT = State.onBenefit;

/*
 * The loops are module functions over typed arrays, not methods: as one method with several loops
 * and a closure, V8 compiled the first loop on the stack on the first call, then threw the code out
 * at the first line after it that had not run yet, and did so again call after call (in 7
 * replicates: 63 deoptimisations of the update, 50 of the merge, 30 of the fresh listing), so the
 * update ran mostly unoptimised, at 9-19 ns per person listed.
 */

export class EligibleByBounds {
  private list: Int32Array = new Int32Array(1024);
  private count = 0;
  private fresh: Int32Array = new Int32Array(1024);
  /** due[t]: slots that reach the lower bounds in month t if their spell lasts (checked then). */
  private due: number[][] = [];
  /** The compaction the list's slots refer to (`agents.compactions`), and the month of the last update (-2: list afresh). */
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
   * Writes to `out`, in no particular order, everyone on benefit within the bounds who is not in the
   * programme (`m` 0) and not done (`done & doneMask` 0), as of month `t`; returns how many.
   */
  eligible(agents: Agents, t: number, m: Int16Array, done: Uint8Array, doneMask: number, out: Int32Array): number {
    const consecutive = this.month === t - 1;
    if (consecutive && this.listedAt === agents.compactions - 1) this.renumber(agents.renumbered);
    const afresh = this.listedAt !== agents.compactions || !consecutive;
    this.month = t;
    if (afresh) {
      this.listAfresh(agents, t, m, done, doneMask);
      return listFree(this.list, this.count, m, done, doneMask, out, 0);
    }
    return this.update(agents, t, m, done, doneMask, out);
  }

  /** Carries the list and the filed slots over a compaction (`to`: old slot to new, -1 if dropped). */
  private renumber(to: Int32Array): void {
    this.count = renumberSlots(this.list, this.count, to);
    renumberFiled(this.due, to);
    this.listedAt += 1;
  }

  private listAfresh(agents: Agents, t: number, m: Int16Array, done: Uint8Array, doneMask: number): void {
    const inList = agents.column<Uint8Array>(this.inListColumn);
    inList.fill(0);
    this.due = [];
    if (this.list.length < agents.caseloadSize) this.list = new Int32Array(Math.max(agents.caseloadSize, 2 * this.list.length));
    this.count = listWithin(agents.caseload, agents.caseloadSize, agents.ageMonths, agents.monthsOnBenefit, this.minAge, this.lastAge, this.minDur, this.lastDur, t, this.months, this.due, this.list, inList, m, done, doneMask);
    this.listedAt = agents.compactions;
  }

  /**
   * The month's update, writing the eligible of the updated list to `out` as `eligible` does: the
   * pass that drops those who left benefit, began a new spell or passed an upper bound lists the
   * eligible of those kept; the spells begun since last month that are within the bounds, and
   * those due this month, are appended to both lists; the other new spells are filed under the
   * month they reach the lower bounds.
   */
  private update(agents: Agents, t: number, m: Int16Array, done: Uint8Array, doneMask: number, out: Int32Array): number {
    const { state, ageMonths, monthsOnBenefit, spellStarts, spellStartCount } = agents;
    const inList = agents.column<Uint8Array>(this.inListColumn);
    const { minAge, lastAge, minDur, lastDur } = this;
    const keep = kernelFor(agents, keepPass, [inList, m, done, KEEP_LIB] as const);
    const n = keep.run(this.list, this.count, minAge, lastAge, minDur, lastDur, doneMask, keepsTaken(doneMask), out);
    this.count = keep.kept();
    const now = this.due[t] ?? [];
    this.due[t] = [];
    if (this.fresh.length < spellStartCount + now.length) this.fresh = new Int32Array(2 * (spellStartCount + now.length));
    let f = addOrFile(spellStarts, spellStartCount, state, ageMonths, monthsOnBenefit, inList, minAge, lastAge, minDur, lastDur, t, this.months, this.due, this.fresh, 0, m, done, doneMask);
    for (let k = 0; k < now.length; k++) f = addWithin(now[k], state, ageMonths, monthsOnBenefit, inList, minAge, lastAge, minDur, lastDur, this.fresh, f, m, done, doneMask);
    if (f === 0) return n;
    const added = this.fresh.subarray(0, f);
    if (this.list.length < this.count + f) {
      const grown = new Int32Array(Math.max(this.count + f, 2 * this.list.length));
      grown.set(this.list.subarray(0, this.count));
      this.list = grown;
    }
    this.list.set(added, this.count);
    this.count += f;
    // the eligible of the added, after those kept in `out` (which has room: it holds a caseload)
    return listFree(added, f, m, done, doneMask, out, n);
  }
}

/** Renumbers the slots of every list through a compaction's renumbering `to`, dropping those it dropped (also `LongestEligible`'s). */
export function renumberFiled(lists: number[][], to: Int32Array): void {
  for (let t = 0; t < lists.length; t++) {
    const slots = lists[t];
    if (!slots) continue;
    let c = 0;
    for (let k = 0; k < slots.length; k++) {
      const j = to[slots[k]];
      if (j >= 0) slots[c++] = j;
    }
    slots.length = c;
  }
}

/** 1 if slot i is free (not in the programme, not done by `doneMask`), else 0. */
function isFree(i: number, m: Int16Array, done: Uint8Array, doneMask: number): number {
  return (m[i] | (done[i] & doneMask)) === 0 ? 1 : 0;
}

/** Whether the taken stay in the list: only with repeats, where a finisher is free again (see the header). */
export function keepsTaken(doneMask: number): boolean {
  return doneMask !== 3;
}

/** Whether age and months on benefit lie within the bounds (the sign of the or-ed differences). */
function within(age: number, dur: number, minAge: number, lastAge: number, minDur: number, lastDur: number): boolean {
  return ((age - minAge) | (lastAge - age) | (dur - minDur) | (lastDur - dur)) >= 0;
}

/** What `keepPass` uses from this module: its specialised copy is compiled outside it. */
const KEEP_LIB = { ON_BENEFIT, isFree, within };

/**
 * Keeps in `list[0 .. count)` those on benefit within the bounds, and without repeats only the free
 * (`keepsTaken`); the others leave `inList`. Writes the free of those kept (not in the programme,
 * not done) to `out`. `run` returns how many are free, `kept` then
 * how many were kept. A loop specialised to the population's columns and the programme's
 * (`specialise.ts`), ending with its loop (see there).
 */
function keepPass(a: Agents, inputs: readonly [Uint8Array, Int16Array, Uint8Array, typeof KEEP_LIB]) {
  const [inList, m, done, { ON_BENEFIT, isFree, within }] = inputs;
  const { state, ageMonths, monthsOnBenefit } = a;
  let lastKept = 0;
  function keepAndListFree(
    list: Int32Array, count: number, minAge: number, lastAge: number, minDur: number, lastDur: number,
    doneMask: number, keepTaken: boolean, out: Int32Array,
  ): number {
    let kept = 0, n = 0;
    for (let k = 0; k < count; k++) {
      const i = list[k];
      const dur = monthsOnBenefit[i];
      const free = isFree(i, m, done, doneMask);
      if (state[i] !== ON_BENEFIT || !within(ageMonths[i], dur, minAge, lastAge, minDur, lastDur) || (free === 0 && !keepTaken)) { inList[i] = 0; continue; }
      list[kept++] = i;
      out[n] = i;
      n += free;
    }
    lastKept = kept;
    return n;
  }
  return { run: keepAndListFree, kept: () => lastKept };
}

/** Writes the free of `list[0 .. count)` to `out` from index `n`; returns the new end. */
function listFree(list: Int32Array, count: number, m: Int16Array, done: Uint8Array, doneMask: number, out: Int32Array, n: number): number {
  for (let k = 0; k < count; k++) {
    const i = list[k];
    out[n] = i;
    n += isFree(i, m, done, doneMask);
  }
  return n;
}

/**
 * Lists in `list` the caseload within the bounds, and without repeats only the free (as
 * `keepAndListFree`), marked in `inList`; files the rest that will reach the bounds. Returns how
 * many are listed.
 */
function listWithin(
  caseload: Int32Array, caseloadSize: number, ageMonths: Uint16Array, monthsOnBenefit: Uint16Array,
  minAge: number, lastAge: number, minDur: number, lastDur: number, t: number, months: number, due: number[][], list: Int32Array, inList: Uint8Array,
  m: Int16Array, done: Uint8Array, doneMask: number,
): number {
  const keepTaken = keepsTaken(doneMask);
  let n = 0;
  for (let k = 0; k < caseloadSize; k++) {
    const i = caseload[k];
    const age = ageMonths[i], dur = monthsOnBenefit[i];
    const wait = Math.max(minAge - age, minDur - dur);
    if (wait > 0) { file(due, months, i, t + wait); continue; }
    if (age > lastAge || dur > lastDur || (!keepTaken && isFree(i, m, done, doneMask) === 0)) continue;
    list[n++] = i;
    inList[i] = 1;
  }
  return n;
}

/** Of the new spells `slots[0 .. count)`, adds to `fresh` from `f` those within the bounds now and files the others; returns the new end. */
function addOrFile(
  slots: Int32Array, count: number, state: Uint8Array, ageMonths: Uint16Array, monthsOnBenefit: Uint16Array, inList: Uint8Array,
  minAge: number, lastAge: number, minDur: number, lastDur: number, t: number, months: number, due: number[][], fresh: Int32Array, f: number,
  m: Int16Array, done: Uint8Array, doneMask: number,
): number {
  for (let k = 0; k < count; k++) {
    const i = slots[k];
    const wait = Math.max(minAge - ageMonths[i], minDur - monthsOnBenefit[i]);
    if (wait > 0) file(due, months, i, t + wait);
    else f = addWithin(i, state, ageMonths, monthsOnBenefit, inList, minAge, lastAge, minDur, lastDur, fresh, f, m, done, doneMask);
  }
  return f;
}

/** Adds slot i to `fresh[f]` if on benefit, within the bounds, not listed yet (and free, without repeats); returns the new end. */
function addWithin(
  i: number, state: Uint8Array, ageMonths: Uint16Array, monthsOnBenefit: Uint16Array, inList: Uint8Array,
  minAge: number, lastAge: number, minDur: number, lastDur: number, fresh: Int32Array, f: number,
  m: Int16Array, done: Uint8Array, doneMask: number,
): number {
  if (inList[i] === 1 || state[i] !== ON_BENEFIT || !within(ageMonths[i], monthsOnBenefit[i], minAge, lastAge, minDur, lastDur)) return f;
  if (!keepsTaken(doneMask) && isFree(i, m, done, doneMask) === 0) return f;
  fresh[f] = i;
  inList[i] = 1;
  return f + 1;
}

/** Files slot i under month `when`, if within the horizon. */
function file(due: number[][], months: number, i: number, when: number): void {
  if (when >= months) return;
  (due[when] ??= []).push(i);
}
