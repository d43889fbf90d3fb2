import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeFromEnd } from '../../src/policies/sorted-slots.ts';

/**
 * Two disjoint ascending lists of distinct slots: a long one and a few to add, with runs between
 * them both shorter and longer than the merge's short-run cut-off (16).
 */
const lists = fc
  .uniqueArray(fc.integer({ min: 0, max: 5_000 }), { maxLength: 600 })
  .chain((all) => fc.tuple(fc.constant(all), fc.array(fc.boolean(), { minLength: all.length, maxLength: all.length })))
  .map(([all, toAdd]) => {
    const list: number[] = [], add: number[] = [];
    all.forEach((slot, k) => (toAdd[k] && k % 7 === 0 ? add : list).push(slot));
    return { list: list.sort((x, y) => x - y), add: add.sort((x, y) => x - y) };
  });

describe('merging sorted slots', () => {
  it('mergeFromEnd equals a sort of both lists, in place, and returns the new length', () => {
    fc.assert(fc.property(lists, ({ list, add }) => {
      const out = new Int32Array(list.length + add.length + 3).fill(-7);
      out.set(list);
      const n = mergeFromEnd(out, list.length, Int32Array.from(add), add.length);
      expect(n).toBe(list.length + add.length);
      expect(Array.from(out.subarray(0, n))).toEqual([...list, ...add].sort((x, y) => x - y));
      expect(Array.from(out.subarray(n))).toEqual([-7, -7, -7]);
    }), { numRuns: 300, seed: 15 });
  });

  it('moves long runs whole: slots added at both ends and in the middle of a long list', () => {
    const list = Int32Array.from({ length: 1000 }, (_, k) => 2 * k + 1); // odd slots 1 .. 1999
    const add = Int32Array.from([0, 1000, 4000]);
    const expected = [0, ...Array.from(list.subarray(0, 500)), 1000, ...Array.from(list.subarray(500)), 4000];
    const out = new Int32Array(1003);
    out.set(list);
    mergeFromEnd(out, 1000, add, 3);
    expect(Array.from(out)).toEqual(expected);
  });
});
