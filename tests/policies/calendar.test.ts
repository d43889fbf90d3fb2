import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/policies/calendar.ts';

/** The entries of `month` as [slot, tag] pairs, in filing order. */
const entries = (c: Calendar, month: number): [number, number][] => {
  const due = c.due(month);
  return Array.from({ length: c.count(month) }, (_, k) => [due[2 * k], due[2 * k + 1]]);
};

describe('Calendar', () => {
  it('gives each month its entries in filing order, keeps none at or past the horizon, and forgets a month read', () => {
    const c = new Calendar(12);
    c.add(3, 10, -5);
    c.add(0, 7, 0);
    c.add(3, 4, 2);
    c.add(12, 1, 0); // the horizon: not kept
    c.add(40, 2, 0);
    expect(entries(c, 3)).toEqual([[10, -5], [4, 2]]);
    expect(entries(c, 0)).toEqual([[7, 0]]);
    expect(c.count(11)).toBe(0);
    expect(c.count(12)).toBe(0);
    c.forget(3);
    expect(c.count(3)).toBe(0);
    c.add(3, 9, 1); // a month read can be filed again
    expect(entries(c, 3)).toEqual([[9, 1]]);
  });

  it('grows a month past its first room and keeps what it held', () => {
    const c = new Calendar(2);
    for (let k = 0; k < 1000; k++) c.add(1, k, 7 - k);
    const got = entries(c, 1);
    expect(got).toHaveLength(1000);
    got.forEach(([slot, tag], k) => {
      expect(slot).toBe(k);
      expect(tag).toBe(7 - k);
    });
  });

  it('renumbers the months from the one given through a compaction, dropping the slots it dropped, and leaves earlier months as they were', () => {
    const c = new Calendar(6);
    c.add(1, 5, 100);
    c.add(2, 0, 1);
    c.add(2, 3, 2);
    c.add(2, 5, 3);
    c.add(4, 2, 4);
    // a compaction kept old slots 0, 2 and 5 as 0, 1 and 2, and dropped 1, 3 and 4
    const to = Int32Array.from([0, -1, 1, -1, -1, 2]);
    c.renumber(to, 2);
    expect(entries(c, 1)).toEqual([[5, 100]]); // before the month given: untouched
    expect(entries(c, 2)).toEqual([[0, 1], [2, 3]]);
    expect(entries(c, 4)).toEqual([[1, 4]]);
    c.clear();
    for (let m = 0; m < 6; m++) expect(c.count(m)).toBe(0);
  });
});
