/**
 * The stages of one month, each a pass over the columns. `step.ts` calls them in order.
 * Each returns the counts it produces; none keeps state outside `sim`.
 */
import { State } from '../agents/columns.ts';
import { synthesisePerson } from '../agents/synthesise.ts';
import { luckOf, Purpose } from '../random/luck.ts';
import { openStream, poissonFromUniform } from '../random/streams.ts';
import type { MonthContext } from '../policies/types.ts';
import { computeEmployability } from './employability.ts';
import { APPLICANT_KEY_BASE, APPLICANT_KEY_STRIDE, type Sim } from './sim.ts';

/** Non-influenceable exits by household (single, single parent, couple): singles move in with a partner more. */
const HOUSEHOLD_NON_FACTOR = Float64Array.of(1.15, 1.0, 0.7);
/** School/removal hazard multiplier under age 27: the young go back to school. */
const YOUTH_SCHOOL_FACTOR = 2.5;
const ON_BENEFIT = State.onBenefit;
const IN_WORK = State.inWork;
const GONE = State.gone;

export function context(sim: Sim, month: number): MonthContext {
  return {
    month, agents: sim.agents, behaviour: sim.behaviour, seed: sim.seed, employability: sim.agents.employability,
    benefitPerRecipientMonth: sim.model.costs.benefitPerRecipientMonth,
  };
}

/** 2. Inflow: this month's applicants are drawn and appended, with their employability. */
export function inflow(sim: Sim, t: number): { from: number; to: number } {
  const u = openStream([...sim.streamKey, 'applicants', t]);
  const n = poissonFromUniform(sim.economy.applicants[t], u());
  const a = sim.agents;
  const from = a.size;
  const frailtySd = sim.behaviour.employability.frailtySd;
  for (let k = 0; k < n; k++) {
    const slot = a.append();
    synthesisePerson(a, slot, sim.applicants, u, APPLICANT_KEY_BASE + t * APPLICANT_KEY_STRIDE + k, frailtySd);
    a.entryMonth[slot] = t;
  }
  computeEmployability(a, sim.behaviour, sim.tables, a.employability, from, a.size);
  return { from, to: a.size };
}

/** 3. Intake: applicants may withdraw under the policies' deterrence. Returns [admitted, deterred]. */
export function intake(sim: Sim, t: number, from: number, to: number): [number, number] {
  const a = sim.agents;
  const deterring = sim.policies.filter((p) => p.deterrence);
  if (deterring.length === 0 || to === from) return [to - from, 0];
  let mean = 0;
  for (let i = from; i < to; i++) mean += a.employability[i];
  mean /= to - from;
  let deterred = 0;
  for (let i = from; i < to; i++) {
    let stay = 1;
    for (const p of deterring) stay *= 1 - p.deterrence!(a, i, a.employability[i] / mean);
    if (luckOf(a.luckKey[i], t, Purpose.intake) < 1 - stay) {
      a.state[i] = State.gone;
      deterred++;
    }
  }
  return [to - from - deterred, deterred];
}

/** 4. Policy assignment: each policy ends finished spells, fills its places and sets its multipliers. */
export function assignPolicies(sim: Sim, t: number): number {
  const a = sim.agents;
  a.searchMult.fill(1, 0, a.size);
  a.employMult.fill(1, 0, a.size);
  a.schoolMult.fill(1, 0, a.size);
  if (sim.additiveHazards) {
    a.ownWorkHazard.fill(0, 0, a.size);
    a.removalHazard.fill(0, 0, a.size);
  }
  const ctx = context(sim, t);
  let participants = 0;
  for (const p of sim.policies) {
    p.assign?.(ctx);
    p.applyEffects?.(ctx);
    participants += p.participants();
  }
  return participants;
}

/**
 * 5. Hazards: jobs are limited. Search units U = sum of search x employability; the matching
 * function gives M = min(V, mu U^alpha V^(1-alpha)) jobs this month, shared out in proportion to
 * each person's weight w = search x employability x employers' age preference. Raising one
 * group's weight takes jobs from the others unless it also raises U enough to create matches.
 */
export function workHazards(sim: Sim, t: number): number {
  const a = sim.agents;
  const { search, matching } = sim.behaviour;
  const { state, motivation, searchMult, employMult, ageMonths, employability: e, workHazard: w } = a;
  const empAge = sim.tables.employerAge;
  const last = empAge.length - 1;
  let units = 0;
  let weights = 0;
  for (let i = 0; i < a.size; i++) {
    if (state[i] !== State.onBenefit) { w[i] = 0; continue; }
    const se = (search.base + search.motivationSlope * motivation[i]) * searchMult[i] * e[i] * employMult[i];
    units += se;
    const wi = se * empAge[ageMonths[i] < last ? ageMonths[i] : last];
    w[i] = wi;
    weights += wi;
  }
  let V = sim.economy.vacancies[t];
  if (sim.vacancyPolicies.length > 0) {
    const ctx = context(sim, t);
    for (const p of sim.vacancyPolicies) V += p.vacancyChange!(ctx);
    V = Math.max(0, V);
  }
  sim.vacanciesThisMonth = V;
  const jobs = units > 0 ? Math.min(V, matching.efficiency * Math.pow(units, matching.alpha) * Math.pow(V, 1 - matching.alpha)) : 0;
  // each person's work hazard is w[i] * (jobs / weights); `exits` applies the scale
  sim.workScale = weights > 0 ? jobs / weights : 0;
  return jobs;
}

