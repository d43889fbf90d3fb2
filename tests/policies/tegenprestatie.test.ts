import { describe, expect, it } from 'vitest';
import { State } from '../../src/agents/columns.ts';
import { M, METRIC_COUNT } from '../../src/engine/metrics.ts';
import { simulateReplicate } from '../../src/engine/simulate.ts';
import { defaultBehaviour } from '../../src/model/behaviour.ts';
import { validateModel } from '../../src/model/load.ts';
import type { Model, Scenario } from '../../src/model/schema.ts';
import { tegenprestatieEffects, tegenprestatieSchema, type TegenprestatieParams } from '../../src/policies/tegenprestatie.ts';
import { loadSmall, runRecorded, scenario } from './helpers.ts';

const MONTHS = 24;
const PLACES = 300;
const fx = defaultBehaviour.policyEffects.tegenprestatie;

const { input, model } = loadSmall();

/** The long-term group (5+ years on benefit: ~800 of the fixture's 2,000), 300 places for a year. */
const params = (o: Partial<TegenprestatieParams> = {}): TegenprestatieParams =>
  tegenprestatieSchema.parse({
    type: 'tegenprestatie', target: { minYearsOnBenefit: 5 }, places: PLACES, durationMonths: 12,
    costPerParticipantMonth: 150, fixedCostPerMonth: 20_000, ...o,
  });
const withTp = (o: Partial<TegenprestatieParams> = {}) => scenario('tegenprestatie', [params(o)]);
const none = () => scenario('none', []);
/** The fixture with the displacement effect set. */
const displacing = (displacedJobsPerFte: number) =>
  validateModel({ ...structuredClone(input), behaviour: { policyEffects: { tegenprestatie: { displacedJobsPerFte } } } }, 'displacing');

/** One month seen from outside: who was on benefit (and in the programme) at assignment, who left for work, traits at the month's end. */
interface MonthRecord {
  participants: Set<number>;
  onBenefit: Set<number>;
  toWork: Set<number>;
  /** Key -> [motivation, rung, multiProblem] at the end of the month, for those still on benefit. */
  end: Map<number, [number, number, number]>;
  /** Key -> [months in programme, searchMult] of the participants at assignment. */
  search: Map<number, [number, number]>;
  /** The month's vacancies (after the policies' changes). */
  vacancies: number;
}

/** Runs a replicate month by month with a recorder after the policies. */
function track(m: Model, sc: Scenario, replicate: number, months = MONTHS): MonthRecord[] {
  const records: MonthRecord[] = [];
  runRecorded(m, sc, replicate, months, (sim) => {
    const programme = sim.policies[0]?.programmes?.[0];
    let now: MonthRecord;
    return {
      atAssignment: ({ agents: a }) => {
        now = { participants: new Set(), onBenefit: new Set(), toWork: new Set(), end: new Map(), search: new Map(), vacancies: 0 };
        const inIt = programme?.months(a);
        for (let i = 0; i < a.size; i++) {
          if (a.state[i] !== State.onBenefit) continue;
          now.onBenefit.add(a.key[i]);
          if (inIt && inIt[i] > 0) { now.participants.add(a.key[i]); now.search.set(a.key[i], [inIt[i], a.searchMult[i]]); }
        }
      },
      afterMonth: (t, out) => {
        now.vacancies = out[t * METRIC_COUNT + M.vacancies];
        const a = sim.agents;
        for (let i = 0; i < a.size; i++) {
          const k = a.key[i];
          if (a.state[i] === State.inWork && now.onBenefit.has(k)) now.toWork.add(k);
          if (a.state[i] === State.onBenefit) now.end.set(k, [a.motivation[i], a.rung[i], a.multiProblem[i]]);
        }
        records.push(now);
      },
    };
  });
  return records;
}

describe('tegenprestatie: parameters, cost and capacity', () => {
  it('rejects hours outside 0-40, a negative ramp, a bad effect size and an unknown field', () => {
    expect(() => params({ goalHoursPerWeek: 50 })).toThrow();
    expect(() => params({ startHoursPerWeek: -1 })).toThrow();
    expect(() => params({ rampMonths: -1 })).toThrow();
    expect(() => tegenprestatieSchema.parse({ ...params(), hoursPerWeek: 20 })).toThrow();
    expect(() => tegenprestatieEffects.schema.parse({ ...tegenprestatieEffects.defaults, lockInPer20Hours: 1.5 })).toThrow();
    const p = params();
    expect([p.startHoursPerWeek, p.goalHoursPerWeek]).toEqual([1, 20]); // seed 002: from 1 hour a week to 20
  });

  it('never has more participants than places, fills them when enough are eligible, and costs fixed + per participant', () => {
    for (let r = 0; r < 3; r++) {
      const s = simulateReplicate(model, withTp(), r, model.run.seed, MONTHS).series;
      for (let t = 0; t < MONTHS; t++) {
        const n = s[t * METRIC_COUNT + M.participants];
        expect(n).toBeLessThanOrEqual(PLACES);
        expect(s[t * METRIC_COUNT + M.programmeCost]).toBe(20_000 + 150 * n);
      }
      expect(s[M.participants]).toBe(PLACES); // ~800 eligible in month 0
    }
    // few places: exactly that many
    const s = simulateReplicate(model, withTp({ places: 7 }), 0, model.run.seed, MONTHS).series;
    for (let t = 0; t < MONTHS; t++) expect(s[t * METRIC_COUNT + M.participants]).toBe(7);
  });
});

