/** Set-up shared by the policy tests: the small fixture, paired scenarios, replicates run with a recorder. */
import { METRIC_COUNT } from '../../src/engine/metrics.ts';
import { createSim, type Sim } from '../../src/engine/sim.ts';
import { step } from '../../src/engine/step.ts';
import { validateModel } from '../../src/model/load.ts';
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
