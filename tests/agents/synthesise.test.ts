import { beforeAll, describe, expect, it } from 'vitest';
import { Household, State, type Agents } from '../../src/agents/columns.ts';
import { SKILL_MEAN, synthesiseStock } from '../../src/agents/synthesise.ts';
import { defaultBehaviour } from '../../src/model/behaviour.ts';
import { validateModel } from '../../src/model/load.ts';
import type { StockTraits } from '../../src/model/schema.ts';
import { openStream } from '../../src/random/streams.ts';

const N = 20_000;
const FRAILTY_SD = defaultBehaviour.employability.frailtySd;

let traits: StockTraits;
let agents: Agents;

beforeAll(async () => {
  const model = validateModel((await import('../fixtures/small.ts')).default, 'small');
  traits = model.population.traits;
  agents = synthesiseStock(N, traits, openStream(['test', 'synthesise', 1]), FRAILTY_SD);
});

/** 4 binomial standard errors for a share p out of n, plus a fixed allowance. */
const shareTol = (p: number, n: number, extra = 0) => 4 * Math.sqrt((p * (1 - p)) / n) + extra;

function share(a: Agents, pred: (i: number) => boolean): number {
  let c = 0;
  for (let i = 0; i < a.size; i++) if (pred(i)) c++;
  return c / a.size;
}

