import { beforeAll, describe, expect, it } from 'vitest';
import { runDisplacement } from '../../src/experiment/displacement.ts';
import { experimentSchema } from '../../src/experiment/schema.ts';
import type { LoadedModel } from '../../src/model/load.ts';
import { State } from '../../src/agents/columns.ts';
import { defaultBehaviour, resolveBehaviour } from '../../src/model/behaviour.ts';
import { validateModel } from '../../src/model/load.ts';
import type { Model, Scenario } from '../../src/model/schema.ts';
import { guidanceIntensity, intensiveGuidance, type IntensiveGuidanceParams } from '../../src/policies/intensive-guidance.ts';
import { loadSmall, runRecorded, scenario } from './helpers.ts';

const { input, model } = loadSmall();
let guidance: IntensiveGuidanceParams;

beforeAll(() => {
  const g = model.policies.find((p) => p.type === 'intensive-guidance');
  if (!g || g.type !== 'intensive-guidance') throw new Error('fixture has no intensive guidance');
  guidance = g;
});

/** One month as seen from outside: who was on benefit when places were filled, who was in guidance, who left for work. */
interface MonthRecord { onBenefit: Set<number>; participants: Set<number>; toWork: Set<number> }

/**
 * Runs a replicate month by month with an extra, effect-free intervention appended that records, at
 * the assignment stage, everyone on benefit and who has a raised search multiplier (the guidance
 * participants). After the month, anyone recorded who is now in work left for work this month.
 */
function track(m: Model, sc: Scenario, replicate: number, months: number): MonthRecord[] {
  const records: MonthRecord[] = [];
  let current = new Map<number, boolean>();
  runRecorded(m, sc, replicate, months, (sim) => ({
    atAssignment: ({ agents: a }) => {
      current = new Map();
      for (let i = 0; i < a.size; i++) if (a.state[i] === State.onBenefit) current.set(a.key[i], a.searchMult[i] > 1);
    },
    afterMonth: () => {
      const a = sim.agents;
      const toWork = new Set<number>();
      for (let i = 0; i < a.size; i++) if (a.state[i] === State.inWork && current.has(a.key[i])) toWork.add(a.key[i]);
      const participants = new Set<number>();
      for (const [k, p] of current) if (p) participants.add(k);
      records.push({ onBenefit: new Set(current.keys()), participants, toWork });
    },
  }));
  return records;
}
const withGuidance = (caseManagers: number, caseloadPerManager: number) =>
  scenario(`guidance-${caseloadPerManager}`, [{ ...guidance, caseManagers, caseloadPerManager }]);

describe('guidanceIntensity', () => {
  it('rises as the caseload per manager falls, stays within (0, 1], and is 1/2 at hoursForHalfEffect', () => {
    const half = defaultBehaviour.policyEffects.guidance.hoursForHalfEffect;
    let prev = -1;
    for (let caseload = 1000; caseload >= 1; caseload -= 1) {
      const g = guidanceIntensity({ ...guidance, caseloadPerManager: caseload }, half);
      expect(g).toBeGreaterThan(prev);
      expect(g).toBeGreaterThan(0);
      expect(g).toBeLessThanOrEqual(1);
      prev = g;
    }
    // the extremes of the schema: 200 contact hours for 1 client
    expect(guidanceIntensity({ ...guidance, contactHoursPerManagerMonth: 200, caseloadPerManager: 1 }, 0.1)).toBeLessThanOrEqual(1);
    // contact hours per client = 100 / caseload; at exactly hoursForHalfEffect hours the effect is half
    expect(guidanceIntensity({ ...guidance, contactHoursPerManagerMonth: 100, caseloadPerManager: 100 / half }, half)).toBeCloseTo(0.5, 12);
    // diminishing returns: doubling the hours closes half of the remaining gap
    const g1 = guidanceIntensity({ ...guidance, contactHoursPerManagerMonth: 100, caseloadPerManager: 50 }, half);
    const g2 = guidanceIntensity({ ...guidance, contactHoursPerManagerMonth: 100, caseloadPerManager: 25 }, half);
    expect(1 - g2).toBeCloseTo((1 - g1) ** 2, 12);
  });

  it('costs the case managers plus the per-participant budget', () => {
    const p = intensiveGuidance({ ...guidance, caseManagers: 3, costPerManagerYear: 60_000, budgetPerParticipantMonth: 0 }, resolveBehaviour(), 0);
    expect(p.cost(123)).toBe(15_000);
  });
});

