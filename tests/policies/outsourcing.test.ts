import { beforeAll, describe, expect, it } from 'vitest';
import { State } from '../../src/agents/columns.ts';
import { M, METRIC_COUNT } from '../../src/engine/metrics.ts';
import { resolveBehaviour } from '../../src/model/behaviour.ts';
import type { Model, Scenario } from '../../src/model/schema.ts';
import { outsourcing, outsourcingSchema, type OutsourcingParams } from '../../src/policies/outsourcing.ts';
import { loadSmall, runRecorded, scenario } from './helpers.ts';

const { model } = loadSmall();

const params = (o: Partial<OutsourcingParams> = {}): OutsourcingParams =>
  outsourcingSchema.parse({ type: 'outsourcing', target: { maxAge: 55 }, places: 250, durationMonths: 6, feePerParticipantMonth: 300, placementFee: 2_500, ...o });

/** One month seen from outside, by person key. */
interface MonthRecord {
  /** On benefit when places were filled, with employability (traits only). */
  onBenefit: Map<number, number>;
  /** In the target (under 55), on benefit. */
  eligible: Set<number>;
  participants: Set<number>;
  /** Enrolled this month (months in programme = 1). */
  entrants: Set<number>;
  /** Of those on benefit at assignment: left for work this month. */
  toWork: Set<number>;
  cost: number;
  series: Float64Array;
}

/** Runs a replicate month by month with an effect-free recorder appended after the policies. */
function track(m: Model, sc: Scenario, replicate: number, months: number): MonthRecord[] {
  const records: MonthRecord[] = [];
  runRecorded(m, sc, replicate, months, (sim) => {
    const has = sim.policies.some((p) => p.type === 'outsourcing');
    let rec: MonthRecord;
    return {
      atAssignment: ({ agents: a, employability: e }) => {
        rec = { onBenefit: new Map(), eligible: new Set(), participants: new Set(), entrants: new Set(), toWork: new Set(), cost: 0, series: new Float64Array(0) };
        const col = has ? a.column<Int16Array>('outsourcing#0') : undefined;
        for (let i = 0; i < a.size; i++) {
          if (a.state[i] !== State.onBenefit) continue;
          const k = a.key[i];
          rec.onBenefit.set(k, e[i]);
          if (a.ageMonths[i] < 55 * 12) rec.eligible.add(k);
          if (col && col[i] > 0) rec.participants.add(k);
          if (col && col[i] === 1) rec.entrants.add(k);
        }
      },
      afterMonth: (t, out) => {
        const a = sim.agents;
        for (let i = 0; i < a.size; i++) if (a.state[i] === State.inWork && rec.onBenefit.has(a.key[i])) rec.toWork.add(a.key[i]);
        rec.cost = out[t * METRIC_COUNT + M.programmeCost]; // the policy's cost, taken in the month (the recorder costs 0)
        rec.series = out.slice(t * METRIC_COUNT, (t + 1) * METRIC_COUNT);
        records.push(rec);
      },
    };
  });
  return records;
}

const MONTHS = 24;
const R = 6;
let runs: { outsourced: MonthRecord[]; plain: MonthRecord[] }[] = [];

describe('outsourcing: schema', () => {
  it('takes the easier cases by default and rejects bad parameters', () => {
    const p = params();
    expect(p.priority).toBe('most-employable');
    expect(outsourcing(p, resolveBehaviour(), 0).label).toBe('outsourcing');
    const ok = (o: object) => outsourcingSchema.safeParse({ ...params(), ...o }).success;
    expect(ok({})).toBe(true);
    expect(ok({ feePerParticipantMonth: -1 })).toBe(false);
    expect(ok({ places: 2.5 })).toBe(false);
    expect(ok({ priority: 'cheapest' })).toBe(false);
    expect(ok({ agency: 'Randstad' })).toBe(false); // strict: an unknown field
  });
});

describe('outsourcing in a simulation', () => {
  beforeAll(() => {
    runs = [];
    for (let r = 0; r < R; r++) {
      runs.push({
        outsourced: track(model, scenario('outsourcing', [params()]), r, MONTHS),
        plain: track(model, scenario('none', []), r, MONTHS),
      });
    }
  });

  it('never has more participants than places, and enrols only the target', () => {
    for (const { outsourced } of runs) {
      for (const m of outsourced) {
        expect(m.participants.size).toBeLessThanOrEqual(250);
        expect(m.series[M.participants]).toBe(m.participants.size);
        for (const k of m.entrants) expect(m.eligible.has(k)).toBe(true); // under 55 at enrolment
      }
      expect(outsourced[0].participants.size).toBe(250);
    }
  });

  it('creams: participants are more employable than the eligible who are not in', () => {
    let inSum = 0, inN = 0, outSum = 0, outN = 0;
    for (const { outsourced } of runs) {
      for (const m of outsourced) {
        for (const k of m.eligible) {
          const e = m.onBenefit.get(k)!;
          if (m.participants.has(k)) { inSum += e; inN++; } else { outSum += e; outN++; }
        }
      }
    }
    // measured 1.27 vs 0.38 (3.4x) per person-month; required at least 1.5x
    expect(inSum / inN).toBeGreaterThan(1.5 * (outSum / outN));
  });

  it('raises exits to work: of the participants, and in total', () => {
    let months = 0, withExits = 0, baseMonths = 0, baseExits = 0, totalWith = 0, totalWithout = 0;
    for (const { outsourced, plain } of runs) {
      outsourced.forEach((m, t) => {
        totalWith += m.series[M.exitsWork];
        totalWithout += plain[t].series[M.exitsWork];
        for (const k of m.participants) {
          months++;
          if (m.toWork.has(k)) withExits++;
          if (!plain[t].onBenefit.has(k)) continue;
          baseMonths++;
          if (plain[t].toWork.has(k)) baseExits++;
        }
      });
    }
    const rateWith = withExits / months;
    const rateBase = baseExits / baseMonths;
    // defaults: search x 1.4, employability x 1.3. Measured: participants 4.07% vs 2.59% a month (1.57x;
    // 1,464 exits in 36,000 participant-months); total exits to work 2,742 vs 2,483 (+10%: the
    // matching function creates some jobs and the rest is displaced from others).
    // Required: participants 1.25x and 4 unpaired Poisson SE; total above 2 unpaired SE.
    expect(rateWith).toBeGreaterThan(1.25 * rateBase);
    const expected = rateBase * months;
    expect(withExits - expected).toBeGreaterThan(4 * Math.sqrt(withExits + expected));
    expect(totalWith - totalWithout).toBeGreaterThan(2 * Math.sqrt(totalWith + totalWithout));
  });

  it('costs the fee per participant-month plus a placement fee per participant who left for work', () => {
    let placements = 0;
    for (const { outsourced } of runs) {
      for (const m of outsourced) {
        let placed = 0;
        for (const k of m.participants) if (m.toWork.has(k)) placed++; // counted independently of the policy
        placements += placed;
        expect(m.cost).toBe(m.participants.size * 300 + placed * 2_500);
      }
    }
    expect(placements).toBeGreaterThan(R * 100); // the placement fee is really exercised (measured 1,464)
  });
});
