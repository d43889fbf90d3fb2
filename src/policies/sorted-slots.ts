/**
 * Merging sorted lists of slots (distinct, ascending), as a programme's members need each month:
 * a long list and a few new slots. Between two new slots the long list is moved as one run (a
 * binary search finds its end, the typed array's own copy moves it), so a merge costs the few new
 * slots' searches plus a memory copy, not a comparison per slot.
 */

/** Runs shorter than this are moved slot by slot: a typed array's copy has a fixed cost of its own. */
const SHORT_RUN = 16;

/** The first index in [from, to) of the ascending `list` whose slot is above `slot`, or `to`. */
function firstAbove(list: Int32Array, from: number, to: number, slot: number): number {
  let lo = from, hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] > slot) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Merges the sorted `add[0 .. e)` into the sorted `out[0 .. n)` in place, from the end; returns n + e. */
export function mergeFromEnd(out: Int32Array, n: number, add: Int32Array, e: number): number {
  let a = n; // out[0 .. a) has not moved yet
  for (let b = e - 1; b >= 0; b--) {
    const slot = add[b];
    const from = firstAbove(out, 0, a, slot);
    // out[from .. a) is above the slot and every add[0 .. b]: it moves up by b + 1
    if (a - from < SHORT_RUN) for (let k = a - 1; k >= from; k--) out[k + b + 1] = out[k];
    else out.copyWithin(from + b + 1, from, a);
    out[from + b] = slot;
    a = from;
  }
  return n + e;
}
