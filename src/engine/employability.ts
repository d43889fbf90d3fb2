/**
 * Employability: how attractive a recipient is to employers, from traits alone (before policy
 * multipliers and employers' age preference):
 *
 *     e = frailty * exp( b_s (skills - .5) + b_m (motivation - .5) - b_mp multiProblem
 *                        + b_r (rung - 3) - b_age max(0, age - 45)/10 - b_scar ln(1 + years on benefit) )
 *
 * Duration scarring and the age terms are looked up in tables built once per replicate.
 */
import { State, type Agents } from '../agents/columns.ts';
import type { Behaviour } from '../model/behaviour.ts';
import { fastExp } from './fast-exp.ts';
import { kernelFor } from '../agents/specialise.ts';

export interface EmployabilityTables {
  /** exp(-b_scar ln(1 + months/12)) by months on benefit. */
  scar: Float64Array;
  /** exp(-b_age max(0, age-45)/10) by age in months. */
  age: Float64Array;
  /** Employers' preference exp(-disc max(0, age-45)/10) by age in months. */
  employerAge: Float64Array;
}

const MAX_MONTHS = 1200;
const ON_BENEFIT = State.onBenefit;

export function buildTables(b: Behaviour): EmployabilityTables {
  const scar = new Float64Array(MAX_MONTHS);
  const age = new Float64Array(MAX_MONTHS);
  const employerAge = new Float64Array(MAX_MONTHS);
  for (let m = 0; m < MAX_MONTHS; m++) {
    scar[m] = Math.exp(-b.employability.scarringPerLogYear * Math.log(1 + m / 12));
    const over = Math.max(0, m / 12 - 45) / 10;
    age[m] = Math.exp(-b.employability.agePer10YearsOver45 * over);
    employerAge[m] = Math.exp(-b.matching.ageDiscriminationPer10Years * over);
  }
  return { scar, age, employerAge };
}

/**
 * The employability of slot `i` from its current traits (whoever it is: callers check the state).
 * Table indices need no clamping: on benefit, age is below the pension age (at most 70 years,
 * plus at most the months someone can spend in work before re-entering) and months on benefit
 * below age minus 18 years, so both stay under MAX_MONTHS (100 years).
 */
export function employabilityOf(a: Agents, i: number, b: Behaviour, t: EmployabilityTables): number {
  const c = b.employability;
  const x = c.skills * (a.skills[i] - 0.5) + c.motivation * (a.motivation[i] - 0.5) - c.multiProblem * a.multiProblem[i] + c.rung * (a.rung[i] - 3);
  return a.frailty[i] * fastExp(x) * t.age[a.ageMonths[i]] * t.scar[a.monthsOnBenefit[i]];
}

/**
 * `employabilityOf` for each slot `slots[k]` on benefit, written to the column and to its exact
 * copy (`Agents.exactEmployability`, unrounded); others are skipped (their employability is 0
 * already). One loop with the coefficients read once: the policies' trait effects refresh
 * thousands of people a month. Returns the sum of the exact employability's changes (new less old,
 * in list order), for the month's composition.
 */
export function refreshEmployability(a: Agents, slots: ArrayLike<number>, b: Behaviour, t: EmployabilityTables): number {
  const refresh = kernelFor(a, refreshPass, [REFRESH_LIB] as const);
  const { skills, motivation, multiProblem, rung } = b.employability;
  return refresh(slots, slots.length, skills, motivation, multiProblem, rung, t.age, t.scar);
}

/** What `refreshPass` uses from other modules: its specialised copy is compiled outside this one. */
const REFRESH_LIB = { fastExp, ON_BENEFIT };

/** The loop of `refreshEmployability` over population `a`, specialised to the columns (`specialise.ts`); the behaviour's tables are arguments. */
function refreshPass(a: Agents, inputs: readonly [typeof REFRESH_LIB]) {
  const [{ fastExp, ON_BENEFIT }] = inputs;
  const { state, skills, motivation, multiProblem, rung, frailty, ageMonths, monthsOnBenefit, employability, exactEmployability: exact } = a;
  return function refresh(slots: ArrayLike<number>, n: number, bS: number, bM: number, bMP: number, bR: number, ageT: Float64Array, scarT: Float64Array): number {
    let change = 0;
    for (let k = 0; k < n; k++) {
      const i = slots[k];
      if (state[i] !== ON_BENEFIT) continue;
      const x = bS * (skills[i] - 0.5) + bM * (motivation[i] - 0.5) - bMP * multiProblem[i] + bR * (rung[i] - 3);
      const e = frailty[i] * fastExp(x) * ageT[ageMonths[i]] * scarT[monthsOnBenefit[i]];
      change += e - exact[i];
      employability[i] = e;
      exact[i] = e;
    }
    return change;
  };
}

/**
 * Employability from one person's traits, for loops over the columns: `employabilityOf` with the
 * traits and the two table factors (`age` and `scar` at the person's age and months on benefit)
 * given, and the coefficients of skills, motivation, multi-problem and rung. The same operations
 * in the same order, so the same number.
 */
export function traitEmployability(
  frailty: number, skills: number, motivation: number, multiProblem: number, rung: number, ageFactor: number, scarFactor: number,
  bS: number, bM: number, bMP: number, bR: number,
): number {
  return frailty * fastExp(bS * (skills - 0.5) + bM * (motivation - 0.5) - bMP * multiProblem + bR * (rung - 3)) * ageFactor * scarFactor;
}

/** Fills `out[i]` for everyone on benefit in slots [from, to); others get 0. Returns the sum. */
export function computeEmployability(a: Agents, b: Behaviour, t: EmployabilityTables, out: Float32Array, from = 0, to = a.size): number {
  const { state } = a;
  let sum = 0;
  for (let i = from; i < to; i++) {
    if (state[i] !== ON_BENEFIT) { out[i] = 0; continue; }
    const e = employabilityOf(a, i, b, t);
    out[i] = e;
    sum += e;
  }
  return sum;
}
