/** What the main thread sends a worker for one replicate, and what comes back. */
import type { EconomyPath } from '../economy/path.ts';
import type { Model } from '../model/schema.ts';

export interface ReplicateTask {
  /** Absent in a batch whose pool received the model once, at start (`BatchData`). */
  model: Model;
  scenarioIndex: number;
  replicate: number;
  masterSeed: number;
  months: number;
  /** The scenario's economy, built once in the main thread... */
  economy?: EconomyPath;
  /** ...or why it could not be built (the replicate then fails with this message). */
  economyError?: string;
  /** Calibration: measure the model's targets and return their values instead of the series. */
  measureTargets?: boolean;
}

export interface ReplicateOutput {
  scenarioIndex: number;
  replicate: number;
  /** months x METRIC_COUNT, row-major by month. */
  series: Float64Array;
  agentMonths: number;
}

/**
 * What every worker of a batch's pool receives once, when it starts (piscina's `workerData`): the
 * model and each scenario's economy. The batch's tasks then carry only their indices and seed.
 */
export interface BatchData {
  /** One per parameter set (one for the fitted point): replicate r runs set r mod K. */
  sets: {
    model: Model;
    /** By scenario index; undefined where the economy could not be built (the task says why). */
    economies: (EconomyPath | undefined)[];
  }[];
}

/** A task as a batch sends it when its workers hold the `BatchData`: which set it runs. */
export type SlimTask = Omit<ReplicateTask, 'model' | 'economy'> & { set: number };
