/**
 * Capacity rules: choosing who fills a programme's free places. A programme has `free` places and
 * a list of eligible people who are not yet in it; a priority score orders them and the top `free`
 * are enrolled. Selection is O(n) (a histogram threshold, no sort). Ties are broken by slot order,
 * which is the order of the stable person keys (keys are handed out in increasing order and
 * compaction keeps the order), so the choice is the same in every scenario.
 */
import type { Agents } from '../agents/columns.ts';
import { luckOf, Purpose } from '../random/luck.ts';
import { kernelFor } from '../agents/specialise.ts';

/** Who goes first when places are scarce. */
export type Priority = 'random' | 'longest-on-benefit' | 'most-employable' | 'least-employable';

export const PRIORITIES = ['random', 'longest-on-benefit', 'most-employable', 'least-employable'] as const;

const BINS = 4096;
const counts = new Int32Array(BINS);

/**
 * Returns the slots of the `free` best candidates among `eligible[0..n)`: those above the
 * threshold score bin in list order, then the threshold bin's best by score (ties by slot).
 * `score` must lie in [0, 1); higher goes first. With `free >= n` everyone is taken in list order,
 * unless `ranked`: then the order is the ranking's, as if `eligible` held more people with lower
 * scores than all of these (see `shortlistLongest`). With `unordered` (an `eligible` in no
 * particular order) those taken in list order are put in slot order: the result is then the same,
 * order included, as for `eligible` in slot order.
 */
export function selectTop(eligible: Int32Array, n: number, score: Float64Array, free: number, ranked = false, unordered = false): Int32Array {
  if (free <= 0 || n === 0) return new Int32Array(0);
  if (free >= n && !ranked) return unordered ? eligible.slice(0, n).sort() : eligible.slice(0, n);
  free = Math.min(free, n);
  const bin = thresholdBin(score, n, free);
  const out = new Int32Array(free);
  let w = 0;
  const partial: number[] = [];
  for (let j = 0; j < n; j++) {
    const b = Math.min(BINS - 1, Math.floor(score[j] * BINS));
    if (b > bin) out[w++] = eligible[j];
    else if (b === bin) partial.push(j);
  }
  if (unordered) out.subarray(0, w).sort();
  partial.sort((x, y) => score[y] - score[x] || eligible[x] - eligible[y]);
  for (let k = 0; w < free; k++) out[w++] = eligible[partial[k]];
  return out;
}

/**
 * The threshold bin of `selectTop`: the bin of the `free`-th best of `score[0 .. n)` (1 <= free <=
 * n), so that everything above it is taken and part of it. Found from a histogram of the bins; for
 * `FEW` candidates or fewer, by a selection among their bins instead (the same bin: clearing and
 * scanning the histogram, out of the cache between months, cost more than so few candidates).
 */
function thresholdBin(score: Float64Array, n: number, free: number): number {
  if (n <= FEW) {
    if (bins.length < n) bins = new Int32Array(FEW);
    for (let j = 0; j < n; j++) bins[j] = Math.min(BINS - 1, Math.floor(score[j] * BINS));
    return kthLargest(bins, n, free);
  }
  counts.fill(0);
  for (let j = 0; j < n; j++) counts[Math.min(BINS - 1, Math.floor(score[j] * BINS))]++;
  let taken = 0;
  let bin = BINS - 1;
  for (; bin >= 0; bin--) {
    if (taken + counts[bin] >= free) break;
    taken += counts[bin];
  }
  return bin;
}

/** At most this many candidates (about a tenth of the bins): `thresholdBin` selects among them. */
const FEW = 400;
/** Scratch of `thresholdBin`: the candidates' bins. */
let bins = new Int32Array(0);

