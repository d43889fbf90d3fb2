import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Agents, State } from '../../src/agents/columns.ts';
import { kthLargest, PRIORITIES, priorityScore, scoreAll, selectTop, shortlistLongest } from '../../src/policies/select.ts';
import { openStream } from '../../src/random/streams.ts';

/** The reference: a full sort by score (high first), ties by the eligible value (low first). */
function topBySort(eligible: Int32Array, n: number, score: Float64Array, free: number): number[] {
  const idx = Array.from({ length: n }, (_, j) => j);
  idx.sort((x, y) => score[y] - score[x] || eligible[x] - eligible[y]);
  return idx.slice(0, Math.max(0, Math.min(free, n))).map((j) => eligible[j]);
}

const sorted = (a: ArrayLike<number>) => Array.from(a).sort((x, y) => x - y);

/** n distinct slots in shuffled order, with scores from `scoreOf`. */
function candidates(n: number, seed: string, scoreOf: (u: () => number) => number) {
  const u = openStream(['test', 'select', seed]);
  const eligible = Int32Array.from({ length: n }, (_, j) => 3 * j + 1);
  for (let j = n - 1; j > 0; j--) {
    const k = Math.floor(u() * (j + 1));
    [eligible[j], eligible[k]] = [eligible[k], eligible[j]];
  }
  const score = Float64Array.from({ length: n }, () => scoreOf(u));
  return { eligible, score };
}

describe('selectTop', () => {
  it('returns exactly `free` items, and they are the top scores of a full sort', () => {
    for (const [n, free] of [[10, 3], [1000, 1], [1000, 250], [1000, 999], [5000, 1234]]) {
      const { eligible, score } = candidates(n, `${n}/${free}`, (u) => u());
      const out = selectTop(eligible, n, score, free);
      expect(out.length).toBe(free);
      expect(new Set(out).size).toBe(free); // no one twice
      expect(sorted(out)).toEqual(sorted(topBySort(eligible, n, score, free)));
    }
  });

  it('orders scores that fall in the same histogram bin correctly', () => {
    // all scores within 1e-6 of each other: one bin, so the choice rests on the exact comparison
    const n = 500;
    const { eligible, score } = candidates(n, 'one-bin', (u) => 0.5 + 1e-6 * u());
    const out = selectTop(eligible, n, score, 77);
    expect(sorted(out)).toEqual(sorted(topBySort(eligible, n, score, 77)));
    // scores at the extremes of [0, 1)
    const edge = candidates(300, 'edges', (u) => (u() < 0.5 ? 0 : 1 - 1e-12 * u()));
    expect(sorted(selectTop(edge.eligible, 300, edge.score, 120))).toEqual(sorted(topBySort(edge.eligible, 300, edge.score, 120)));
  });

  it('breaks ties deterministically by slot, whatever the order the candidates come in', () => {
    const n = 2000;
    // only 5 distinct scores: massive ties at the threshold
    const { eligible, score } = candidates(n, 'ties', (u) => Math.floor(u() * 5) / 5);
    const free = 701;
    const a = selectTop(eligible, n, score, free);
    const b = selectTop(eligible, n, score, free);
    expect(Array.from(b)).toEqual(Array.from(a)); // same call, same answer
    expect(sorted(a)).toEqual(sorted(topBySort(eligible, n, score, free)));
    // the same candidates in reverse order give the same set
    const rEl = eligible.slice().reverse();
    const rSc = score.slice().reverse();
    expect(sorted(selectTop(rEl, n, rSc, free))).toEqual(sorted(a));
  });

  it('unordered: candidates in any order give what the same candidates in slot order give, order included', () => {
    for (const [n, free, ranked] of [[2000, 701, false], [2000, 701, true], [300, 300, false], [300, 400, true], [1000, 150, false]] as const) {
      // few distinct scores, so that many are taken in list order and the threshold bin has ties
      const { eligible, score } = candidates(n, `unordered/${n}/${free}`, (u) => Math.floor(u() * 7) / 7);
      const bySlot = Array.from({ length: n }, (_, j) => j).sort((x, y) => eligible[x] - eligible[y]);
      const inSlotOrder = Int32Array.from(bySlot, (j) => eligible[j]);
      const scoresInSlotOrder = Float64Array.from(bySlot, (j) => score[j]);
      const expected = Array.from(selectTop(inSlotOrder, n, scoresInSlotOrder, free, ranked));
      expect(Array.from(selectTop(eligible, n, score, free, ranked, true))).toEqual(expected);
      expect(Array.from(selectTop(eligible, n, score, free, ranked))).not.toEqual(expected); // the flag is what makes them equal
    }
  });

  it('uses only the first n candidates and handles free <= 0 and free >= n', () => {
    const { eligible, score } = candidates(100, 'prefix', (u) => u());
    expect(selectTop(eligible, 100, score, 0).length).toBe(0);
    expect(selectTop(eligible, 100, score, -5).length).toBe(0);
    expect(selectTop(eligible, 0, score, 10).length).toBe(0);
    expect(sorted(selectTop(eligible, 40, score, 40))).toEqual(sorted(eligible.subarray(0, 40)));
    expect(sorted(selectTop(eligible, 40, score, 400))).toEqual(sorted(eligible.subarray(0, 40)));
    // the tail beyond n is ignored even if it scores higher
    const s2 = score.slice();
    for (let j = 40; j < 100; j++) s2[j] = 0.999;
    expect(sorted(selectTop(eligible, 40, s2, 10))).toEqual(sorted(topBySort(eligible, 40, s2, 10)));
  });
});

