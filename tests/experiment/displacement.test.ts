import { describe, expect, it } from 'vitest';
import { meanInterval, ratioInterval, runDisplacement } from '../../src/experiment/displacement.ts';
import { tQuantile975 as t975 } from '../../src/output/stats.ts';
import { experimentSchema } from '../../src/experiment/schema.ts';
import { validateModel, type LoadedModel } from '../../src/model/load.ts';
import small from '../fixtures/small.ts';

describe('the displacement design', () => {
  it('t intervals for small samples; a seeded bootstrap for ratios', () => {
    expect(t975(4)).toBeCloseTo(2.776, 3);
    const i = meanInterval([1, 2, 3, 4, 5]);
    expect(i.mean).toBe(3);
    expect(i.hi - i.mean).toBeCloseTo(2.776 * Math.sqrt(2.5) / Math.sqrt(5), 6);
    const a = ratioInterval([1, 2, 3, 4], [2, 4, 6, 8], 'k');
    expect(a).toEqual({ mean: 0.5, lo: 0.5, hi: 0.5 });
    expect(ratioInterval([1, 3, 2, 5], [2, 4, 3, 9], 'k')).toEqual(ratioInterval([1, 3, 2, 5], [2, 4, 3, 9], 'k'));
  });

  it('guidance for half a group: a gain for the treated, partly taken from others, more so in a slack market', async () => {
    const model = validateModel({ ...structuredClone(small), horizonMonths: 14 }, 'small');
    const models = new Map<string, LoadedModel>([['small', { model, file: 'small.ts', hash: '' }]]);
    const e = experimentSchema.parse({
      kind: 'experiment', name: 'd', description: 'd', question: 'q', outcomes: ['exits-to-work'], replicates: 8, seed: 3,
      design: { kind: 'displacement', base: 'small', group: { maxAge: 50 }, caseManagers: 20, caseloadPerManager: 50, startMonth: 2, followMonths: 12,
        markets: [{ name: 'weak', vacancyFactor: 0.3 }, { name: 'tight', vacancyFactor: 3 }] },
    });
    const [weak, tight] = await runDisplacement(e, models, 0);
    for (const r of [weak, tight]) {
      expect(r.gain.lo, r.market).toBeGreaterThan(0);
      expect(r.nTreated).toBeGreaterThan(100);
      expect(r.displacedShare.mean).toBeGreaterThan(0);
      expect(r.displacedShare.mean).toBeLessThan(1); // partial: the market adds some hires
      expect(r.untreatedOverGain.mean).toBeGreaterThanOrEqual(0);
    }
    expect(weak.fill).toBeGreaterThan(tight.fill);
    expect(weak.displacedShare.lo).toBeGreaterThan(tight.displacedShare.hi);
  });
});
