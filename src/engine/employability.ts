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
 * Fills `out[i]` for everyone on benefit in slots [from, to); others get 0. Returns the sum.
 * Table indices need no clamping: on benefit, age is below the pension age (at most 70 years,
 * plus at most the months someone can spend in work before re-entering) and months on benefit
 * below age minus 18 years, so both stay under MAX_MONTHS (100 years).
 */
export function computeEmployability(a: Agents, b: Behaviour, t: EmployabilityTables, out: Float32Array, from = 0, to = a.size): number {
  const { skills: bs, motivation: bm, multiProblem: bmp, rung: br } = b.employability;
  const { state, skills, motivation, multiProblem, rung, frailty, ageMonths, monthsOnBenefit } = a;
  const ageT = t.age;
  const scarT = t.scar;
  let sum = 0;
  for (let i = from; i < to; i++) {
    if (state[i] !== ON_BENEFIT) { out[i] = 0; continue; }
    const x = bs * (skills[i] - 0.5) + bm * (motivation[i] - 0.5) - bmp * multiProblem[i] + br * (rung[i] - 3);
    const e = frailty[i] * fastExp(x) * ageT[ageMonths[i]] * scarT[monthsOnBenefit[i]];
    out[i] = e;
    sum += e;
  }
  return sum;
}
