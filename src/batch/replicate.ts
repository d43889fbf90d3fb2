/** Runs one task: the pure function both the worker and the in-process path call. */
import { scenariosOf } from '../engine/sim.ts';
import { simulateReplicate } from '../engine/simulate.ts';
import type { ReplicateOutput, ReplicateTask } from './task.ts';
import { measure } from '../calibration/targets.ts';

export function runTask(task: ReplicateTask): ReplicateOutput {
  if (task.economyError) throw new Error(task.economyError);
  const scenario = scenariosOf(task.model)[task.scenarioIndex];
  const { series, agentMonths } = simulateReplicate(task.model, scenario, task.replicate, task.masterSeed, task.months, task.economy);
  return { scenarioIndex: task.scenarioIndex, replicate: task.replicate, series, agentMonths };
}

/** Runs one task and measures the model's targets in it: one value per target, in order. */
export function measureTask(task: ReplicateTask): Float64Array {
  if (task.economyError) throw new Error(task.economyError);
  const scenario = scenariosOf(task.model)[task.scenarioIndex];
  const { series, programmes, reentry } = simulateReplicate(task.model, scenario, task.replicate, task.masterSeed, task.months, task.economy);
  const view = { series, months: task.months, programmes, reentry };
  return Float64Array.from(task.model.targets, (t) => measure(t, view));
}
