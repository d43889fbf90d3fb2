/**
 * The eligible of a 'longest-on-benefit' programme whose target is ages and durations only, kept
 * month by month by the month their spell began, so that the choice looks at the longest on
 * benefit only (issue 14: the policies' work proportional to the people they touch, not to every
 * recipient or every eligible). Other priorities rank everyone eligible: `EligibleByBounds`
 * (`eligible-list.ts`) keeps those.
 *
 * It rests on two facts of the engine: while a spell lasts, age and months on benefit both grow by
 * one a month (so a spell's origin, the month minus its months on benefit, stays the same, and
 * the month it reaches the lower bounds is known when it is seen), and every spell that begins is
 * noted in `agents.spellStarts`. Each month the list adds the spells begun since last month, under
 * their origin, if they reach the lower bounds within the horizon. The listed are kept by their
 * spell's origin, so by months on benefit, whether or not they are within the lower bounds yet:
 * a key's spells all have the same months on benefit, so the keys past the lower bound of months
 * are never looked at, and those below the lower bound of age are passed over until they reach it.
 * Nobody is looked at again until asked for: whoever is, and left benefit, began a new spell,
 * passed an upper bound, or (without repeats) was taken, is dropped then. So `longest`, which the
 * 'longest-on-benefit' priority asks, looks at the longest on benefit only, until it has as many
 * as the places and the rest of their month of origin: the work is proportional to the places,
 * not to the eligible.
 *
 * A compaction's renumbering (`agents.renumbered`) carries the list over;
 * after a month without an update, and at the start, it is listed afresh from the caseload.
 *
 * Without repeats (`doneMask` 3) whoever is taken (in the programme or done) is dropped when seen:
 * such a person is not free again while the spell lasts (a participation ends by completing it,
 * which makes them done, or by leaving benefit); a new spell is seen as any other. With repeats a
 * finisher is free again the month after, so the taken stay listed and are passed over.
 *
 * The shortlist holds the same slots as `shortlistLongest` makes from a scan's, in no particular
 * order (`tests/policies/longest-list.test.ts`).
 */
import { NEW_SPELL_MONTHS, State, type Agents } from '../agents/columns.ts';
import { keepsTaken, renumberFiled } from './eligible-list.ts';
import { LONGEST_CAP } from './select.ts';

const ON_BENEFIT = State.onBenefit;

export class LongestEligible {
  /**
   * The listed by key (see `keyOf`): a spell's key is its origin's distance from `firstOrigin`,
   * plus 1; spells older than `firstOrigin` share key 0 (they are past `LONGEST_CAP` months on
   * benefit for as long as the list lasts). Some of the slots are stale, and dropped when looked at.
   */
  private byKey: number[][] = [];
  private firstOrigin = 0;
  /** The compaction the list's slots refer to (`agents.compactions`), and the month of the last update (-2: list afresh). */
  private listedAt = -1;
  private month = -2;
  /** After `longest`: whether it gave everyone eligible (no more than the places). */
  everyone = false;

  /**
   * Bounds in whole months, inclusive: age in [minAge, lastAge], months on benefit in [minDur,
   * lastDur]. `listedColumn` is an Int16 column the programme registers, holding each person's
   * key + 1 while the current spell is listed (0: not listed); `months` the horizon.
   */
  constructor(
    private readonly minAge: number, private readonly lastAge: number,
    private readonly minDur: number, private readonly lastDur: number,
    private readonly listedColumn: string, private readonly months: number,
  ) {}

  /** Forgets the list: the next call lists afresh (call when a month passes without `keepUp`). */
  invalidate(): void {
    this.month = -2;
  }

  /** Brings the list up to month `t` (a month the programme chooses no one but stays open). */
  keepUp(agents: Agents, t: number, m: Int16Array, done: Uint8Array, doneMask: number): void {
    this.update(agents, t, m, done, doneMask);
  }

  /**
   * For `free` places: writes to `out` the eligible (on benefit within the bounds, not in the
   * programme, `m` 0, and not done, `done & doneMask` 0) with the most months on benefit, capped
   * at `LONGEST_CAP`, down to the fewest months that still makes `free` of them, all of those
   * months included, and returns how many: the shortlist of `shortlistLongest`. Sets `everyone`
   * when there are no more eligible than `free`; `out` then holds them all.
   */
  longest(agents: Agents, t: number, m: Int16Array, done: Uint8Array, doneMask: number, free: number, out: Int32Array): number {
    this.update(agents, t, m, done, doneMask);
    // keys from `keys` on have fewer months on benefit than the lower bound; up to `capped`, LONGEST_CAP or more: one rank
    const keys = Math.min(this.byKey.length, this.keyOf(t - this.minDur) + 1);
    const capped = Math.min(keys - 1, this.keyOf(t - LONGEST_CAP));
    let n = 0, key = 0;
    for (; key <= capped; key++) n = this.sweep(agents, t, key, m, done, doneMask, out, n);
    while (n < free && key < keys) n = this.sweep(agents, t, key++, m, done, doneMask, out, n);
    // exactly `free`: everyone only if no one else is eligible
    let more = n;
    while (more === free && key < keys) more = this.sweep(agents, t, key++, m, done, doneMask, out, more);
    this.everyone = more <= free;
    return n;
  }