describe('intensive guidance in a simulation', () => {
  it('a lower caseload per manager, with the same places, gives participants more exits to work', () => {
    const months = 24;
    const R = 8;
    // 320 places each time; 100 contact hours per manager-month: 5, 2.5 and 1.25 hours per client
    const variants = [[16, 20], [8, 40], [4, 80]] as const;
    const rates: number[] = [];
    const counts: number[] = [];
    let lightest: MonthRecord[][] = [];
    for (const [managers, caseload] of variants) {
      let months_ = 0, exits = 0;
      const runs: MonthRecord[][] = [];
      for (let r = 0; r < R; r++) {
        const rec = track(model, withGuidance(managers, caseload), r, months);
        runs.push(rec);
        for (const m of rec) {
          months_ += m.participants.size;
          for (const k of m.participants) if (m.toWork.has(k)) exits++;
        }
      }
      expect(months_).toBeGreaterThan(0.9 * 320 * months * R); // places are (nearly) always filled
      rates.push(exits / months_);
      counts.push(exits);
      lightest = runs;
    }
    // The same person-months in a run without any policy: the baseline exit rate of the participants.
    let baseMonths = 0, baseExits = 0;
    for (let r = 0; r < R; r++) {
      const base = track(model, scenario('none', []), r, months);
      lightest[r].forEach((m, t) => {
        for (const k of m.participants) {
          if (!base[t].onBenefit.has(k)) continue;
          baseMonths++;
          if (base[t].toWork.has(k)) baseExits++;
        }
      });
    }
    const baseRate = baseExits / baseMonths;
    // The variants are paired by common random numbers (with 'random' priority the same people are
    // chosen and meet the same luck), so their differences are mostly the effect itself. Required:
    // strict ordering 20 > 40 > 80 > no guidance, and the 20-vs-80 gap above 4 standard errors of
    // unpaired Poisson counts (conservative: pairing only lowers the noise).
    expect(rates[0]).toBeGreaterThan(rates[1]);
    expect(rates[1]).toBeGreaterThan(rates[2]);
    expect(rates[2]).toBeGreaterThan(baseRate);
    expect(counts[0] - counts[2]).toBeGreaterThan(4 * Math.sqrt(counts[0] + counts[2]));
  });

  it('with every vacancy filled, guidance raises the participants\' exits to work and takes (nearly) all of it from others', async () => {
    // A very efficient matching function fills every vacancy every month: the hires are fixed by the
    // vacancies, so guidance can only change who gets them. Paired: the same people and lottery with
    // the treated half guided or not (the displacement design).
    const limited = validateModel({ ...structuredClone(input), horizonMonths: 14, behaviour: { matching: { efficiency: 5 } } }, 'small');
    const models = new Map<string, LoadedModel>([['small', { model: limited, file: 'small.ts', hash: '' }]]);
    const e = experimentSchema.parse({
      kind: 'experiment', name: 'd', description: 'd', question: 'q', outcomes: ['exits-to-work'], replicates: 8, seed: 5,
      design: { kind: 'displacement', base: 'small', group: {}, caseManagers: 30, caseloadPerManager: 40, startMonth: 2, followMonths: 12, markets: [{ name: 'capped', vacancyFactor: 1 }] }, // places for the whole half
    });
    const [r] = await runDisplacement(e, models, 0);
    expect(r.nTreated).toBeGreaterThan(0.9 * r.nUntreated); // the whole treated half is guided
    expect(r.fill).toBeGreaterThan(0.99);
    expect(r.gain.lo).toBeGreaterThan(0);
    expect(Math.abs(r.net.mean)).toBeLessThan(0.05 * r.gain.mean); // no extra hires in the market
    expect(r.displacedShare.mean).toBeGreaterThan(0.9);
  });
});
