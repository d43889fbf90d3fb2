/**
 * `EligibleByBounds` keeps a programme's eligible month by month from the spells that begin; it
 * must hold the same slots as a scan of the caseload with the same bounds (in any order, each slot
 * once), in every month of a real run: through compactions, returns to benefit, reapplications,
 * months it is not asked (then it lists afresh), bounds below and above, and a programme's own
 * members and finishers.
 */
import { describe, expect, it } from 'vitest';
import { EligibleByBounds } from '../../src/policies/eligible-list.ts';
import { LIST_BOUNDS as BOUNDS, PROBED, probeRotterdam, scanEligible } from './helpers.ts';

describe('EligibleByBounds', () => {
  it('equals a scan of the caseload in every month of a Rotterdam run, as-is and without policies', async () => {
    for (const scenario of PROBED) {
      let lists: EligibleByBounds[] = [];
      let compared = 0, wrong = 0, nonEmpty = 0;
      const compactions = await probeRotterdam(scenario, (sim, months) => {
        lists = BOUNDS.map(([, minAge, lastAge, minDur, lastDur], k) => {
          sim.agents.addColumn(`probe#${k}`, Uint8Array);
          return new EligibleByBounds(minAge, lastAge, minDur, lastDur, `probe#${k}`, months);
        });
      }, (ctx, m, done) => {
        const a = ctx.agents;
        lists.forEach((list, k) => {
          if (k === 3 && ctx.month % 7 === 3) { list.invalidate(); return; } // a month it is not asked
          const out = new Int32Array(a.capacity);
          const n = list.eligible(a, ctx.month, m, done, BOUNDS[k][5], out);
          const expected = scanEligible(ctx, BOUNDS[k], m, done);
          compared++;
          nonEmpty += +(expected.length > 0);
          const listed = Array.from(out.subarray(0, n)).sort((x, y) => x - y); // the scan's are in slot order
          if (n !== expected.length || expected.some((i, j) => listed[j] !== i)) wrong++;
        });
      });
      expect(compared).toBeGreaterThan(200);
      expect(nonEmpty).toBe(compared); // every bound finds people, so the comparison means something
      expect(compactions).toBeGreaterThan(0); // and it went through compactions
      expect(wrong).toBe(0);
    }
  });
});
