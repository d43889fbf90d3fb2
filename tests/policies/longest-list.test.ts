/**
 * `LongestEligible` keeps a 'longest-on-benefit' programme's eligible month by month, by the month
 * their spell began; its shortlist must hold the same slots as `shortlistLongest` makes from a scan
 * of the caseload with the same bounds (in any order, each slot once), in every month of a real
 * run: through compactions, returns to benefit, reapplications, months it is not asked (then it
 * lists afresh), bounds below and above, and a programme's own members and finishers.
 */
import { describe, expect, it } from 'vitest';
import { Agents, NEW_SPELL_MONTHS, State } from '../../src/agents/columns.ts';
import { LongestEligible } from '../../src/policies/longest-list.ts';
import { openStream } from '../../src/random/streams.ts';
import { LIST_BOUNDS as BOUNDS, PROBED, probeRotterdam, scanEligible } from './helpers.ts';

/**
 * The shortlist of 'longest-on-benefit' for `free` places from the eligible `slots` (slot order),
 * as `shortlistLongest` makes it: everyone with at least the months on benefit (capped at 599) of
 * the `free`-th longest; everyone if there are no more than `free`.
 */
function shortlisted(slots: number[], monthsOnBenefit: Uint16Array, free: number): number[] {
  if (slots.length <= free) return slots;
  const capped = (i: number) => Math.min(monthsOnBenefit[i], 599);
  const from = free <= 0 ? 599 : slots.map(capped).sort((x, y) => y - x)[free - 1];
  return slots.filter((i) => capped(i) >= from);
}

describe('LongestEligible', () => {
  it('its shortlist equals one from a scan of the caseload in every month of a Rotterdam run, as-is and without policies', async () => {
    for (const scenario of PROBED) {
      let lists: LongestEligible[] = [];
      let compared = 0, nonEmpty = 0, shortlists = 0, wrongShortlists = 0, everyone = 0, partial = 0;
      const compactions = await probeRotterdam(scenario, (sim, months) => {
        lists = BOUNDS.map(([, minAge, lastAge, minDur, lastDur], k) => {
          sim.agents.addColumn(`probe#${k}`, Int16Array);
          return new LongestEligible(minAge, lastAge, minDur, lastDur, `probe#${k}`, months);
        });
      }, (ctx, m, done) => {
        const a = ctx.agents;
        lists.forEach((list, k) => {
          if (k === 3 && ctx.month % 7 === 3) { list.invalidate(); return; } // a month it is not kept up
          if (k === 2 && ctx.month % 5 === 1) { list.keepUp(a, ctx.month, m, done, BOUNDS[k][5]); return; } // kept up, not asked
          const out = new Int32Array(a.capacity);
          const expected = scanEligible(ctx, BOUNDS[k], m, done);
          compared++;
          nonEmpty += +(expected.length > 0);
          // places a third of the eligible, all but one, exactly as many, or more (then everyone), in turn
          const free = [Math.floor(expected.length / 3), expected.length - 1, expected.length, expected.length + 5][ctx.month % 4];
          const n = list.longest(a, ctx.month, m, done, BOUNDS[k][5], free, out);
          const short = shortlisted(expected, a.monthsOnBenefit, free);
          const listed = Array.from(out.subarray(0, n)).sort((x, y) => x - y);
          shortlists++;
          everyone += +list.everyone;
          partial += +(short.length < expected.length);
          if (list.everyone !== expected.length <= free) wrongShortlists++;
          else if (n !== short.length || short.some((i, j) => listed[j] !== i)) wrongShortlists++;
        });
      });
      expect(compared).toBeGreaterThan(200);
      expect(nonEmpty).toBe(compared); // every bound finds people, so the comparison means something
      expect(compactions).toBeGreaterThan(0); // and it went through compactions
      expect(shortlists).toBeGreaterThan(100);
      expect(everyone).toBeGreaterThan(20); // both outcomes happen: every eligible fits, or a shortlist
      expect(partial).toBeGreaterThan(20);
      expect(wrongShortlists).toBe(0);
    }
  });

  it('ranks everyone past 599 months on benefit alike, as the score does, month after month', () => {
    // no town has them, so a population of its own: 400 on benefit for 560-639 months
    const a = new Agents(400);
    const u = openStream(['test', 'eligible-list', 'cap']);
    for (let k = 0; k < 400; k++) {
      const i = a.append();
      a.setKey(i, k);
      a.state[i] = State.onBenefit;
      a.ageMonths[i] = 800;
      a.monthsOnBenefit[i] = 560 + Math.floor(80 * u());
    }
    a.listCaseload();
    a.addColumn('probe', Int16Array);
    const list = new LongestEligible(0, 100_000, 0, 100_000, 'probe', 30);
    const m = new Int16Array(a.capacity), done = new Uint8Array(a.capacity), out = new Int32Array(a.capacity);
    const everyone = Array.from({ length: 400 }, (_, i) => i);
    let capped = 0;
    for (let t = 0; t < 30; t++) {
      const free = [3, 40, 150, 399, 400, 401][t % 6];
      const n = list.longest(a, t, m, done, 3, free, out);
      const short = shortlisted(everyone, a.monthsOnBenefit, free);
      expect(list.everyone).toBe(free >= 400);
      expect(Array.from(out.subarray(0, n)).sort((x, y) => x - y)).toEqual(short);
      capped += +(short.every((i) => a.monthsOnBenefit[i] >= 599) && short.length > free);
      for (const i of everyone) { a.ageMonths[i]++; a.monthsOnBenefit[i]++; } // a month passes
    }
    expect(capped).toBeGreaterThan(3); // shortlists of the capped rank only, longer than the places
  });
});


describe('the spells the lists take from agents.spellStarts', () => {
  it(`have at most NEW_SPELL_MONTHS (${NEW_SPELL_MONTHS}) months on benefit when the programmes assign, in every month of a Rotterdam run`, async () => {
    for (const scenario of PROBED) {
      let seen = 0, over = 0;
      await probeRotterdam(scenario, () => {}, (ctx) => {
        const a = ctx.agents;
        for (let k = 0; k < a.spellStartCount; k++) {
          seen++;
          over += +(a.monthsOnBenefit[a.spellStarts[k]] > NEW_SPELL_MONTHS);
        }
      });
      expect(seen).toBeGreaterThan(1000);
      expect(over).toBe(0);
    }
  }, 120_000);
});
