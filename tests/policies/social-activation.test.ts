import { describe, expect, it } from 'vitest';
import { State } from '../../src/agents/columns.ts';
import { M, METRIC_COUNT } from '../../src/engine/metrics.ts';
import { simulateReplicate } from '../../src/engine/simulate.ts';
import { defaultBehaviour } from '../../src/model/behaviour.ts';
import type { Model, Scenario } from '../../src/model/schema.ts';
import { socialActivationEffects, socialActivationSchema, type SocialActivationParams } from '../../src/policies/social-activation.ts';
import { loadSmall, runRecorded, scenario } from './helpers.ts';

const MONTHS = 24;
const PLACES = 200;
const R = 8;
const fx = defaultBehaviour.policyEffects.socialActivation;

const { model } = loadSmall();

/** The long-term inactive (1+ years on benefit, rungs 1-2: ~480 of the fixture's 2,000), 200 places for a year. */
const params = (o: Partial<SocialActivationParams> = {}): SocialActivationParams =>
  socialActivationSchema.parse({
    type: 'social-activation', target: { minYearsOnBenefit: 1, rungs: [1, 2] }, places: PLACES, durationMonths: 12,
    costPerParticipantMonth: 40, fixedCostPerMonth: 150_000 / 24, ...o,
  });
const withActivation = (o: Partial<SocialActivationParams> = {}) => scenario('social-activation', [params(o)]);
const none = () => scenario('none', []);

/** One month seen from outside: who was on benefit (and in the programme) at assignment, who left for work, traits at the month's end. */
interface MonthRecord {
  participants: Set<number>;
  onBenefit: Set<number>;
  toWork: Set<number>;
  /** Key -> [motivation, rung, multiProblem] at the end of the month, for those still on benefit. */
  end: Map<number, [number, number, number]>;
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
          if (a.state[i] === State.onBenefit) now.end.set(k, [a.motivation[i], a.rung[i], a.multiProblem[i]]);
        }
        records.push(now);
      },
    };
  });
  return records;
}

describe('social activation: parameters, cost and capacity', () => {
  it('rejects negative costs, a zero duration, a bad effect size and an unknown field', () => {
    expect(() => params({ costPerParticipantMonth: -1 })).toThrow();
    expect(() => params({ durationMonths: 0 })).toThrow();
    expect(() => socialActivationSchema.parse({ ...params(), workGoal: true })).toThrow();
    expect(() => socialActivationEffects.schema.parse({ ...socialActivationEffects.defaults, lockIn: 1.2 })).toThrow();
  });

  it('never has more participants than places, and costs fixed plus per participant', () => {
    for (let r = 0; r < 3; r++) {
      const s = simulateReplicate(model, withActivation(), r, model.run.seed, MONTHS).series;
      for (let t = 0; t < MONTHS; t++) {
        const n = s[t * METRIC_COUNT + M.participants];
        expect(n).toBeLessThanOrEqual(PLACES);
        expect(s[t * METRIC_COUNT + M.programmeCost]).toBeCloseTo(150_000 / 24 + 40 * n, 6);
      }
      expect(s[M.participants]).toBe(PLACES);
    }
  });
});

describe('social activation in a simulation', () => {
  it('participants search slightly less while in it (a small lock-in), never more', () => {
    const rec = track(model, withActivation(), 0, 6);
    for (const m of rec) {
      expect(m.search.length).toBe(PLACES);
      for (const s of m.search) expect(s).toBeCloseTo(1 - fx.lockIn, 6);
    }
  });

  it('participants climb the ladder, regain motivation and shed multi-problem status, compared with the same people without it', () => {
    // The first cohort (enrolled in month 0) after 12 months, person by person against a run
    // without the policy (common random numbers), over those on benefit in both runs.
    let mot = 0, rung = 0, mp = 0, mpWithout = 0, n = 0;
    for (let r = 0; r < 4; r++) {
      const sa = track(model, withActivation(), r, 12);
      const plain = track(model, none(), r, 12);
      for (const k of sa[0].participants) {
        const a = sa[11].end.get(k), b = plain[11].end.get(k);
        if (!a || !b) continue;
        mot += a[0] - b[0];
        rung += a[1] - b[1];
        mp += a[2] - b[2];
        mpWithout += b[2];
        n++;
      }
    }
    [mot, rung, mp, mpWithout] = [mot / n, rung / n, mp / n, mpWithout / n];
    // Measured (4 replicates, 647 people, seed 42): motivation +0.094 (12 months of +0.008: at most
    // 0.096), required 0.08-0.096; rungs +0.45 (4 % a month from rungs 1-2, up to 4), required above
    // 0.3; multi-problem share -0.073 from 0.38 without (1.5 % a month), required below -0.03.
    expect(n).toBeGreaterThan(0.7 * 4 * PLACES);
    expect(mot).toBeGreaterThan(0.08);
    expect(mot).toBeLessThanOrEqual(0.096 + 1e-6);
    expect(rung).toBeGreaterThan(0.3);
    expect(mp).toBeLessThan(-0.03);
    expect(mpWithout).toBeGreaterThan(0.3);
  });

  it('no work goal: participants do not leave for work more often while in it, beyond noise', () => {
    // Exits to work of everyone who took part, while taking part, against the same person-months
    // without the policy (common random numbers), per replicate.
    const paired = (sc: Scenario) => {
      const d: number[] = [];
      let withIt = 0, without = 0;
      for (let r = 0; r < R; r++) {
        const sa = track(model, sc, r);
        const plain = track(model, none(), r);
        let a = 0, b = 0;
        for (let t = 0; t < MONTHS; t++) {
          for (const k of sa[t].participants) {
            if (sa[t].toWork.has(k)) a++;
            if (plain[t].onBenefit.has(k) && plain[t].toWork.has(k)) b++;
          }
        }
        d.push(a - b);
        withIt += a;
        without += b;
      }
      const mean = d.reduce((x, y) => x + y, 0) / R;
      const se = Math.sqrt(d.reduce((x, y) => x + (y - mean) ** 2, 0) / (R - 1) / R);
      return { mean, se, withIt, without };
    };
    // Tolerance: the mean paired difference may exceed 0 by at most 2 of its standard errors, or by
    // 5 % of the exits without the policy, whichever is larger. The lock-in (-15 % search) offsets
    // what the better rungs, motivation and health add. Measured (8 replicates x 24 months, seed 42):
    // 122 exits against 121, paired differences -2 to +2 per replicate; with no lock-in it would be
    // 141 against 122 (+1 to +3 in every replicate), which fails this check.
    const act = paired(withActivation());
    expect(act.without).toBeGreaterThan(50);
    const tolerance = Math.max(2 * act.se, (0.05 * act.without) / R);
    expect(act.mean).toBeLessThanOrEqual(tolerance);
    // The check can fail: a programme with a work goal (intensive guidance, the same places, target
    // and duration) raises the same measure far beyond that tolerance.
    const guided = paired(scenario('guidance', [{
      type: 'intensive-guidance', target: { minYearsOnBenefit: 1, rungs: [1, 2] }, caseManagers: 5, caseloadPerManager: 40,
      contactHoursPerManagerMonth: 100, durationMonths: 12, priority: 'random', costPerManagerYear: 0, budgetPerParticipantMonth: 0,
    }]));
    expect(guided.mean).toBeGreaterThan(3 * tolerance);
  });
});