function corr(a: Agents, x: (i: number) => number, y: (i: number) => number): number {
  const n = a.size;
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) { mx += x(i); my += y(i); }
  mx /= n; my /= n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x(i) - mx, dy = y(i) - my;
    sxy += dx * dy; sxx += dx * dx; syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('synthesiseStock', () => {
  it('creates size people on benefit with keys 0..size-1, one spell and no entry month', () => {
    expect(agents.size).toBe(N);
    let wrong = 0;
    for (let i = 0; i < N; i++) {
      if (agents.key[i] !== i || agents.state[i] !== State.onBenefit || agents.spells[i] !== 1 || agents.entryMonth[i] !== -1) wrong++;
    }
    expect(wrong).toBe(0);
  });

  it('is deterministic in its stream', () => {
    const again = synthesiseStock(500, traits, openStream(['test', 'synthesise', 1]), FRAILTY_SD);
    const other = synthesiseStock(500, traits, openStream(['test', 'synthesise', 2]), FRAILTY_SD);
    expect(Array.from(again.skills.subarray(0, 500))).toEqual(Array.from(agents.skills.subarray(0, 500)));
    expect(Array.from(again.monthsOnBenefit.subarray(0, 500))).toEqual(Array.from(agents.monthsOnBenefit.subarray(0, 500)));
    expect(Array.from(other.skills.subarray(0, 500))).not.toEqual(Array.from(agents.skills.subarray(0, 500)));
  });

  it('matches the age-band shares', () => {
    let min = Infinity, max = -Infinity;
    for (let i = 0; i < N; i++) { min = Math.min(min, agents.ageMonths[i]); max = Math.max(max, agents.ageMonths[i]); }
    expect(min).toBeGreaterThanOrEqual(traits.age[0].from * 12);
    expect(max).toBeLessThanOrEqual(traits.age[traits.age.length - 1].to * 12);
    for (const band of traits.age) {
      const s = share(agents, (i) => agents.ageMonths[i] >= band.from * 12 && agents.ageMonths[i] < band.to * 12);
      // 4 binomial SE, plus 0.003 because ages are rounded to whole months (up to half a month of a
      // band of >= 9 years can fall on the other side of its edge).
      expect(Math.abs(s - band.share), `${band.from}-${band.to}`).toBeLessThan(shareTol(band.share, N, 0.003));
    }
  });

  it('matches the education shares through the mean and second moment of skills', () => {
    // skills = clamp(mean(education) + 0.1 z, 0.02, 0.98): a mixture whose first two moments are
    // sum p_e m_e and sum p_e (m_e^2 + 0.01); the clamp moves them by < 1e-4.
    const e = traits.education;
    const m1 = e.low * SKILL_MEAN.low + e.medium * SKILL_MEAN.medium + e.high * SKILL_MEAN.high;
    const m2 = e.low * SKILL_MEAN.low ** 2 + e.medium * SKILL_MEAN.medium ** 2 + e.high * SKILL_MEAN.high ** 2 + 0.01;
    let s1 = 0, s2 = 0, s4 = 0;
    for (let i = 0; i < N; i++) { const s = agents.skills[i]; s1 += s; s2 += s * s; s4 += s ** 4; }
    s1 /= N; s2 /= N; s4 /= N;
    // 4 standard errors from the sample itself: sd(mean) = sqrt(var/N), sd(mean of s^2) = sqrt((E s^4 - (E s^2)^2)/N).
    expect(Math.abs(s1 - m1)).toBeLessThan(4 * Math.sqrt((s2 - s1 * s1) / N) + 1e-4);
    expect(Math.abs(s2 - m2)).toBeLessThan(4 * Math.sqrt((s4 - s2 * s2) / N) + 1e-4);
    // Sanity of the bar: swapping the low and medium shares would move the mean by 0.0375, > 20 SE.
  });

  it('matches the household, ladder and multi-problem shares', () => {
    const h = traits.household;
    for (const [code, p] of [[Household.single, h.single], [Household.singleParent, h.singleParent], [Household.couple, h.couple]] as const) {
      expect(Math.abs(share(agents, (i) => agents.household[i] === code) - p), `household ${code}`).toBeLessThan(shareTol(p, N));
    }
    traits.ladder.forEach((p, k) => {
      expect(Math.abs(share(agents, (i) => agents.rung[i] === k + 1) - p), `rung ${k + 1}`).toBeLessThan(shareTol(p, N));
    });
    expect(share(agents, (i) => agents.rung[i] < 1 || agents.rung[i] > 6)).toBe(0);
    const mp = traits.multiProblemShare;
    expect(Math.abs(share(agents, (i) => agents.multiProblem[i] === 1) - mp)).toBeLessThan(shareTol(mp, N));
  });

  it('matches the motivation mean and the years-on-benefit bands where age does not cap them', () => {
    let m = 0;
    for (let i = 0; i < N; i++) m += agents.motivation[i];
    m /= N;
    // sd 0.2 -> SE 0.0014; 4 SE plus 0.002 for the clamp to [0.02, 1] (about symmetric, 2.4 sd each side).
    expect(Math.abs(m - traits.motivation.mean)).toBeLessThan(4 * traits.motivation.sd / Math.sqrt(N) + 0.002);
    // Age is drawn independently of duration, so among people old enough that no band is capped by
    // age - 18 the band shares are the specified ones.
    const maxYears = traits.yearsOnBenefit[traits.yearsOnBenefit.length - 1].to;
    const old: number[] = [];
    for (let i = 0; i < N; i++) if (agents.ageMonths[i] >= (18 + maxYears) * 12 + 1) old.push(i);
    expect(old.length).toBeGreaterThan(N / 4);
    for (const b of traits.yearsOnBenefit) {
      const s = old.filter((i) => agents.monthsOnBenefit[i] >= b.from * 12 && agents.monthsOnBenefit[i] < b.to * 12).length / old.length;
      // 4 SE plus 0.005 for rounding durations to whole months at the band edges.
      expect(Math.abs(s - b.share), `${b.from}-${b.to} years`).toBeLessThan(shareTol(b.share, old.length, 0.005));
    }
  });

  it('draws frailty with mean 1, independent of the observed traits', () => {
    let f = 0;
    for (let i = 0; i < N; i++) f += agents.frailty[i];
    f /= N;
    // lognormal with sigma 0.6, mean 1: sd = sqrt(e^0.36 - 1) ~ 0.66, 4 SE ~ 0.019
    expect(Math.abs(f - 1)).toBeLessThan(4 * Math.sqrt(Math.exp(FRAILTY_SD ** 2) - 1) / Math.sqrt(N));
    // |corr| < 4/sqrt(N) ~ 0.028 (4 SE under independence)
    const bar = 4 / Math.sqrt(N);
    expect(Math.abs(corr(agents, (i) => agents.frailty[i], (i) => agents.skills[i]))).toBeLessThan(bar);
    expect(Math.abs(corr(agents, (i) => agents.frailty[i], (i) => agents.monthsOnBenefit[i]))).toBeLessThan(bar);
    expect(Math.abs(corr(agents, (i) => agents.frailty[i], (i) => agents.motivation[i]))).toBeLessThan(bar);
  });

  it('with clustering 0.9 long durations go with low motivation, low skills, low rungs and multiple problems', () => {
    const a = synthesiseStock(N, { ...traits, clustering: 0.9 }, openStream(['test', 'synthesise', 'clustered']), FRAILTY_SD);
    const dur = (i: number) => a.monthsOnBenefit[i];
    // With rho = 0.9 the latent factor carries 81% of each trait's disadvantage; after banding the
    // correlations stay far from 0. The bar -0.1 is loose (14 SE of a zero correlation at N = 20k).
    expect(corr(a, dur, (i) => a.motivation[i])).toBeLessThan(-0.1);
    expect(corr(a, dur, (i) => a.skills[i])).toBeLessThan(-0.1);
    expect(corr(a, dur, (i) => a.rung[i])).toBeLessThan(-0.1);
    expect(corr(a, dur, (i) => a.multiProblem[i])).toBeGreaterThan(0.1);
    // the marginals are unchanged by clustering
    expect(Math.abs(share(a, (i) => a.multiProblem[i] === 1) - traits.multiProblemShare)).toBeLessThan(shareTol(traits.multiProblemShare, N));
  });

  it('with clustering 0 durations are uncorrelated with motivation and skills', () => {
    const a = synthesiseStock(N, { ...traits, clustering: 0 }, openStream(['test', 'synthesise', 'independent']), FRAILTY_SD);
    const dur = (i: number) => a.monthsOnBenefit[i];
    // 4 SE of a zero correlation: 4/sqrt(20000) ~ 0.028
    const bar = 4 / Math.sqrt(N);
    expect(Math.abs(corr(a, dur, (i) => a.motivation[i]))).toBeLessThan(bar);
    expect(Math.abs(corr(a, dur, (i) => a.skills[i]))).toBeLessThan(bar);
    expect(Math.abs(corr(a, dur, (i) => a.rung[i]))).toBeLessThan(bar);
    expect(Math.abs(corr(a, (i) => a.skills[i], (i) => a.motivation[i]))).toBeLessThan(bar);
  });

  it('never gives anyone more years on benefit than years since age 18', () => {
    // Young people with long-duration bands: without the cap nearly everyone would exceed it.
    const young: StockTraits = {
      ...traits,
      age: [{ from: 15, to: 19, share: 0.3 }, { from: 19, to: 26, share: 0.7 }],
      yearsOnBenefit: [{ from: 5, to: 20, share: 1 }],
    };
    for (const t of [traits, young]) {
      const a = synthesiseStock(5000, t, openStream(['test', 'synthesise', 'cap']), FRAILTY_SD);
      let over = 0, atCap = 0, under18Nonzero = 0;
      for (let i = 0; i < a.size; i++) {
        const cap = Math.max(0, a.ageMonths[i] - 18 * 12);
        if (a.monthsOnBenefit[i] > cap) over++;
        if (a.monthsOnBenefit[i] === cap) atCap++;
        if (a.ageMonths[i] < 18 * 12 && a.monthsOnBenefit[i] !== 0) under18Nonzero++;
      }
      expect(over).toBe(0);
      expect(under18Nonzero).toBe(0);
      // Most of the young are held at the cap, so the check above had teeth: a draw from 5-20 years is
      // below age - 18 (< 8 years) with probability < 3/15 at most, and only for those over 23.
      if (t === young) expect(atCap).toBeGreaterThan(0.8 * a.size);
    }
  });
});
