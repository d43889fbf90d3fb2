import { beforeAll, describe, expect, it } from 'vitest';
import { State } from '../../src/agents/columns.ts';
import { M, METRIC_COUNT } from '../../src/engine/metrics.ts';
import { resolveBehaviour } from '../../src/model/behaviour.ts';
import type { Model, Scenario } from '../../src/model/schema.ts';
import { debtHelp, debtHelpSchema, type DebtHelpParams } from '../../src/policies/debt-help.ts';
import { loadSmall, runRecorded, scenario } from './helpers.ts';

const { model } = loadSmall();

const PLACES = 250;
const COST = 200;
const params = (o: Partial<DebtHelpParams> = {}): DebtHelpParams =>
  debtHelpSchema.parse({ type: 'debt-help', places: PLACES, durationMonths: 18, costPerParticipantMonth: COST, ...o });

/** One month seen from outside, by person key. */
interface MonthRecord {
  /** On benefit when places were filled, with their multi-problem status then. */
  onBenefit: Map<number, number>;
  participants: Set<number>;
  /** Enrolled this month (months in programme = 1). */
  entrants: Set<number>;
  /** Of those on benefit at assignment: left for work this month. */
  toWork: Set<number>;
  /** Still on benefit at the end of the month: their multi-problem status. */
  multiProblemEnd: Map<number, number>;
  series: Float64Array;
}

/** Runs a replicate month by month with an effect-free recorder appended after the policies. */
function track(m: Model, sc: Scenario, replicate: number, months: number): MonthRecord[] {
  const records: MonthRecord[] = [];
  runRecorded(m, sc, replicate, months, (sim) => {
    const has = sim.policies.some((p) => p.type === 'debt-help');
    let rec: MonthRecord;
    return {
      atAssignment: ({ agents: a }) => {
        rec = { onBenefit: new Map(), participants: new Set(), entrants: new Set(), toWork: new Set(), multiProblemEnd: new Map(), series: new Float64Array(0) };
        const col = has ? a.column<Int16Array>('debtHelp#0') : undefined;
        for (let i = 0; i < a.size; i++) {
          if (a.state[i] !== State.onBenefit) continue;
          const k = a.key[i];
          rec.onBenefit.set(k, a.multiProblem[i]);
          if (col && col[i] > 0) rec.participants.add(k);
          if (col && col[i] === 1) rec.entrants.add(k);
        }
      },
      afterMonth: (t, out) => {
        const a = sim.agents;
        for (let i = 0; i < a.size; i++) {
          const k = a.key[i];
          if (a.state[i] === State.inWork && rec.onBenefit.has(k)) rec.toWork.add(k);
          if (a.state[i] === State.onBenefit) rec.multiProblemEnd.set(k, a.multiProblem[i]);
        }
        rec.series = out.slice(t * METRIC_COUNT, (t + 1) * METRIC_COUNT);
        records.push(rec);
      },
    };
  });
  return records;
}

const MONTHS = 24;
const R = 6;
let runs: { helped: MonthRecord[]; plain: MonthRecord[] }[] = [];

describe('debt help: schema', () => {
  it('targets multi-problem recipients by default and rejects bad parameters', () => {
    const p = params();
    expect(p.target).toEqual({ multiProblem: true });
    expect(debtHelp(p, resolveBehaviour(), 0).label).toBe('debt help');
    const ok = (o: object) => debtHelpSchema.safeParse({ ...params(), ...o }).success;
    expect(ok({})).toBe(true);
    expect(ok({ durationMonths: 0 })).toBe(false);
    expect(ok({ costPerParticipantMonth: -10 })).toBe(false);
    expect(ok({ target: { multiProblem: 'yes' } })).toBe(false);
    expect(ok({ debts: 5 })).toBe(false); // strict: an unknown field
  });
});

describe('debt help in a simulation', () => {
  beforeAll(() => {
    runs = [];
    for (let r = 0; r < R; r++) {
      runs.push({
        helped: track(model, scenario('debt-help', [params()]), r, MONTHS),
        plain: track(model, scenario('none', []), r, MONTHS),
      });
    }
  });

  it('keeps to its places, enrols only multi-problem recipients, ends a participation once debts are settled, costs per participant-month', () => {
    let settled = 0;
    for (const { helped } of runs) {
      helped.forEach((m, t) => {
        expect(m.participants.size).toBeLessThanOrEqual(PLACES);
        expect(m.series[M.programmeCost]).toBe(m.participants.size * COST);
        for (const k of m.entrants) expect(m.onBenefit.get(k)).toBe(1);
        if (t + 1 === MONTHS) return;
        for (const k of m.participants) {
          if (m.multiProblemEnd.get(k) !== 0) continue;
          settled++;
          expect(helped[t + 1].participants.has(k)).toBe(false);
        }
      });
      expect(helped[0].participants.size).toBe(PLACES);
    }
    expect(settled).toBeGreaterThan(R * 100); // measured 1,693 settlements
  });

  it('lowers the multi-problem share among participants', () => {
    let withMp = 0, baseMp = 0, n = 0;
    for (const { helped, plain } of runs) {
      // everyone who was enrolled, from the month of entry on, while on benefit in both runs
      const entered = new Map<number, number>();
      helped.forEach((m, t) => { for (const k of m.entrants) if (!entered.has(k)) entered.set(k, t); });
      for (let t = 0; t < MONTHS; t++) {
        for (const [k, from] of entered) {
          if (t < from) continue;
          const a = helped[t].multiProblemEnd.get(k);
          const b = plain[t].multiProblemEnd.get(k);
          if (a === undefined || b === undefined) continue;
          withMp += a; baseMp += b; n++;
        }
      }
    }
    // All entrants are multi-problem and nothing resolves it without the policy (base share 1).
    // With 5% settled a month, measured 0.66 over 54,945 person-months. Required: below 0.8.
    expect(baseMp / n).toBe(1);
    expect(withMp / n).toBeLessThan(0.8);
  });

  it('raises exits to work over 24 months: of the participants, and in total', () => {
    let withExits = 0, baseExits = 0;
    const totalGain: number[] = [];
    for (const { helped, plain } of runs) {
      const group = new Set<number>();
      for (const m of helped) for (const k of m.entrants) group.add(k);
      let gain = 0;
      helped.forEach((m, t) => {
        gain += m.series[M.exitsWork] - plain[t].series[M.exitsWork];
        for (const k of m.toWork) if (group.has(k)) withExits++;
        for (const k of plain[t].toWork) if (group.has(k)) baseExits++;
      });
      totalGain.push(gain);
    }
    // Exits to work of everyone ever enrolled, with and without debt help (the same people, paired
    // by common random numbers): measured 223 vs 134 over 6 replicates (+66%). Required: the gain
    // above 4 unpaired Poisson SE.
    expect(withExits - baseExits).toBeGreaterThan(4 * Math.sqrt(withExits + baseExits));
    // In total the gain is smaller (part is displaced from others): measured +12, +3, +11, +8, +6, +10
    // per replicate on ~414 (+2%). Required: a positive mean with a paired t above 3.
    const mean = totalGain.reduce((a, b) => a + b, 0) / R;
    const sd = Math.sqrt(totalGain.reduce((a, b) => a + (b - mean) ** 2, 0) / (R - 1));
    expect(mean).toBeGreaterThan(0);
    expect(mean / (sd / Math.sqrt(R))).toBeGreaterThan(3);
  });
});