describe('priorityScore', () => {
  const n = 400;
  const a = new Agents(n);
  const emp = new Float32Array(a.capacity);
  const u = openStream(['test', 'priority']);
  for (let k = 0; k < n; k++) {
    const i = a.append();
    a.setKey(i, 7 * k + 3);
    a.state[i] = State.onBenefit;
    a.monthsOnBenefit[i] = Math.floor(u() * 700); // some beyond the 599-month cap
    emp[i] = Math.exp(2 * (u() - 0.5)) * (k === 0 ? 1e-6 : 1);
  }
  /** Scores under a replicate's luck seed (which sets every person's luck key). */
  const scores = (p: (typeof PRIORITIES)[number], seed = 99) => {
    a.luckSeed = seed;
    for (let i = 0; i < n; i++) a.setKey(i, a.key[i]);
    return Array.from({ length: n }, (_, i) => priorityScore(p, a, i, emp, 1000));
  };

  it('lies in [0, 1) for every priority rule', () => {
    for (const p of PRIORITIES) {
      for (const s of scores(p)) {
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThan(1);
      }
    }
  });

  it('orders people as the rule says', () => {
    const most = scores('most-employable');
    const least = scores('least-employable');
    const longest = scores('longest-on-benefit');
    let pairs = 0, wrong = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      if (emp[i] > emp[j]) {
        pairs++;
        if (!(most[i] > most[j])) wrong++;
        if (!(least[i] < least[j])) wrong++;
      }
      if (Math.min(a.monthsOnBenefit[i], 599) > Math.min(a.monthsOnBenefit[j], 599) && !(longest[i] > longest[j])) wrong++;
    }
    expect(pairs).toBeGreaterThan(n * (n - 1) / 2 - n); // employabilities are (nearly) all distinct
    expect(wrong).toBe(0);
  });

  it("'random' is fixed per person and seed, and differs between seeds", () => {
    expect(scores('random', 5)).toEqual(scores('random', 5));
    expect(scores('random', 5)).not.toEqual(scores('random', 6));
    const r = scores('random', 5);
    const mean = r.reduce((x, y) => x + y, 0) / n;
    // uniform: sd of the mean = sqrt(1/12/400) ~ 0.0144; 4 SE
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
  });
});

describe('shortlistLongest', () => {
  it('gives the same choice, in the same order, as ranking every eligible person (longest on benefit first)', () => {
    for (const [n, free, spread] of [[3000, 200, 120], [3000, 2999, 120], [500, 1, 700], [800, 400, 3], [1000, 37, 1]] as const) {
      const u = openStream(['test', 'shortlist', n, free, spread]);
      const a = new Agents(n + 10);
      a.luckSeed = 99;
      for (let j = 0; j < n; j++) {
        const s = a.append();
        a.setKey(s, j);
        a.state[s] = State.onBenefit;
        a.monthsOnBenefit[s] = Math.floor(u() * spread); // many ties in months when the spread is small; some past the cap of 599
      }
      const all = Int32Array.from({ length: n }, (_, j) => j);
      const scores = new Float64Array(n);
      scoreAll('longest-on-benefit', a, all, n, scores, a.employability, 3100);
      const full = selectTop(all, n, scores, free);
      const short = all.slice();
      const m = shortlistLongest(a, short, n, free);
      expect(m).toBeGreaterThanOrEqual(free);
      expect(m).toBeLessThanOrEqual(n);
      const shortScores = new Float64Array(m);
      scoreAll('longest-on-benefit', a, short, m, shortScores, a.employability, 3100);
      expect(Array.from(selectTop(short, m, shortScores, free, true))).toEqual(Array.from(full));
    }
  });
});

/** `selectTop` as it was with a histogram whatever the number of candidates: the reference for the order of its result. */
function selectTopByHistogram(eligible: Int32Array, n: number, score: Float64Array, free: number, ranked: boolean, unordered: boolean): number[] {
  const BINS = 4096;
  if (free <= 0 || n === 0) return [];
  if (free >= n && !ranked) return unordered ? Array.from(eligible.slice(0, n).sort()) : Array.from(eligible.slice(0, n));
  free = Math.min(free, n);
  const counts = new Int32Array(BINS);
  for (let j = 0; j < n; j++) counts[Math.min(BINS - 1, Math.floor(score[j] * BINS))]++;
  let taken = 0, bin = BINS - 1;
  for (; bin >= 0; bin--) {
    if (taken + counts[bin] >= free) break;
    taken += counts[bin];
  }
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
  return Array.from(out);
}

describe('selectTop with few candidates (a selection instead of a histogram)', () => {
  it('gives what the histogram gives, order included, for few and many candidates, ties and spread scores', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 900 }), fc.integer({ min: 1, max: 1000 }), fc.boolean(), fc.boolean(), fc.integer({ min: 1, max: 40 }), fc.string(),
      (n, freeRaw, ranked, unordered, levels, seed) => {
        const free = Math.min(freeRaw, n + 3);
        // few distinct bins (ties at the threshold) or many
        const { eligible, score } = candidates(n, `few/${seed}`, (u) => (levels < 20 ? Math.floor(u() * levels) / levels : u()));
        expect(Array.from(selectTop(eligible, n, score, free, ranked, unordered))).toEqual(selectTopByHistogram(eligible, n, score, free, ranked, unordered));
      },
    ), { numRuns: 300, seed: 14 });
  });

  it('kthLargest finds the k-th largest, as a sort does', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 300 }), fc.nat(), (values, kRaw) => {
      const k = 1 + (kRaw % values.length);
      const expected = [...values].sort((x, y) => y - x)[k - 1];
      expect(kthLargest(Int32Array.from(values), values.length, k)).toBe(expected);
    }), { numRuns: 500, seed: 14 });
  });
});
