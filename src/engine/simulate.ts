/** Runs one replicate of one scenario from start to horizon. */
import type { EconomyPath } from '../economy/path.ts';
import type { ReentryLog } from './sim.ts';
import type { Model, Scenario } from '../model/schema.ts';
import { M, METRIC_COUNT } from './metrics.ts';
import { givePopulationBack } from '../agents/columns.ts';
import { createSim } from './sim.ts';
import { step } from './step.ts';
import type { ProgrammeOutcomes } from '../policies/programme.ts';

export interface ReplicateResult {
  /** months x METRIC_COUNT, row-major by month. */
  series: Float64Array;
  /** Recipient-months simulated (the caseload summed over months), for benchmarks. */
  agentMonths: number;
  /** What became of each programme's participants, by programme label. */
  programmes: Map<string, ProgrammeOutcomes>;
  reentry: ReentryLog;
}

export function simulateReplicate(model: Model, scenario: Scenario, replicate: number, masterSeed: number, months: number, economy?: EconomyPath): ReplicateResult {
  const sim = createSim(model, scenario, replicate, masterSeed, months, economy);
  const series = new Float64Array(months * METRIC_COUNT);
  let agentMonths = 0;
  for (let t = 0; t < months; t++) {
    step(sim, t, series);
    agentMonths += series[t * METRIC_COUNT + M.caseload];
  }
  const programmes = new Map<string, ProgrammeOutcomes>();
  for (const p of sim.policies) for (const g of p.programmes ?? []) programmes.set(g.label, g.outcomes);
  givePopulationBack(sim.agents); // nothing returned refers to its columns
  return { series, agentMonths, programmes, reentry: sim.reentry };
}
