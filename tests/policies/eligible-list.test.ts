/**
 * `EligibleByBounds` keeps a programme's eligible month by month from the spells that begin; it
 * must hold the same slots as a scan of the caseload with the same bounds (in any order, each slot
 * once), in every month of a real run: through compactions, returns to benefit, reapplications,
 * months it is not asked (then it lists afresh), bounds below and above, and a programme's own
 * members and finishers.
 */
import { describe, expect, it } from 'vitest';
import { METRIC_COUNT } from '../../src/engine/metrics.ts';
import { AS_IS, createSim } from '../../src/engine/sim.ts';
import { step } from '../../src/engine/step.ts';
import { loadModel } from '../../src/model/load.ts';
import { EligibleByBounds } from '../../src/policies/eligible-list.ts';
import type { Intervention, MonthContext } from '../../src/policies/types.ts';

/**
 * Bounds in whole months, inclusive: [minAge, lastAge, minDur, lastDur], and the done mask: 3
 * without repeats (the list then drops the taken), 2 with (a finisher is free again).
 */
const BOUNDS: [string, number, number, number, number, number][] = [
  ['5+ years on benefit, 30+ (the tegenprestatie)', 360, 100_000, 60, 100_000, 3],
  ['57+ (the exemption)', 684, 100_000, 0, 100_000, 3],
  ['under 27, under 2 years', 0, 323, 0, 23, 3],
  ['1-3 years on benefit, 40-54', 480, 659, 12, 35, 3],
  ['the tegenprestatie\'s, with repeats', 360, 100_000, 60, 100_000, 2],
];

function scan(ctx: MonthContext, [, minAge, lastAge, minDur, lastDur, mask]: (typeof BOUNDS)[number], m: Int16Array, done: Uint8Array): number[] {
  const { caseload, caseloadSize, ageMonths, monthsOnBenefit } = ctx.agents;
  const out: number[] = [];
  for (let k = 0; k < caseloadSize; k++) {
    const i = caseload[k];
    const age = ageMonths[i], dur = monthsOnBenefit[i];
    if (age >= minAge && age <= lastAge && dur >= minDur && dur <= lastDur && m[i] === 0 && (done[i] & mask) === 0) out.push(i);
  }
  return out;
}

describe('EligibleByBounds', () => {
  it('equals a scan of the caseload in every month of a Rotterdam run, as-is and without policies', async () => {
    const { model } = await loadModel('models/rotterdam.ts');
    const months = model.horizonMonths;
    for (const scenario of [AS_IS, { name: 'no-policy', policies: [], commonRandomNumbers: true }]) {
      const sim = createSim({ ...model, population: { ...model.population, size: 8000 } }, scenario, 2, model.run.seed, months);
      const lists = BOUNDS.map(([, minAge, lastAge, minDur, lastDur], k) => {
        sim.agents.addColumn(`probe#${k}`, Uint8Array);
        return new EligibleByBounds(minAge, lastAge, minDur, lastDur, `probe#${k}`, months);
      });
      const none = { m: new Int16Array(0), done: new Uint8Array(0) };
      let compared = 0, wrong = 0, nonEmpty = 0;
      const startCompactions = sim.agents.compactions;
      // a probe policy that runs where the programmes assign (after intake, before the exits pass)
      const probe: Intervention = {
        type: 'probe', label: 'probe', participants: () => 0, cost: () => 0,
        assign: (ctx) => {
          const a = ctx.agents;
          // the tegenprestatie's own members and finishers, when it runs; else nobody is in or done
          const programme = scenario === AS_IS;
          const m = programme ? a.column<Int16Array>('tegenprestatie#1') : (none.m = none.m.length >= a.capacity ? none.m : new Int16Array(a.capacity));
          const done = programme ? a.column<Uint8Array>('tegenprestatie#1:done') : (none.done = none.done.length >= a.capacity ? none.done : new Uint8Array(a.capacity));
          lists.forEach((list, k) => {
            if (k === 3 && ctx.month % 7 === 3) { list.invalidate(); return; } // a month it is not asked
            const out = new Int32Array(a.capacity);
            const n = list.eligible(a, ctx.month, m, done, BOUNDS[k][5], out);
            const expected = scan(ctx, BOUNDS[k], m, done);
            compared++;
            nonEmpty += +(expected.length > 0);
            const listed = Array.from(out.subarray(0, n)).sort((x, y) => x - y); // the scan's are in slot order
            if (n !== expected.length || expected.some((i, j) => listed[j] !== i)) wrong++;
          });
        },
      };
      sim.policies.unshift(probe);
      const series = new Float64Array(months * METRIC_COUNT);
      for (let t = 0; t < months; t++) step(sim, t, series);
      expect(compared).toBeGreaterThan(200);
      expect(nonEmpty).toBe(compared); // every bound finds people, so the comparison means something
      expect(sim.agents.compactions - startCompactions).toBeGreaterThan(0); // and it went through compactions
      expect(wrong).toBe(0);
    }
  });
});
