/**
 * Messages between the classroom page and its workers. One worker runs the live replicate month by
 * month (so the page can animate); a small pool runs whole replicates for the small multiples, the
 * fan chart and comparisons. Everything is structured-clone data.
 */
import type { Model } from '../model/schema.ts';
import type { Settings } from './settings.ts';

export type ToWorker =
  | { kind: 'init' }
  /** Builds the live replicate (replicate 0 of the settings' seed) and, with `track`, a sample of people to follow. */
  | { kind: 'prepare'; id: number; settings: Settings; track: boolean }
  /** Runs the live replicate's next month. */
  | { kind: 'step'; id: number }
  /** Runs whole replicates of the settings, one `replicate` message each. */
  | { kind: 'replicates'; id: number; settings: Settings; replicates: number[] };

export interface BundledModel {
  file: string;
  /** Validated, with the calibration companion applied (as `loadModel` does). */
  model: Model;
  /** What the calibration companion set (dotted path -> value); empty without one. */
  applied: Record<string, number>;
}

/** A programme's participants so far in the live replicate. */
export interface ProgrammeSoFar {
  label: string;
  type: string;
  participants: number;
  entrants: number;
  exitsWork: number;
  exitsOther: number;
}

/** What became of a programme's entrants in one whole replicate: left benefit within 12 months of starting. */
export interface ProgrammeOutcome {
  label: string;
  entrants: number;
  left12: number;
  work12: number;
}

/**
 * The people followed in the live replicate, in order of first appearance. `status` codes are
 * `PersonStatus`; traits are their last known values.
 */
export interface PeopleSnapshot {
  status: Uint8Array;
  age: Float32Array;
  yearsOnBenefit: Float32Array;
  motivation: Float32Array;
  skills: Float32Array;
  spells: Uint8Array;
  /** Index into `programmes` of the (first) programme they are in, -1 for none. */
  programme: Int8Array;
  programmes: string[];
  /** One followed person stands for this many. */
  every: number;
}

export const PersonStatus = {
  onBenefit: 0,
  inProgramme: 1,
  backOnBenefit: 2,
  inWork: 3,
  durableJob: 4,
  jobEnded: 5,
  leftOther: 6,
} as const;

export const PERSON_STATUSES = ['onBenefit', 'inProgramme', 'backOnBenefit', 'inWork', 'durableJob', 'jobEnded', 'leftOther'] as const;

export type FromWorker =
  | { kind: 'ready'; models: BundledModel[]; problems: string[]; fittedFile: string | null }
  | { kind: 'prepared'; id: number; months: number; startMonth: string; growth: number[]; demand: number[]; economyNote: string }
  | { kind: 'month'; id: number; t: number; row: number[]; people?: PeopleSnapshot; programmes: ProgrammeSoFar[] }
  | { kind: 'replicate'; id: number; replicate: number; series: Float64Array; programmes: ProgrammeOutcome[] }
  | { kind: 'error'; id: number; message: string };
