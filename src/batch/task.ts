/** What the main thread sends a worker for one replicate, and what comes back. */
import type { Model } from '../model/schema.ts';

export interface ReplicateTask {
  model: Model;
  scenarioIndex: number;
  replicate: number;
  masterSeed: number;
  months: number;
}

export interface ReplicateOutput {
  scenarioIndex: number;
  replicate: number;
  /** months x METRIC_COUNT, row-major by month. */
  series: Float64Array;
  agentMonths: number;
}
