/** Set-up shared by the policy tests: the small fixture, paired scenarios, replicates run with a recorder. */
import { METRIC_COUNT } from '../../src/engine/metrics.ts';
import { AS_IS, createSim, type Sim } from '../../src/engine/sim.ts';
import { step } from '../../src/engine/step.ts';
import { loadModel, validateModel } from '../../src/model/load.ts';
import type { Model, ModelInput, Scenario } from '../../src/model/schema.ts';
import type { MonthContext } from '../../src/policies/types.ts';
import small from '../fixtures/small.ts';

/** The small fixture (2,000 recipients, 24 months) as written and validated. */
export function loadSmall(): { input: ModelInput; model: Model } {
  return { input: small, model: validateModel(small, 'small') };
}

/** A scenario on common random numbers, so that its runs pair person by person with other scenarios'. */
export function scenario(name: string, policies: Model['policies']): Scenario {
  return { name, policies, commonRandomNumbers: true };
}

/** The same for policies as a model file writes them: they go through the model schema (defaults filled in). */
export function parsedScenario(input: ModelInput, name: string, policies: unknown[]): Scenario {
  return scenario(name, validateModel({ ...structuredClone(input), policies } as ModelInput, name).policies);
}

/** What a test records of each month of a replicate. */
export interface Recorder {
  /** At the assignment stage, after every policy has filled its places and applied its effects. */
  atAssignment(ctx: MonthContext): void;
  /** After the month; `series` holds the metrics of the months so far. */
  afterMonth?(t: number, series: Float64Array): void;
}

/**
 * Runs a replicate month by month with an effect-free recorder (no participants, no cost) appended
 * after the policies. `record` is given the sim before the recorder is added. Returns the sim at the
 * end of the horizon and the series.
 */
export function runRecorded(m: Model, sc: Scenario, replicate: number, months: number, record: (sim: Sim) => Recorder): { sim: Sim; series: Float64Array } {
  const sim = createSim(m, sc, replicate, m.run.seed, months);
  const { atAssignment, afterMonth } = record(sim);
  sim.policies.push({ type: 'recorder', label: 'recorder', applyEffects: atAssignment, participants: () => 0, cost: () => 0 });
  const series = new Float64Array(months * METRIC_COUNT);
  for (let t = 0; t < months; t++) {
    step(sim, t, series);
    afterMonth?.(t, series);
  }
  return { sim, series };
}

/** A run by month: everyone on benefit at assignment (in the programme or not) and who of them left for work. */
export interface MemberMonths {
  months: { people: Map<number, { member: boolean }>; toWork: Set<number> }[];
}

/**
 * Participants' exits to work per participant-month with the policy, over the exits of the very same
 * person-months in a run without any policy (paired by common random numbers), summed over `R`
 * replicates; `runs(r)` gives replicate r with and without the policy.
 */
export function exitRatio(R: number, runs: (replicate: number) => [withPolicy: MemberMonths, without: MemberMonths]) {
  let pm = 0, exits = 0, bm = 0, baseExits = 0;
  for (let r = 0; r < R; r++) {
    const [w, b] = runs(r);
    w.months.forEach((rec, t) => {
      for (const [k, p] of rec.people) {
        if (!p.member) continue;
        pm++;
        if (rec.toWork.has(k)) exits++;
        if (!b.months[t].people.has(k)) continue;
        bm++;
        if (b.months[t].toWork.has(k)) baseExits++;
      }
    });
  }
  return { ratio: exits / pm / (baseExits / bm), exits, baseExits, pm };
}

/**
 * Bounds in whole months, inclusive, for the kept eligible lists' tests: [label, minAge, lastAge,
 * minDur, lastDur, done mask]; the mask is 3 without repeats (the list then drops the taken), 2
 * with (a finisher is free again).
 */
export const LIST_BOUNDS: [string, number, number, number, number, number][] = [
  ['5+ years on benefit, 30+ (the tegenprestatie)', 360, 100_000, 60, 100_000, 3],
  ['57+ (the exemption)', 684, 100_000, 0, 100_000, 3],
  ['under 27, under 2 years', 0, 323, 0, 23, 3],
  ['1-3 years on benefit, 40-54', 480, 659, 12, 35, 3],
  ['the tegenprestatie\'s, with repeats', 360, 100_000, 60, 100_000, 2],
];

/** The free eligible of `bounds` by a scan of the caseload, in slot order. */
export function scanEligible(ctx: MonthContext, [, minAge, lastAge, minDur, lastDur, mask]: (typeof LIST_BOUNDS)[number], m: Int16Array, done: Uint8Array): number[] {
  const { caseload, caseloadSize, ageMonths, monthsOnBenefit } = ctx.agents;
  const out: number[] = [];
  for (let k = 0; k < caseloadSize; k++) {
    const i = caseload[k];
    const age = ageMonths[i], dur = monthsOnBenefit[i];
    if (age >= minAge && age <= lastAge && dur >= minDur && dur <= lastDur && m[i] === 0 && (done[i] & mask) === 0) out.push(i);
  }
  return out;
}

/** The scenarios `probeRotterdam` runs: as written (with the tegenprestatie) and without policies. */
export const PROBED: readonly Scenario[] = [AS_IS, { name: 'no-policy', policies: [], commonRandomNumbers: true }];

/**
 * Runs Rotterdam (8,000 people, its horizon, compacting at a quarter gone) in `scenario` with a
 * probe where the programmes assign (after intake, before the exits pass). `setUp(sim, months)` runs first; each month
 * `probe(ctx, m, done)` gets the tegenprestatie's months-in-programme and done columns when it
 * runs, else columns where nobody is in or done. Returns how many compactions the run went through.
 */
export async function probeRotterdam(
  scenario: Scenario, setUp: (sim: Sim, months: number) => void,
  probe: (ctx: MonthContext, m: Int16Array, done: Uint8Array) => void,
): Promise<number> {
  const { model } = await loadModel('models/rotterdam.ts');
  const months = model.horizonMonths;
  const sim = createSim({ ...model, population: { ...model.population, size: 8000 } }, scenario, 2, model.run.seed, months);
  sim.compactAt = 0.25; // compacting often, so that what is kept is carried over many compactions
  setUp(sim, months);
  const none = { m: new Int16Array(0), done: new Uint8Array(0) };
  const programme = scenario === AS_IS;
  sim.policies.unshift({
    type: 'probe', label: 'probe', participants: () => 0, cost: () => 0,
    assign: (ctx) => {
      const a = ctx.agents;
      const m = programme ? a.column<Int16Array>('tegenprestatie#1') : (none.m = none.m.length >= a.capacity ? none.m : new Int16Array(a.capacity));
      const done = programme ? a.column<Uint8Array>('tegenprestatie#1:done') : (none.done = none.done.length >= a.capacity ? none.done : new Uint8Array(a.capacity));
      probe(ctx, m, done);
    },
  });
  const start = sim.agents.compactions;
  const series = new Float64Array(months * METRIC_COUNT);
  for (let t = 0; t < months; t++) step(sim, t, series);
  return sim.agents.compactions - start;
}
