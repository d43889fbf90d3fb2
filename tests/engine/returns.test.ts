/**
 * The flows the data describe: every route out can lead back (Divosa's re-entry figures), deterred
 * applicants may apply again, non-work exits slow with the years on benefit, and a sanction raises
 * the sanctioned person's exit to work.
 */
import { describe, expect, it } from 'vitest';
import { measure, type Target } from '../../src/calibration/targets.ts';
import { M, METRIC_COUNT } from '../../src/engine/metrics.ts';
import { AS_IS, returnHazards } from '../../src/engine/sim.ts';
import { simulateReplicate } from '../../src/engine/simulate.ts';
import { defaultBehaviour } from '../../src/model/behaviour.ts';
import { validateModel } from '../../src/model/load.ts';
import small from '../fixtures/small.ts';

const model = validateModel({ ...structuredClone(small), scenarios: [] }, 'small');
const returnsTarget = (route: 'any' | 'work' | 'school' | 'non', within: number): Target => ({
  name: `r-${route}-${within}`, figure: '', source: '', value: 0, tolerance: 1, measure: { kind: 'returns', route, exitFrom: 0, exitUntil: 12, withinMonths: within },
});
const total = (s: Float64Array, k: number, months: number) => { let v = 0; for (let t = 0; t < months; t++) v += s[t * METRIC_COUNT + k]; return v; };

describe('returns to bijstand by route', () => {
  it('the share back within 6 months after school or removal matches the hazard that fades by the decay (within 5 points)', () => {
    const rd = defaultBehaviour.revolvingDoor;
    const h = returnHazards(defaultBehaviour);
    const w = rd.returnWindowMonths;
    // probability of no return in months 1..6 after leaving
    let stay = 1;
    for (let m = 1; m <= 6; m++) stay *= 1 - h[1 * (w + 1) + m];
    const expected = 1 - stay;
    let back = 0;
    const R = 4;
    for (let r = 0; r < R; r++) {
      const res = simulateReplicate(model, AS_IS, r, 7, 24);
      back += measure(returnsTarget('school', 6), { series: res.series, months: 24, programmes: res.programmes, reentry: res.reentry });
    }
    expect(Math.abs(back / R - expected)).toBeLessThan(0.05);
    expect(expected).toBeGreaterThan(0.1); // Divosa: enforcement exits 28% back within 6 months
  });

  it('every route leads back, and more come back within 24 months than within 6', () => {
    const res = simulateReplicate(model, AS_IS, 0, 7, 40);
    const view = { series: res.series, months: 40, programmes: res.programmes, reentry: res.reentry };
    for (const route of ['work', 'school', 'non'] as const) {
      const six = measure(returnsTarget(route, 6), view);
      const two = measure(returnsTarget(route, 24), view);
      expect(six, route).toBeGreaterThan(0);
      expect(two, route).toBeGreaterThan(six);
    }
    expect(total(res.series, M.reentries, 40)).toBeGreaterThan(0);
  });

  it('deterred applicants apply again: with a strict intake some of the admitted are reapplications', () => {
    const res = simulateReplicate(model, AS_IS, 0, 7, 24); // the fixture deters 15% at intake
    const reapplied = total(res.series, M.reapplied, 24);
    const deterred = total(res.series, M.deterred, 24);
    expect(deterred).toBeGreaterThan(50);
    expect(reapplied).toBeGreaterThan(0.1 * deterred);
    expect(reapplied).toBeLessThan(deterred);
  });

  it('non-work exits slow with the years on benefit: a stronger duration elasticity gives fewer of them (same people)', () => {
    const flat = validateModel({ ...structuredClone(small), scenarios: [], behaviour: { exits: { durationElasticity: 0 } } }, 'flat');
    const steep = validateModel({ ...structuredClone(small), scenarios: [], behaviour: { exits: { durationElasticity: 1.5 } } }, 'steep');
    const nonWork = (m: typeof flat) => { const s = simulateReplicate(m, AS_IS, 0, 7, 12).series; return total(s, M.exitsSchool, 12) + total(s, M.exitsNonInfluenceable, 12) - total(s, M.exitsPension, 12); };
    expect(nonWork(steep)).toBeLessThan(0.7 * nonWork(flat));
  });

  it('a sanction raises the sanctioned person\'s exit to work (Van den Berg et al. 2004): more exits with the after-sanction gain than without', () => {
    const withSanctions = (gain: number) => validateModel({
      ...structuredClone(small), scenarios: [],
      policies: [{ type: 'sanctions', strictness: 1, endShare: 0, costPerSanction: 0 }],
      behaviour: { policyEffects: { sanctions: { afterSanctionWorkGain: gain, violationRate: 0.2 } } },
    }, `gain-${gain}`);
    let on = 0, off = 0;
    for (let r = 0; r < 3; r++) {
      on += total(simulateReplicate(withSanctions(1.4), AS_IS, r, 7, 24).series, M.exitsWork, 24);
      off += total(simulateReplicate(withSanctions(0), AS_IS, r, 7, 24).series, M.exitsWork, 24);
    }
    expect(on).toBeGreaterThan(off + 4 * Math.sqrt(on + off));
  });
});