  /** A spell's key by its origin (month minus months on benefit). */
  private keyOf(origin: number): number {
    return origin < this.firstOrigin ? 0 : origin - this.firstOrigin + 1;
  }

  /**
   * Looks at the slots under `key` (all with at least the lower bound of months on benefit):
   * drops those who left benefit, began another spell, passed an upper bound, or without repeats
   * were taken; writes the free of those within the bounds to `out` from `n`; returns the new end.
   */
  private sweep(agents: Agents, t: number, key: number, m: Int16Array, done: Uint8Array, doneMask: number, out: Int32Array, n: number): number {
    const slots = this.byKey[key];
    if (slots === undefined || slots.length === 0) return n;
    const { state, ageMonths, monthsOnBenefit } = agents;
    const { minAge, lastAge, minDur, lastDur } = this;
    const keepTaken = keepsTaken(doneMask);
    const first = this.firstOrigin;
    let kept = 0;
    for (let k = 0; k < slots.length; k++) {
      const i = slots[k];
      const dur = monthsOnBenefit[i];
      const origin = t - dur;
      const age = ageMonths[i];
      if (state[i] !== ON_BENEFIT || (origin < first ? 0 : origin - first + 1) !== key || age > lastAge || dur > lastDur) continue;
      const free = (m[i] | (done[i] & doneMask)) === 0;
      if (!free && !keepTaken) continue;
      slots[kept++] = i;
      if (free && age >= minAge && dur >= minDur) out[n++] = i; // (key 0 holds spells of any length past LONGEST_CAP)
    }
    if (kept < slots.length) slots.length = kept;
    return n;
  }

  /** The month's update (see the header); afresh after a month without one or more than one compaction. */
  private update(agents: Agents, t: number, m: Int16Array, done: Uint8Array, doneMask: number): void {
    const consecutive = this.month === t - 1;
    if (consecutive && this.listedAt === agents.compactions - 1) this.renumber(agents.renumbered);
    const afresh = this.listedAt !== agents.compactions || !consecutive;
    this.month = t;
    if (afresh) {
      this.listAfresh(agents, t, m, done, doneMask);
      return;
    }
    // a new spell reaches the lower bound of months on benefit no sooner than `minDur -
    // NEW_SPELL_MONTHS` months from now: if that is past the horizon, none is listed
    if (t + this.minDur - NEW_SPELL_MONTHS >= this.months) return;
    const listed = agents.column<Int16Array>(this.listedColumn);
    this.addAll(agents, listed, agents.spellStarts, agents.spellStartCount, t, m, done, doneMask);
  }

  /** Carries the list over a compaction (`to`: old slot to new, -1 if dropped). */
  private renumber(to: Int32Array): void {
    renumberFiled(this.byKey, to);
    this.listedAt += 1;
  }

  private listAfresh(agents: Agents, t: number, m: Int16Array, done: Uint8Array, doneMask: number): void {
    const listed = agents.column<Int16Array>(this.listedColumn);
    if (!(listed instanceof Int16Array)) throw new Error(`column ${this.listedColumn}: an Int16Array expected (it holds keys up to the horizon + ${LONGEST_CAP})`);
    listed.fill(0);
    this.byKey = [];
    this.firstOrigin = t - LONGEST_CAP;
    this.addAll(agents, listed, agents.caseload, agents.caseloadSize, t, m, done, doneMask);
    this.listedAt = agents.compactions;
  }

  /**
   * Lists each slot of `slots[0 .. count)` that is on benefit within the upper bounds and reaches
   * the lower bounds within the horizon, its spell not listed yet (and free, without repeats).
   */
  private addAll(agents: Agents, listed: Int16Array, slots: Int32Array, count: number, t: number, m: Int16Array, done: Uint8Array, doneMask: number): void {
    const { state, ageMonths, monthsOnBenefit } = agents;
    const { minAge, lastAge, minDur, lastDur, months } = this;
    const keepTaken = keepsTaken(doneMask);
    for (let k = 0; k < count; k++) {
      const i = slots[k];
      const age = ageMonths[i], dur = monthsOnBenefit[i];
      if (state[i] !== ON_BENEFIT || age > lastAge || dur > lastDur || t + Math.max(minAge - age, minDur - dur) >= months) continue;
      const key = this.keyOf(t - dur);
      if (listed[i] === key + 1) continue;
      if (!keepTaken && (m[i] | (done[i] & doneMask)) !== 0) continue;
      listed[i] = key + 1;
      (this.byKey[key] ??= []).push(i);
    }
  }
}