/** Counts of stages 6-8: exits by route, re-entries, durable jobs, still in work. */
export interface Flows {
  work: number;
  school: number;
  non: number;
  pension: number;
  returned: number;
  durable: number;
  inWork: number;
}

/**
 * 6-8 in one pass over the columns (each person's order is the stages' order, and no stage
 * depends on another person, so one pass gives the same result as three):
 *
 * 6. Exits by competing risks for those on benefit; pension age is certain.
 * 7. The revolving door for those in work at the start of the month: jobs end and some people
 *    come back onto benefit; jobs that last become durable and leave the model.
 * 8. Ageing, durations and slow trait drift (motivation and skills fall while on benefit).
 */
export function exitsReentriesAgeing(sim: Sim, t: number): Flows {
  const a = sim.agents;
  const pensionMonths = Math.round(sim.model.exits.pensionAge * 12);
  const { baseSchool, baseNon, workScale } = sim;
  const additive = sim.additiveHazards;
  const { ownWorkHazard: ownWork, removalHazard: removal } = a;
  const rd = sim.behaviour.revolvingDoor;
  const { jobLossPerMonthFirstYear: pFirst, jobLossPerMonthSecondYear: pLater, returnShare, durableAfterMonths } = rd;
  const { motivationDecayPerMonth: decay, motivationFloor: floor, skillDecayPerMonth: skillDecay } = sim.behaviour.dynamics;
  const { state, ageMonths, workHazard: hw, schoolMult, household, luckKey, monthsInWork, monthsOnBenefit, spells, entryMonth, motivation, skills } = a;
  let work = 0, school = 0, non = 0, pension = 0, returned = 0, durable = 0, inWork = 0;
  const n = a.size;
  for (let i = 0; i < n; i++) {
    const s = state[i];
    if (s === GONE) continue;
    if (s === ON_BENEFIT) {
      // 6. exits
      if (ageMonths[i] >= pensionMonths) { state[i] = GONE; non++; pension++; continue; }
      let hW = hw[i] * workScale;
      let hS = baseSchool * schoolMult[i] * (ageMonths[i] < 324 ? YOUTH_SCHOOL_FACTOR : 1);
      if (additive) { hW += ownWork[i]; hS += removal[i]; }
      const h = hW + hS + baseNon * HOUSEHOLD_NON_FACTOR[household[i]];
      // 1 - exp(-h): a Taylor series where h is small (error < h^4/24 < 5e-6 for h < 0.1)
      const p = h < 0.1 ? h * (1 - h * (0.5 - h / 6)) : -Math.expm1(-h);
      const u = luckOf(luckKey[i], t, Purpose.exit);
      if (u < p) {
        const r = (u / p) * h; // the same draw picks the route, in proportion to the hazards
        if (r < hW) { state[i] = IN_WORK; monthsInWork[i] = 1; ageMonths[i]++; work++; inWork++; continue; }
        state[i] = GONE;
        if (r < hW + hS) school++;
        else non++;
        continue;
      }
    } else {
      // 7. re-entry (in work since an earlier month)
      const m = monthsInWork[i];
      if (m >= durableAfterMonths) { state[i] = GONE; durable++; continue; }
      if (luckOf(luckKey[i], t, Purpose.jobLoss) >= (m < 12 ? pFirst : pLater)) {
        ageMonths[i]++;
        monthsInWork[i] = m + 1;
        inWork++;
        continue;
      }
      if (luckOf(luckKey[i], t, Purpose.returnToBenefit) >= returnShare) { state[i] = GONE; continue; }
      state[i] = ON_BENEFIT;
      monthsInWork[i] = 0;
      if (spells[i] < 255) spells[i]++;
      entryMonth[i] = t;
      returned++;
    }
    // 8. ageing on benefit
    ageMonths[i]++;
    monthsOnBenefit[i]++;
    const mo = motivation[i] - decay;
    motivation[i] = mo > floor ? mo : Math.min(floor, motivation[i]);
    const k = skills[i] - skillDecay;
    skills[i] = k > 0.02 ? k : 0.02;
  }
  return { work, school, non, pension, returned, durable, inWork };
}

/** 8 (start). Programmes count their participants who left this month, by route and cohort. */
export function recordOutcomes(sim: Sim, t: number): void {
  for (const p of sim.policies) if (p.programmes) for (const g of p.programmes) g.recordOutcomes(sim.agents, t);
}

/** 8 (continued). The policies' own trait effects on their participants. */
export function developTraits(sim: Sim, t: number): void {
  const ctx = context(sim, t);
  for (const p of sim.policies) if (p.developTraits) p.developTraits(ctx);
}

const counts = new Float64Array(4);

/**
 * 9. Composition of the caseload at the end of the month, counted afresh: [count, share 45+,
 * share 5y+, mean employability, mean motivation]. Refreshes the employability column, which the
 * next month's policies and hazards use; the counts come from the same pass.
 */
export function composition(sim: Sim): [number, number, number, number, number] {
  const emp = computeEmployability(sim.agents, sim.behaviour, sim.tables, sim.agents.employability, 0, sim.agents.size, counts);
  const n = counts[0];
  return n === 0 ? [0, 0, 0, 0, 0] : [n, counts[1] / n, counts[2] / n, emp / n, counts[3] / n];
}

/** Drops the gone once they are a quarter of the slots. */
export function compactIfSparse(sim: Sim, gone: number): void {
  if (gone * 4 > sim.agents.size) sim.agents.compact();
}
