import { describe, expect, it } from 'vitest';
import { State } from '../../src/agents/columns.ts';
import { M, METRIC_COUNT } from '../../src/engine/metrics.ts';
import { simulateReplicate } from '../../src/engine/simulate.ts';
import { defaultBehaviour } from '../../src/model/behaviour.ts';
import type { Model, Scenario } from '../../src/model/schema.ts';
import { softOutreachEffects, softOutreachSchema, type SoftOutreachParams } from '../../src/policies/soft-outreach.ts';
import { loadSmall, runRecorded, scenario } from './helpers.ts';

const MONTHS = 24;
const PLACES = 300;
const R = 8;
const fx = defaultBehaviour.policyEffects.softOutreach;

const { model } = loadSmall();

/** People far from the labour market (rungs 1-3: ~1,200 of the fixture's 2,000), 300 places for a year. */
const params = (o: Partial<SoftOutreachParams> = {}): SoftOutreachParams =>
  softOutreachSchema.parse({
    type: 'soft-outreach', target: { rungs: [1, 2, 3] }, places: PLACES, durationMonths: 12,
    costPerParticipantMonth: 50, fixedCostPerMonth: 30_000, ...o,
  });
const withOutreach = (o: Partial<SoftOutreachParams> = {}) => scenario('soft-outreach', [params(o)]);
const none = () => scenario('none', []);

/** One month seen from outside: who was on benefit (and in the programme) at assignment, who left for work, traits at the month's end. */
interface MonthRecord {
  participants: Set<number>;
  onBenefit: Set<number>;
  toWork: Set<number>;
  /** Key -> [motivation, rung] at the end of the month, for those still on benefit. */
  end: Map<number, [number, number]>;
  /** Search multipliers of the participants at assignment. */
  search: number[];
}

/** Runs a replicate month by month with a recorder after the policies. */
function track(m: Model, sc: Scenario, replicate: number, months = MONTHS): MonthRecord[] {
  const records: MonthRecord[] = [];
  runRecorded(m, sc, replicate, months, (sim) => {
    const programme = sim.policies[0]?.programmes?.[0];
    let now: MonthRecord;
    return {
      atAssignment: ({ agents: a }) => {
        now = { participants: new Set(), onBenefit: new Set(), toWork: new Set(), end: new Map(), search: [] };
        const inIt = programme?.months(a);
        for (let i = 0; i < a.size; i++) {
          if (a.state[i] !== State.onBenefit) continue;
          now.onBenefit.add(a.key[i]);
          if (inIt && inIt[i] > 0) { now.participants.add(a.key[i]); now.search.push(a.searchMult[i]); }
        }
      },
      afterMonth: () => {
        const a = sim.agents;
        for (let i = 0; i < a.size; i++) {
          const k = a.key[i];
          if (a.state[i] === State.inWork && now.onBenefit.has(k)) now.toWork.add(k);
          if (a.state[i] === State.onBenefit) now.end.set(k, [a.motivation[i], a.rung[i]]);
        }
        records.push(now);
      },
    };
  });
  return records;
}

const total = (s: Float64Array, metric: number) => {
  let x = 0;
  for (let t = 0; t < MONTHS; t++) x += s[t * METRIC_COUNT + metric];
  return x;
};

describe('soft outreach: parameters, cost and capacity', () => {
  it('rejects negative places, a zero duration, a bad effect size and an unknown field', () => {
    expect(() => params({ places: -1 })).toThrow();
    expect(() => params({ durationMonths: 0 })).toThrow();
    expect(() => softOutreachSchema.parse({ ...params(), sanctions: true })).toThrow();
    expect(() => softOutreachEffects.schema.parse({ ...softOutreachEffects.defaults, rungUpPerMonth: -0.1 })).toThrow();
  });

  it('never has more participants than places, and costs the teams plus per participant', () => {
    for (let r = 0; r < 3; r++) {
      const s = simulateReplicate(model, withOutreach(), r, model.run.seed, MONTHS).series;
      for (let t = 0; t < MONTHS; t++) {
        const n = s[t * METRIC_COUNT + M.participants];
        expect(n).toBeLessThanOrEqual(PLACES);
        expect(s[t * METRIC_COUNT + M.programmeCost]).toBe(30_000 + 50 * n);
      }
      expect(s[M.participants]).toBe(PLACES);
    }
  });
});