/** The `k`-th largest (from 1) of `v[0 .. n)`, reordering `v` (a selection: Hoare's partition, descending). */
export function kthLargest(v: Int32Array, n: number, k: number): number {
  const target = k - 1;
  let lo = 0, hi = n - 1;
  while (lo < hi) {
    const pivot = v[(lo + hi) >> 1];
    let i = lo, j = hi;
    while (i <= j) {
      while (v[i] > pivot) i++;
      while (v[j] < pivot) j--;
      if (i <= j) {
        const x = v[i];
        v[i] = v[j];
        v[j] = x;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return v[target];
  }
  return v[target];
}

/** Months on benefit above which 'longest-on-benefit' ranks everyone alike (before the luck). */
export const LONGEST_CAP = 599;
const durationCounts = new Int32Array(LONGEST_CAP + 1);

/**
 * For the 'longest-on-benefit' priority: keeps in `eligible[0..n)`, in order, only those who can
 * be among the `free` best, and returns how many. The score is months on benefit (capped at 599)
 * plus a luck draw below one month, so everyone with fewer months than the `free`-th longest is
 * ranked below everyone with as many or more, whatever their luck: they need no score. The
 * choice of `selectTop(..., ranked = true)` on the shortlist equals that on the whole list, order
 * included (the threshold bin and its best are the same), while the luck is drawn for a few
 * hundred people instead of every eligible one. Requires free < n. (`EligibleByBounds.longest`
 * gives the same shortlist from a kept list.)
 */
export function shortlistLongest(agents: Agents, eligible: Int32Array, n: number, free: number): number {
  const shortlist = kernelFor(agents, shortlistPass, [] as const);
  shortlist(eligible, n, durationCounts, -1);
  let from = LONGEST_CAP;
  for (let taken = durationCounts[from]; taken < free && from > 0; ) taken += durationCounts[--from];
  return shortlist(eligible, n, durationCounts, from);
}

/**
 * The loops of `shortlistLongest`, specialised to the population's columns (`specialise.ts`): with
 * `from` -1, counts `eligible[0 .. n)` by months on benefit into `counts` (capped at its last
 * index) and returns n; else keeps, in order, those with at least `from` months and returns how many.
 */
function shortlistPass(a: Agents, _inputs: readonly []) {
  const { monthsOnBenefit } = a;
  return function shortlist(eligible: Int32Array, n: number, counts: Int32Array, from: number): number {
    const cap = counts.length - 1;
    if (from < 0) {
      counts.fill(0);
      for (let j = 0; j < n; j++) {
        const dur = monthsOnBenefit[eligible[j]];
        counts[dur < cap ? dur : cap]++;
      }
      return n;
    }
    let w = 0;
    for (let j = 0; j < n; j++) {
      const i = eligible[j];
      eligible[w] = i;
      const dur = monthsOnBenefit[i];
      w += (dur < cap ? dur : cap) >= from ? 1 : 0;
    }
    return w;
  };
}

/** The priority score in [0, 1) of slot i. */
export function priorityScore(priority: Priority, agents: Agents, i: number, employability: Float32Array, policyId: number): number {
  switch (priority) {
    case 'random':
      return luckOf(agents.luckKey[i], policyId, Purpose.priority);
    case 'longest-on-benefit':
      return Math.min(agents.monthsOnBenefit[i], 599) / 600 + luckOf(agents.luckKey[i], policyId, Purpose.priority) / 600;
    case 'most-employable':
      return employability[i] / (1 + employability[i]);
    case 'least-employable':
      return 1 / (1 + employability[i]);
  }
}

/** The priority scores of `slots[0..n)` into `out[0..n)`: `priorityScore` for each, the rule chosen once. */
export function scoreAll(priority: Priority, agents: Agents, slots: Int32Array, n: number, out: Float64Array, employability: Float32Array, policyId: number): void {
  const { luckKey, monthsOnBenefit } = agents;
  switch (priority) {
    case 'random':
      for (let j = 0; j < n; j++) out[j] = luckOf(luckKey[slots[j]], policyId, Purpose.priority);
      return;
    case 'longest-on-benefit':
      for (let j = 0; j < n; j++) {
        const i = slots[j];
        out[j] = Math.min(monthsOnBenefit[i], 599) / 600 + luckOf(luckKey[i], policyId, Purpose.priority) / 600;
      }
      return;
    default:
      for (let j = 0; j < n; j++) out[j] = priorityScore(priority, agents, slots[j], employability, policyId);
  }
}
