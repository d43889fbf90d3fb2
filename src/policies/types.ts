/**
 * The intervention interface. A policy is a composable transform on a month of the simulation:
 * it may deter applicants at intake, enrol people into places, multiply their hazards, change
 * their traits, and it costs money. Every hook is optional; a policy with none is the identity,
 * and "no policy" is the empty list.
 */
import type { Agents } from '../agents/columns.ts';
import type { EmployabilityTables } from '../engine/employability.ts';
import type { Behaviour } from '../model/behaviour.ts';
import type { Programme } from './programme.ts';

/** What a policy sees each month. */
export interface MonthContext {
  /** Month index from 0. */
  month: number;
  agents: Agents;
  behaviour: Behaviour;
  /** The replicate's 32-bit seed for per-person luck. */
  seed: number;
  /** Employability by slot (traits only, before policy multipliers): `agents.employability`. */
  employability: Float32Array;
  /** The model's benefit in EUR per recipient-month (for sanctions and earnings set-off). */
  benefitPerRecipientMonth: number;
  /** The replicate's employability tables (for a policy that computes the employability of those whose traits it changed: `employabilityChange`). */
  employabilityTables: EmployabilityTables;
  /** Whether anything reads the unrounded employability (`readsExact`): such a policy writes `agents.exactEmployability` only then. */
  exactKept: boolean;
}

/** The hazard columns a policy's `applyEffects` may write: multipliers (1 unless written) and additive hazards (0 unless written). */
export type HazardColumn = 'searchMult' | 'employMult' | 'schoolMult' | 'ownWorkHazard' | 'removalHazard';

/** Every hazard column: what a policy with `applyEffects` and no `writes` may write. */
export const HAZARD_COLUMNS: readonly HazardColumn[] = ['searchMult', 'employMult', 'schoolMult', 'ownWorkHazard', 'removalHazard'];

export interface Intervention {
  /** The policy type, as in the model file. */
  readonly type: string;
  /** A readable name for tables and charts. */
  readonly label: string;
  /** Called once per replicate, before month 0, to register columns; `months` is the horizon. */
  init?(agents: Agents, months: number): void;
  /**
   * The hazard columns `applyEffects` writes. The engine resets, and reads, only the columns some
   * policy writes (a column nobody writes is 1 or 0 for everyone, and x * 1 and x + 0 are exact);
   * a policy with `applyEffects` that leaves this out is taken to write all five.
   */
  readonly writes?: readonly HazardColumn[];
  /**
   * A factor on the search of everyone on benefit this month (a rule for all, such as the threat of
   * sanctions): the engine starts `searchMult` at the product of these factors, before any policy
   * multiplies it person by person (the engine then resets and reads `searchMult`, whatever
   * `writes` says).
   */
  searchFactor?(month: number): number;
  /** The programmes (places, cohorts, outcomes) this policy runs, if any; targets refer to them by label. */
  readonly programmes?: readonly Programme[];
  /**
   * Intake: the probability that applicant slot `i` withdraws (is deterred) before admission.
   * `relativeEmployability` is the applicant's employability over this month's applicant mean.
   */
  deterrence?(agents: Agents, i: number, relativeEmployability: number): number;
  /** Ends finished participations and fills free places from the eligible (capacity rules). */
  assign?(ctx: MonthContext): void;
  /**
   * Multiplies the hazard multiplier columns (`searchMult`, `employMult`, `schoolMult`) of participants,
   * and may add to the additive hazards `ownWorkHazard` (work found outside the vacancy competition,
   * e.g. self-employment) and `removalHazard` (benefit ended: a sanction, fraud found).
   */
  applyEffects?(ctx: MonthContext): void;
  /**
   * Whether this month's `applyEffects` may have written a hazard column (asked after it; a
   * programme's is whether it has participants). Without it, the engine takes it that it did. The
   * engine does not read a column no policy wrote this month.
   */
  wroteThisMonth?(): boolean;
  /**
   * The slots to which this month's `applyEffects` added a removal hazard (`removalHazard`; any
   * order, repeats allowed). When every policy that wrote that column this month gives them, the
   * exits pass reads it at those slots only, and they are set back to 0 after it.
   */
  removals?(): ArrayLike<number>;
  /**
   * Trait changes of participants at the end of the month (motivation, skills, rung, multiProblem).
   * Returns the slots whose traits it may have changed (their employability is computed again);
   * nothing if it changes no trait.
   */
  developTraits?(ctx: MonthContext): ArrayLike<number> | void;
  /**
   * The sum of the motivation changes this month's `developTraits` made (after less before, of
   * those on benefit): the engine then adds it to the caseload's motivation sum. A policy whose
   * trait effects leave motivation alone gives 0; one without this makes the engine sum the
   * month's composition again over the whole caseload.
   */
  motivationChange?(): number;
  /**
   * Present when `developTraits` itself computes the employability of those whose traits it
   * changed (`traitEmployability`, written to `agents.employability` and, when `exactKept`, to its
   * exact copy; from the traits before the change and after it): returns the sum of their exact employability's
   * changes (after less before, in the order it went through them), and the engine computes no one's
   * again. Those it changed must still be returned by `developTraits`.
   */
  employabilityChange?(): number;
  /**
   * Change in the month's suitable vacancies the recipients compete for (after `assign`): negative
   * when unpaid work displaces paid jobs (tegenprestatie), positive when employers open vacancies
   * for the programme's candidates (account management).
   */
  vacancyChange?(ctx: MonthContext): number;
  /** Benefit withheld this month in EUR (sanctions, earnings set off against the benefit); lowers benefit cost. */
  withheldBenefit?(): number;
  /** Participants this month (after `assign`). */
  participants(): number;
  /** Programme cost this month in EUR, given this month's applicants. */
  cost(applicants: number): number;
}