describe('soft outreach in a simulation', () => {
  it('participants search a little more, with no lock-in', () => {
    const rec = track(model, withOutreach(), 0, 6);
    for (const m of rec) {
      expect(m.search.length).toBe(PLACES);
      for (const s of m.search) expect(s).toBeCloseTo(1 + fx.searchGain, 6);
    }
  });

  it('participants climb the ladder and regain motivation, compared with the same people without it', () => {
    // The first cohort (enrolled in month 0) after 12 months, person by person against a run
    // without the policy (common random numbers), over those on benefit in both runs.
    let mot = 0, rung = 0, n = 0, rungWithout = 0;
    for (let r = 0; r < 4; r++) {
      const so = track(model, withOutreach(), r, 12);
      const plain = track(model, none(), r, 12);
      for (const k of so[0].participants) {
        const a = so[11].end.get(k), b = plain[11].end.get(k);
        if (!a || !b) continue;
        mot += a[0] - b[0];
        rung += a[1] - b[1];
        rungWithout += b[1];
        n++;
      }
    }
    mot /= n;
    rung /= n;
    // 12 months of +0.01 motivation: measured +0.118 (less than 0.12 where the engine's floor
    // would have held it); required 0.1-0.12. Rungs: 4 % a month, up to rung 4, from ~2.2:
    // measured +0.43 (from a mean rung of 2.33 without); required above 0.3.
    expect(n).toBeGreaterThan(0.7 * 4 * PLACES);
    expect(mot).toBeGreaterThan(0.1);
    expect(mot).toBeLessThanOrEqual(0.12 + 1e-6);
    expect(rung).toBeGreaterThan(0.3);
    expect(rungWithout / n).toBeLessThan(3); // the target: rungs 1-3
  });

  it('participants leave for work somewhat more often; removals are not raised', () => {
    // Exits to work of everyone who took part, while taking part, against the same person-months
    // without the policy (common random numbers).
    const d: number[] = [];
    let withIt = 0, without = 0, school = 0, schoolWithout = 0;
    for (let r = 0; r < R; r++) {
      const so = track(model, withOutreach(), r);
      const plain = track(model, none(), r);
      let a = 0, b = 0;
      for (let t = 0; t < MONTHS; t++) {
        for (const k of so[t].participants) {
          if (so[t].toWork.has(k)) a++;
          if (plain[t].onBenefit.has(k) && plain[t].toWork.has(k)) b++;
        }
      }
      d.push(a - b);
      withIt += a;
      without += b;
      school += total(simulateReplicate(model, withOutreach(), r, model.run.seed, MONTHS).series, M.exitsSchool);
      schoolWithout += total(simulateReplicate(model, none(), r, model.run.seed, MONTHS).series, M.exitsSchool);
    }
    const mean = d.reduce((x, y) => x + y, 0) / R;
    const sd = Math.sqrt(d.reduce((x, y) => x + (y - mean) ** 2, 0) / (R - 1));
    // Measured (8 replicates x 24 months, seed 42): 378 exits against 308 (+23 %), +5 to +13 in every
    // replicate, mostly from the gained rungs and motivation, not the small search push. Required:
    // more in total, the mean paired difference above 3 of its standard errors, and below +50 %.
    expect(withIt).toBeGreaterThan(without);
    expect(mean).toBeGreaterThan(3 * (sd / Math.sqrt(R)));
    expect(withIt / without).toBeLessThan(1.5);
    // No sanctions: removals (exits to school / removed) not above the no-policy run by more than
    // 2 unpaired Poisson standard errors (measured 1,912 against 1,907).
    expect(school - schoolWithout).toBeLessThan(2 * Math.sqrt(school + schoolWithout));
  });
});
