import { describe, expect, it } from 'vitest';
import { M, METRIC_COUNT } from '../../src/engine/metrics.ts';
import { measure, targetProblems, targetSchema, type Target } from '../../src/calibration/targets.ts';
import type { ProgrammeOutcomes } from '../../src/policies/programme.ts';
import { resultOf, objective, monthsNeeded } from '../../src/calibration/evaluate.ts';

const MONTHS = 6;

/** A series where metric m in month t is (t + 1) * (index of m + 1): every value is distinct and known. */
function series(): Float64Array {
  const s = new Float64Array(MONTHS * METRIC_COUNT);
  for (let t = 0; t < MONTHS; t++) for (let k = 0; k < METRIC_COUNT; k++) s[t * METRIC_COUNT + k] = (t + 1) * (k + 1);
  return s;
}

function outcomes(): ProgrammeOutcomes {
  const o: ProgrammeOutcomes = { months: MONTHS, entrants: new Int32Array(MONTHS), exitsWork: new Int32Array(MONTHS * MONTHS), exitsOther: new Int32Array(MONTHS * MONTHS) };
  o.entrants[0] = 10; o.entrants[1] = 10;
  o.exitsWork[0 * MONTHS + 2] = 3; // cohort 0 to work in month 2
  o.exitsWork[1 * MONTHS + 4] = 2; // cohort 1 to work in month 4
  o.exitsOther[0 * MONTHS + 1] = 1; // cohort 0 other route in month 1
  return o;
}

const target = (measure: unknown): Target => targetSchema.parse({ name: 't', figure: 'f', source: 's', value: 1, tolerance: 1, measure });
const view = { series: series(), months: MONTHS, programmes: new Map([['prog', outcomes()]]) };

describe('measure', () => {
  it('totals and means a metric over a window', () => {
    const k = M.exitsWork + 1;
    expect(measure(target({ kind: 'total', metric: 'exitsWork', fromMonth: 1, untilMonth: 4 }), view)).toBe((2 + 3 + 4) * k);
    expect(measure(target({ kind: 'mean', metric: 'exitsWork', fromMonth: 1, untilMonth: 4 }), view)).toBe(3 * k);
  });

  it('caseload change: end of the last month minus the start of the first, absolute or relative', () => {
    const start = 2 * (M.caseload + 1);
    const end = 5 * (M.caseloadEnd + 1);
    expect(measure(target({ kind: 'caseload-change', fromMonth: 1, untilMonth: 5 }), view)).toBe(end - start);
    expect(measure(target({ kind: 'caseload-change', fromMonth: 1, untilMonth: 5, relative: true }), view)).toBeCloseTo((end - start) / start, 12);
  });

  it('cohort shares count exits of the window cohorts before byMonth, by route', () => {
    const work = (by: number, until = 2) => measure(target({ kind: 'cohort-share', programme: 'prog', enrolledFrom: 0, enrolledUntil: until, route: 'work', byMonth: by }), view);
    expect(work(3)).toBe(3 / 20); // cohort 1's exit in month 4 not yet
    expect(work(5)).toBe(5 / 20);
    expect(work(5, 1)).toBe(3 / 10);
    expect(measure(target({ kind: 'cohort-share', programme: 'prog', enrolledFrom: 0, enrolledUntil: 2, route: 'any', byMonth: 6 }), view)).toBe(6 / 20);
  });

  it('programme exits and entrants in a window', () => {
    expect(measure(target({ kind: 'programme-exits', programme: 'prog', route: 'work', fromMonth: 3, untilMonth: 6 }), view)).toBe(2);
    expect(measure(target({ kind: 'programme-exits', programme: 'prog', route: 'any', fromMonth: 0, untilMonth: 3 }), view)).toBe(4);
    expect(measure(target({ kind: 'entrants', programme: 'prog', fromMonth: 1, untilMonth: 6 }), view)).toBe(10);
  });
});

describe('targetProblems', () => {
  it('names empty windows, windows past the horizon, unknown programmes and duplicate names', () => {
    const ts = [
      target({ kind: 'total', metric: 'exitsWork', fromMonth: 3, untilMonth: 3 }),
      { ...target({ kind: 'total', metric: 'exitsWork', fromMonth: 0, untilMonth: 9 }), name: 'late' },
      { ...target({ kind: 'entrants', programme: 'nope', fromMonth: 0, untilMonth: 2 }), name: 'late' },
    ];
    const p = targetProblems(ts, MONTHS, ['prog']);
    expect(p.some((l) => l.includes('targets[0]') && l.includes('empty'))).toBe(true);
    expect(p.some((l) => l.includes('targets[1]') && l.includes('after the horizon of 6 months'))).toBe(true);
    expect(p.some((l) => l.includes("no programme labelled 'nope'") && l.includes("'prog'"))).toBe(true);
    expect(p.some((l) => l.includes('targets[2]') && l.includes('used twice'))).toBe(true);
    expect(targetProblems([target({ kind: 'entrants', programme: 'prog', fromMonth: 0, untilMonth: 2 })], MONTHS, ['prog'])).toEqual([]);
  });
});

describe('results and objective', () => {
  it('a target is met when the mean is within tolerance; the objective sums squared misses in tolerance units', () => {
    const t = { ...target({ kind: 'entrants', programme: 'prog', fromMonth: 0, untilMonth: 1 }), value: 10, tolerance: 2 };
    const met = resultOf('m', t, Float64Array.from([11, 12, 10, 11]));
    expect(met.mean).toBe(11);
    expect(met.met).toBe(true);
    expect(met.lo).toBeLessThan(11);
    expect(met.hi).toBeGreaterThan(11);
    const missed = resultOf('m', t, Float64Array.from([16, 16]));
    expect(missed.met).toBe(false);
    expect(missed.miss).toBe(3);
    expect(objective([met, missed])).toBeCloseTo(0.25 + 9, 12);
  });

  it('monthsNeeded is the last month any target looks at', async () => {
    const model = (await import('../../src/model/load.ts')).validateModel({ ...structuredClone((await import('../fixtures/small.ts')).default), targets: [target({ kind: 'total', metric: 'exitsWork', fromMonth: 0, untilMonth: 7 })] }, 'x');
    expect(monthsNeeded(model)).toBe(7);
  });
});