describe('tegenprestatie in a simulation', () => {
  it('hours ramp from 1 to 20 a week and the lock-in lowers search in proportion to the hours', () => {
    const rec = track(model, withTp({ rampMonths: 6 }), 0, 14);
    let seen = 0;
    const months = new Set<number>();
    for (const m of rec) {
      for (const [months_, search] of m.search.values()) {
        const hours = 1 + 19 * Math.min(1, (months_ - 1) / 6);
        expect(search).toBeCloseTo(1 - (fx.lockInPer20Hours * hours) / 20, 6);
        months.add(months_);
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(PLACES * 13);
    expect([...months].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('participants\' motivation, rung and health are as without until the delay, and improve after it', () => {
    // The first cohort (enrolled in month 0), compared person by person with a run without the
    // policy (common random numbers: the same people meet the same luck), over those on benefit in
    // both runs at the end of each month.
    const R = 4;
    const diff = Array.from({ length: 12 }, () => [0, 0, 0, 0]); // [motivation, rung, multiProblem, n] by month
    for (let r = 0; r < R; r++) {
      const tp = track(model, withTp(), r, 12);
      const plain = track(model, none(), r, 12);
      const cohort = tp[0].participants;
      for (let t = 0; t < 12; t++) {
        for (const k of cohort) {
          const a = tp[t].end.get(k), b = plain[t].end.get(k);
          if (!a || !b) continue;
          diff[t][0] += a[0] - b[0];
          diff[t][1] += a[1] - b[1];
          diff[t][2] += a[2] - b[2];
          diff[t][3]++;
        }
      }
    }
    const delay = fx.benefitsAfterMonths; // 4: gains start at the end of month index 4 (the 5th month in it)
    for (let t = 0; t < delay; t++) expect(diff[t].slice(0, 3)).toEqual([0, 0, 0]);
    const [mot, rung, mp, n] = diff[11].map((x, j, all) => (j < 3 ? x / all[3] : x));
    expect(n).toBeGreaterThan(0.7 * R * PLACES);
    // After 12 months: 8 months of gains of 0.01 motivation (less where it hits 1 or the floor):
    // measured +0.0786 (+0.0100 a month from the 5th month), required 0.06-0.08. Rungs: 8 months at
    // 5 %, capped at rung 4: measured +0.24, required above 0.15. Multi-problem: 1.5 % a month of
    // those with problems: measured -0.041, required below -0.02 (4 replicates, ~965 people).
    expect(mot).toBeGreaterThan(0.06);
    expect(mot).toBeLessThanOrEqual(0.08 + 1e-6);
    expect(rung).toBeGreaterThan(0.15);
    expect(mp).toBeLessThan(-0.02);
  });

  it('displacement lowers the vacancies by displacedJobsPerFte x participants\' hours / 36', () => {
    const hours = (monthsIn: number) => 1 + 19 * Math.min(1, (monthsIn - 1) / 6);
    for (let r = 0; r < 2; r++) {
      const on = track(displacing(0.02), withTp(), r);
      const off = simulateReplicate(displacing(0), withTp(), r, model.run.seed, MONTHS).series;
      const plain = simulateReplicate(model, none(), r, model.run.seed, MONTHS).series;
      for (let t = 0; t < MONTHS; t++) {
        const base = plain[t * METRIC_COUNT + M.vacancies];
        expect(off[t * METRIC_COUNT + M.vacancies]).toBe(base); // no displacement: the economy's vacancies
        let fte = 0;
        for (const [monthsIn] of on[t].search.values()) fte += hours(monthsIn) / 36;
        expect(fte).toBeGreaterThan(0);
        expect(base - on[t].vacancies).toBeCloseTo(0.02 * fte, 9);
      }
    }
  });

  it('displacement emerges: non-participants find work less often when unpaid work displaces jobs', () => {
    // Default displacedJobsPerFte 0.01: ~300 participants at up to 20 h remove ~1.5 of 25 vacancies
    // a month. Measured (8 replicates x 24 months, seed 42): non-participants' exits to work -6 to
    // -15 per replicate, 3,069 against 3,145 in all (-2.4 %).
    // Required: fewer in at least 6 of 8 replicates (paired by common random numbers) and a total
    // drop above 3 standard errors of the mean paired difference.
    const R = 8;
    const d: number[] = [];
    let withD = 0, withoutD = 0;
    for (let r = 0; r < R; r++) {
      const on = track(model, withTp(), r);
      const off = track(displacing(0), withTp(), r);
      let a = 0, b = 0;
      for (let t = 0; t < MONTHS; t++) {
        for (const k of on[t].toWork) if (!on[t].participants.has(k)) a++;
        for (const k of off[t].toWork) if (!off[t].participants.has(k)) b++;
      }
      d.push(a - b);
      withD += a;
      withoutD += b;
    }
    const mean = d.reduce((x, y) => x + y, 0) / R;
    const sd = Math.sqrt(d.reduce((x, y) => x + (y - mean) ** 2, 0) / (R - 1));
    expect(d.filter((x) => x < 0).length).toBeGreaterThanOrEqual(6);
    expect(-mean).toBeGreaterThan(3 * (sd / Math.sqrt(R)));
    expect(withD).toBeLessThan(withoutD);
  });
});
